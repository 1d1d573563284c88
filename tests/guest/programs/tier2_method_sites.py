# Method calls ``obj.m(...)`` at sites where tier 2 pushes the guest function
# and the instance without a bound method (interpreter/t2attr.py: instances
# without a dict, ``__slots__``): each site gets hot, then what the lookup
# would find changes (the method replaced or deleted on the class or a base,
# a property in its place, __getattribute__ assigned, __class__ and
# __bases__ assigned, many classes at one site); instances with a dict (the
# name in their own dict) at sites of their own.
import sys


class A:
    __slots__ = ()

    def m(self, x):
        return "A.m(%r)" % (x,)

    def who(self):
        return sys._getframe(1).f_code.co_name


class B(A):
    __slots__ = ()


class D:
    def m(self, x):
        return "D.m(%r)" % (x,)


class SBase:
    __slots__ = ()

    def m(self, x):
        return "SBase.m(%r)" % (x,)


class Slotted(SBase):
    __slots__ = ("v",)


class SlottedDict(SBase):
    __slots__ = ("v", "__dict__")


def call_m(objs, n=40):
    out = []
    for i in range(n):
        out.append(objs[i % len(objs)].m(i))
    return out[-2:]


def call_d(objs, n=40):
    # (its own site: instances with a dict disarm it)
    out = []
    for i in range(n):
        out.append(objs[i % len(objs)].m(i))
    return out[-2:]


def call_who(obj, n=40):
    r = None
    for i in range(n):
        r = obj.who()
    return r


a, b = A(), B()
print("plain", call_m([a, b]), call_who(b))
print("slots", call_d([Slotted()]), call_d([SlottedDict()]))
SBase.m = lambda self, x: "new SBase.m(%r)" % (x,)
print("slots replaced", call_d([Slotted(), SlottedDict()]))

# replaced on the base, then on the subclass, then deleted
A.m = lambda self, x: "new A.m(%r)" % (x,)
print("replaced", call_m([a, b]))
B.m = lambda self, x: "B.m(%r)" % (x,)
print("subclass", call_m([a, b]))
del B.m
print("deleted", call_m([b]))

# the instance's own dict shadows a method (not a data descriptor)
d = D()
print("dict instance", call_d([d]))
d.m = lambda x: "instance m(%r)" % (x,)
print("instance", call_d([d, D()]))
del d.m
print("instance gone", call_d([d]))
s = SlottedDict()
print("slotted dict", call_d([s]))
s.m = lambda x: "slotted instance m(%r)" % (x,)
print("slotted dict instance", call_d([s]))


# a dict subclass as the instance's dict: its __contains__ is not asked
class Noisy(dict):
    def __contains__(self, key):
        print("__contains__ called")
        return False


c = D()
print("before", call_d([c]))
c.__dict__ = Noisy(m=lambda x: "from Noisy dict %r" % (x,))
print("noisy dict", call_d([c]))

# a property (a data descriptor) in place of the method
A.m = property(lambda self: lambda x: "property m(%r)" % (x,))
print("property", call_m([a, b]))
A.m = lambda self, x: "method again %r" % (x,)
print("again", call_m([a, b]))

# __getattribute__ assigned on the base, then removed
A.__getattribute__ = lambda self, name: (lambda x: "__getattribute__(%s)(%r)" % (name, x))
print("getattribute", call_m([b]))
del A.__getattribute__
print("getattribute gone", call_m([b]))

# __getattr__ does not matter while the method is found
A.__getattr__ = lambda self, name: "never"
print("getattr", call_m([b]))
del A.__getattr__


# __class__ and __bases__ assigned
class C:
    __slots__ = ()

    def m(self, x):
        return "C.m(%r)" % (x,)


o = B()
print("before class", call_m([o]))
o.__class__ = C
print("class assigned", call_m([o]))


class Mixin:
    __slots__ = ()

    def m(self, x):
        return "Mixin.m(%r)" % (x,)


class Late(A):
    __slots__ = ()


x = Late()
print("late", call_m([x]))
Late.__bases__ = (Mixin, A)
print("bases assigned", call_m([x]))

# many classes at one site (it stops recording them)
many = [type("K%d" % i, (A,), {"__slots__": (),
                              "m": (lambda i: lambda self, x: "K%d.m(%r)" % (i, x))(i)})()
        for i in range(12)]
print("many", call_m(many, 48), call_m(many[:2]))

# static and class methods, builtin methods and module functions
A.m = staticmethod(lambda x: "static %r" % (x,))
print("static", call_m([a, b]))
A.m = classmethod(lambda cls, x: "classmethod %s %r" % (cls.__name__, x))
print("classmethod", call_m([a, b]))


class L(list):
    def m(self, x):
        return "L.m %d" % len(self)


print("list subclass", call_d([L([1, 2])]))
