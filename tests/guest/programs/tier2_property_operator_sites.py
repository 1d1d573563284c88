# Property reads and writes and binary operators of guest classes at sites
# that tier 2 calls the getter, setter or operator method of directly
# (interpreter/t2attr.py): each site gets hot, then the class changes under
# it (a property replaced, re-initialised in place, deleted, shadowed by a
# subclass; __getattr__, __getattribute__, __setattr__, an operator assigned
# later; __bases__ and __class__ assigned) and the site must see it at once.
import sys
import traceback


class Base:
    def __init__(self, v):
        self._v = v

    @property
    def val(self):
        return self._v * 2

    @val.setter
    def val(self, value):
        self._v = value + 1

    @property
    def where(self):
        return sys._getframe(1).f_code.co_name

    @property
    def bad(self):
        raise AttributeError("bad getter")

    @property
    def boom(self):
        return 1 // (self._v - self._v)


class Sub(Base):
    pass


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        if type(o) is not Vec:
            return NotImplemented
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __truediv__(self, k):
        return NotImplemented

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


class RVec(Vec):
    def __radd__(self, o):
        return "RVec.__radd__"


def read_val(objs, n=40):
    out = []
    for i in range(n):
        out.append(objs[i % len(objs)].val)
    return out[-3:]


def write_val(obj, n=40):
    for i in range(n):
        obj.val = i
    return obj._v


def read_where(obj, n=40):
    r = None
    for i in range(n):
        r = obj.where
    return r


def read_bad(obj, n=40):
    out = []
    for i in range(n):
        try:
            out.append(obj.bad)
        except AttributeError as e:
            out.append("AttributeError: %s" % e)
    return out[-1]


def ops(a, b, k, n=40):
    r = None
    for i in range(n):
        r = (a + b, a - b, a * k, a * b)
    return r


def one_op(a, b, n=40):
    out = []
    for i in range(n):
        try:
            out.append(a + b)
        except TypeError as e:
            out.append("TypeError: %s" % e)
    return out[-1]


def sub_op(a, b, n=40):
    out = []
    for i in range(n):
        try:
            out.append(a - b)
        except TypeError as e:
            out.append("TypeError: %s" % e)
    return out[-1]


def div_op(a, b, n=40):
    try:
        for i in range(n):
            a / b
    except TypeError as e:
        return "TypeError: %s" % e


ORIGINAL = Base.__dict__["val"]
b, s = Base(3), Sub(4)
print("get", read_val([b, s]), read_val([s]))
print("where", read_where(b))
print("bad", read_bad(b))

# the property replaced on the class, after the site is hot
Base.val = property(lambda self: "new getter %r" % self._v)
print("replaced", read_val([b, s]))
# re-initialised in place: the same object, another getter
Base.__dict__["val"].__init__(lambda self: "reinit %r" % self._v)
print("reinit", read_val([b]))
# shadowed by the subclass: a plain value, then a method
Sub.val = 99
print("shadowed", read_val([s, b]))
del Sub.val
Base.val = property(Base.where.fget)
print("back", read_val([s]))
# a plain class attribute and the instance's own dict
Base.val = "plain"
print("plain", read_val([b]))
b.__dict__["val"] = "instance"
print("instance", read_val([b]))
del b.__dict__["val"]
del Base.val
try:
    read_val([b])
except AttributeError as e:
    print("deleted:", e)


# a data descriptor wins over the instance dict
def getter(self):
    return "getter"


Base.val = property(getter)
b.__dict__["val"] = "instance"
print("data descriptor first", read_val([b]))

# __getattr__ assigned later: a getter's AttributeError reaches it
print("bad before", read_bad(b))
Base.__getattr__ = lambda self, name: "__getattr__(%s)" % name
print("bad after", read_bad(b))
del Base.__getattr__
print("bad again", read_bad(b))

# __getattribute__ assigned later on the base
Base.__getattribute__ = lambda self, name: "__getattribute__(%s)" % name
print("getattribute", read_val([s]))
del Base.__getattribute__
print("getattribute gone", read_val([s]))

# the setter, then a property without one, then __setattr__
Base.val = ORIGINAL
w = Base(0)
print("set", write_val(w))
Base.val = property(lambda self: self._v, lambda self, v: setattr(self, "_v", -v))
print("set replaced", write_val(w))
Base.val = property(lambda self: self._v)
try:
    write_val(w)
except AttributeError as e:
    print("no setter:", e)
Base.val = property(lambda self: self._v, lambda self, v: setattr(self, "_v", v * 10))
Sub.__setattr__ = lambda self, name, v: object.__setattr__(self, "_v", "via __setattr__")
print("setattr hook", write_val(Sub(1)))
del Sub.__setattr__
print("setattr gone", write_val(Sub(1)))

# __class__ and __bases__ assigned
class Other:
    @property
    def val(self):
        return "Other.val"


o = Sub(5)
print("before class", read_val([o]))
o.__class__ = Other
print("class assigned", read_val([o]))


class Mixin:
    @property
    def val(self):
        return "Mixin.val"


class Late(Base):
    pass


x = Late(2)
print("late", read_val([x]))
Late.__bases__ = (Mixin, Base)
print("bases assigned", read_val([x]))

# an exception from a getter: its traceback and the handled exception
def read_boom(n=40):
    try:
        for i in range(n):
            Base(i).boom
    except ZeroDivisionError:
        lines = traceback.format_exc().splitlines()
        print("\n".join(ln for ln in lines if "File" not in ln or "programs" in ln))


read_boom()

# the operators
v, u = Vec(1, 2), Vec(3, 4)
print("ops", ops(v, u, 3), ops(v, u, 0.5))
print("rvec", one_op(v, RVec(1, 1)), one_op(RVec(1, 1), v))
print("not implemented", sub_op(v, 3), sub_op(v, 2.5), sub_op(v, u))
print("div", div_op(v, u), div_op(v, 2), div_op(v, 2.0))
Vec.__add__ = lambda self, o: "new __add__"
print("add replaced", one_op(v, u))
del Vec.__add__
print("add deleted", one_op(v, u))
Vec.__add__ = lambda self, o: NotImplemented
print("add NotImplemented", one_op(v, u), one_op(v, 1), one_op(v, 1.5))


class FVec(Vec):
    pass


FVec.__add__ = lambda self, o: "FVec.__add__"
print("subclass op", one_op(FVec(0, 0), v), one_op(v, FVec(0, 0)))


class MyFloat(float):
    def __add__(self, o):
        return NotImplemented


print("float subclass", one_op(MyFloat(1.5), 2.0), one_op(1, 2), one_op("a", "b"))


# recursion through a getter and through an operator: the same depth
class Deep:
    __slots__ = ("n",)

    @property
    def deep(self):
        self.n += 1
        return self.deep

    def __add__(self, o):
        self.n += 1
        return self + o


def recurse(d, n=3):
    for i in range(n):
        for what in ("property", "operator"):
            d.n = 0
            try:
                d.deep if what == "property" else d + d
            except RecursionError as e:
                print(what, d.n, e)


recurse(Deep())


# in a generator (tier 2 translates it as a host generator)
class Num:
    def __init__(self, v):
        self.v = v

    def __sub__(self, o):
        return self.v - o.v


def gen_reads(objs):
    for o in objs:
        yield o.val, Num(o._v) - Num(1)


Base.val = ORIGINAL
print("generator", list(gen_reads([Base(i) for i in range(40)]))[-2:])
Base.val = property(lambda self: "changed")
print("generator changed", list(gen_reads([Base(i) for i in range(40)]))[-2:])
