# Binding a function to an instance (func_descr_get), which the VM does in C
# (objects/funcobject.py: _testcapi's MethodDescriptorBase as Function's
# base): the function type's __get__ with its argument checks, the type as
# the guest sees it (no extra base), and method loads that must find the
# instance's own attribute, a rebound method, a descriptor or a hook first.
# Each loop runs long enough for tier 2 to take the code.
import sys


def f(x=1):
    return ("f", x)


T = type(f)
print(T.__name__, T.__mro__, T.__bases__, T.__base__, T.mro())
print(type(f.__get__).__name__, type(T.__dict__["__get__"]).__name__)
print(f.__get__(None, int) is f, f.__get__(5)(), f.__get__(5, int)())
for args in [(None, None), (None,), ()]:
    try:
        f.__get__(*args)
    except TypeError as e:
        print("TypeError", e)
for stmt in ["T.__bases__ = (object,)", "T.__mro__ = ()"]:
    try:
        exec(stmt)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(isinstance(f, T), issubclass(T, object))


class A:
    tag = "class"

    def m(self, x):
        return "A.m", x, self.tag

    def n(self):
        return "A.n"


class B(A):
    pass


def run(objs, rounds=40):
    out = []
    for i in range(rounds):
        for o in objs:
            out.append(o.m(i))
            bound = o.n
            out.append((bound(), getattr(bound, "__self__", None) is o,
                        getattr(bound, "__func__", bound).__name__))
    return out[-2 * len(objs):], len(out)


a, b = A(), B()
a.tag, b.tag = "a", "b"
print(run([a, b]))
a.m = b.m                               # a bound method of another instance
print(run([a, b]))
a.m = A.m.__get__(B())                  # of an instance that is not otherwise kept
print(run([a, b]))
a.m = lambda x: ("own", x)              # the instance's dict shadows the method
print(run([a, b]))
del a.m
B.m = lambda self, x: ("B.m rebound", x)
print(run([a, b]))
A.n = staticmethod(lambda: "static n")
print(run([a, b], 3))
A.n = classmethod(lambda cls: cls.__name__)
print(run([a, b], 3))
vars(b)["n"] = lambda: "b's own n"      # written through the dict itself
print(run([a, b], 3))


class Hooked(A):
    def __getattribute__(self, name):
        if name == "m":
            return lambda x: ("hooked", x)
        return object.__getattribute__(self, name)


class Fallback:
    def __getattr__(self, name):
        return lambda *a: ("getattr", name, a)

    def n(self):
        return "Fallback.n"


print(run([Hooked(), Fallback()], 30))


class Desc:
    def __get__(self, obj, tp=None):
        return lambda x: ("desc", x, type(obj).__name__)


class C(A):
    m = Desc()


c = C()
print(run([c], 30))
c.__class__ = A
print(run([c], 30))


class Base:
    def m(self, x):
        return "Base.m", x

    def n(self):
        return "Base.n"


class Sub(Base):
    def m(self, x):
        return ("Sub.m", super().m(x), super(Sub, self).n())

    def n(self):
        return super().n() + "/Sub"


s = Sub()
print(run([s], 30))
Base.m = lambda self, x: ("Base.m rebound", x)
print(run([s], 30))


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return type(other) is Eq and self.v == other.v

    def __hash__(self):
        return hash(self.v)

    def __lt__(self, other):
        return self.v < other.v


items = [Eq(i % 7) for i in range(60)]
print(len(set(items)), min(items).v, sorted(items)[-1].v, items[3] == items[10], items[3] < items[4])
print(sys.getrecursionlimit() > 0)
