# One obj.m(...) call site in code tier 2 runs meeting every kind of
# attribute: a guest method bound, a builtin method, a static method, a
# class method, a callable instance, a class, a generator's send, a
# non-callable, an instance attribute shadowing the method; and sites guarded
# by a type's version: classes made again at the same address, a method
# replaced, __bases__ assigned, more classes than a site keeps, operators and
# properties of slotted classes.
import sys


def call0(o):
    return o.m()


def call1(o, a):
    return o.m(a)


class Meth:
    def m(self, a=0):
        return ("meth", a, sys._getframe(1).f_code.co_name)


class Stat:
    @staticmethod
    def m(a=0):
        return ("static", a)


class Cls:
    @classmethod
    def m(cls, a=0):
        return ("class", cls.__name__, a)


class CallableObj:
    def __call__(self, a=0):
        return ("callable", a)


class HasCallable:
    m = CallableObj()


class HasClass:
    class m:
        def __init__(self, a=0):
            self.a = a

        def __repr__(self):
            return "m(%r)" % (self.a,)


class NotCallable:
    m = 5


class Builtinish:
    def __init__(self):
        self.m = [1, 2].append


class Shadow(Meth):
    def __init__(self):
        self.m = lambda a=0: ("shadow", a)


def gen():
    got = yield 1
    while True:
        got = yield ("sent", got)


class GenHolder:
    def __init__(self):
        self.g = gen()
        next(self.g)
        self.m = self.g.send


kinds = [Meth(), Stat(), Cls(), HasCallable(), HasClass(), NotCallable(), Builtinish(),
         Shadow(), GenHolder(), [3, 1, 2], "text", {"k": 1}]


def show(fn, *args):
    try:
        return fn(*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


for _ in range(30):
    call0(Meth())
    call1(Meth(), 1)
for k in kinds:
    # (a generator's send called without its argument is left out: its
    # TypeError's text is a known difference of evalframe's generators)
    print(type(k).__name__, show(call0, k) if type(k) is not GenHolder else "-",
          show(call1, k, 7))


# LOAD_METHOD of other names at a hot site: list, str, dict methods
def others(x):
    return x.copy() if hasattr(x, "copy") else x.upper()


for _ in range(30):
    others([1])
print(others([1, 2]), others("ab"), others({"a": 1}))


# classes made again and again (an address may be reused: a new version)
def make(k):
    class Temp:
        __slots__ = ("v",)

        def __init__(self, v):
            self.v = v

        def m(self, a=0):
            return k * 100 + self.v + a

        def __add__(self, other):
            return Temp(self.v + (other.v if type(other) is Temp else other) + k)

        @property
        def twice(self):
            return self.v * 2

    return Temp


def use(o):
    return o.m(1), (o + o).v, (o + 1).v, o.twice


out = []
for k in range(20):
    T = make(k)
    for _ in range(20):
        r = use(T(k))
    out.append(r)
    del T
print(out)


# a method replaced on the class while a site is warm, then __bases__
class A:
    __slots__ = ()

    def m(self, a=0):
        return "A.m"


class B:
    __slots__ = ()

    def m(self, a=0):
        return "B.m"


class C(A):
    __slots__ = ()


seen = []
for i in range(60):
    if i == 20:
        A.m = lambda self, a=0: "A.m replaced"
    if i == 40:
        C.__bases__ = (B,)
    seen.append(call1(C(), 0))
print(sorted(set(seen)), seen[19], seen[20], seen[40])


# more classes at one site than it keeps
classes = [type("K%d" % k, (), {"__slots__": (), "m": lambda self, a=0, k=k: k}) for k in range(12)]
acc = 0
for _ in range(10):
    for K in classes:
        acc += call1(K(), 0)
print(acc)
