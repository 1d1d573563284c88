# Class calls with a guest __init__: positional, defaulted and keyword
# arguments (tier 2 calls __init__'s lean function directly, filling its
# defaults, and keyword calls through its plans), their errors and
# super().__init__ with keywords.  (The arguments' lifetime during __init__:
# tests/vm/test_tier2_class_calls.py.)


class T:
    pass


class Holds:
    def __init__(self, a, b=1, *, label="x"):
        print("    holds", type(a).__name__, b, label)


class Four:
    def __init__(self, a, b, c=3, d=4):
        self.t = (type(a).__name__, b, c, d)


class Five:
    def __init__(self, a, b, c, d, e=5):
        self.t = (type(a).__name__, b, c, d, e)


class Base:
    def __init__(self, name, k=1, tag=None):
        self.name = name
        self.k = k
        self.tag = tag


class Derived(Base):
    def __init__(self, w, h=2):
        super().__init__("d", k=w, tag=h)
        self.h = h


class Bad:
    def __init__(self, v=0):
        return v


def attempt(label, call):
    try:
        r = call()
    except TypeError as e:
        print("   ", label, "TypeError:", e)
    else:
        print("   ", label, "ok", type(r).__name__)


def main(i, last):
    show = i == 0 or last
    if show:
        print("round", i)
        Holds(T())
        Holds(T(), 2)
        Holds(T(), b=3)
        Holds(a=T())
        Holds(T(), label="y")
    four = Four(T(), 2), Four(T(), 2, 9), Four(T(), b=2, d=8), Five(T(), 2, 3, 4)
    d = Derived(i)
    e = Derived(w=i, h=7)
    if show:
        print("   ", [x.t for x in four])
        print("   ", d.name, d.k, d.tag, d.h, e.k, e.tag, e.h)
        attempt("Bad()", lambda: Bad())
        attempt("Bad(0)", lambda: Bad(0))
        attempt("Bad(v=3)", lambda: Bad(v=3))
        attempt("Four(1)", lambda: Four(1))
        attempt("Four(1, 2, 3, 4, 5)", lambda: Four(1, 2, 3, 4, 5))
        attempt("Four(1, a=2)", lambda: Four(1, a=2))
        attempt("Four(1, z=2)", lambda: Four(1, z=2))
        attempt("Four(b=2)", lambda: Four(b=2))
        attempt("Derived()", lambda: Derived())
        attempt("Derived(1, 2, 3)", lambda: Derived(1, 2, 3))
        attempt("Holds(T(), 1, 2)", lambda: Holds(T(), 1, 2))


for i in range(40):
    main(i, i == 39)
