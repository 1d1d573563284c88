# Objects only the main module's globals hold are finalized at exit, as CPython's
# finalization frees them, after hot property, method and operator sites ran:
# tier 2's armed sites (t2attr.py) hold the guest getters, setters, methods and
# operator methods they call, and through them this module's globals; they are
# let go at exit (t2attr.disarm_all).  Before: no "del" line after "done" in
# tier 2 (default mode after 16 calls, tier2-eager at once).


class Witness:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Box:
    def __init__(self, v):
        self._v = v

    @property
    def v(self):                 # a trivial getter: the site reads _v itself
        return self._v

    @property
    def twice(self):             # a getter the site calls
        return self._v * 2

    @property
    def w(self):
        return self._v

    @w.setter
    def w(self, value):          # a setter the site calls
        self._v = value


class Slotted:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x

    def get(self):               # a method of a class with __slots__
        return self.x


class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):    # an operator's guest method
        return Vec(self.x + other.x)


def use_getters(b):
    t = 0
    for _ in range(200):
        t += b.v + b.twice
    return t


def use_setter(b):
    for i in range(200):
        b.w = i
    return b.w


def use_method(s):
    t = 0
    for _ in range(200):
        t += s.get()
    return t


def use_operator(a, b):
    c = a
    for _ in range(200):
        c = c + b
    return c.x


print(use_getters(Box(3)), use_setter(Box(0)), use_method(Slotted(2)),
      use_operator(Vec(0), Vec(1)))
first = Witness("first")
second = Witness("second")
print("done")
