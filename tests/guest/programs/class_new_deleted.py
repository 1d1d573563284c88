"""A class whose __new__ was assigned and then deleted keeps CPython's
slot_tp_new: ``cls.__new__`` is object.__new__ again, but calling the class
with arguments makes object.__new__ see them (and refuse them), while a call
without arguments still runs __init__.  Class calls are made in hot loops too
(both tiers' class-call fast paths), positionally and with keywords."""


def attempt(label, make):
    try:
        obj = make()
    except TypeError as e:
        print(label, "TypeError:", e)
    else:
        print(label, "made", type(obj).__name__)


def hot(label, make, n=300):
    # the same call many times: a hot loop's call site
    outcome = {}
    for _ in range(n):
        try:
            make()
            key = "made"
        except TypeError as e:
            key = str(e)
        outcome[key] = outcome.get(key, 0) + 1
    print(label, sorted(outcome.items()))


class A:
    def __init__(self, *args, **kw):
        print("A.__init__", args, kw)


attempt("A(1) before", lambda: A(1))
A.__new__ = lambda cls, *a, **k: object.__new__(cls)
del A.__new__
print("A.__new__ is object.__new__:", A.__new__ is object.__new__, "__new__" in A.__dict__)
attempt("A(1) after", lambda: A(1))
attempt("A(x=1) after", lambda: A(x=1))
attempt("A() after", lambda: A())


class Quiet:
    def __init__(self, x=0):
        self.x = x


def plain(x):
    return Quiet(x)


def keyword(x):
    return Quiet(x=x)


def none():
    return Quiet()


hot("Quiet(x) ordinary", lambda: plain(1))
hot("Quiet(x=) ordinary", lambda: keyword(1))
Quiet.__new__ = staticmethod(lambda cls, *a, **k: object.__new__(cls))
hot("Quiet(x) with __new__", lambda: plain(1))
del Quiet.__new__
hot("Quiet(x) deleted", lambda: plain(1))
hot("Quiet(x=) deleted", lambda: keyword(1))
hot("Quiet() deleted", none)


# a subclass made before the base's __new__ came and went inherits the slot
class Base:
    def __init__(self, x):
        print("Base.__init__", x)


class Before(Base):
    pass


attempt("Before(1) ordinary", lambda: Before(1))
Base.__new__ = lambda cls, *a: object.__new__(cls)
del Base.__new__


class After(Base):
    pass


attempt("Base(2) deleted", lambda: Base(2))
attempt("Before(3) deleted", lambda: Before(3))
attempt("After(4) made after", lambda: After(4))


# only the subclass had __new__ for a while
class Sub(Base):
    def __init__(self, x):
        print("Sub.__init__", x)


Sub.__new__ = staticmethod(lambda cls, *a: object.__new__(cls))
del Sub.__new__
attempt("Sub(5) deleted", lambda: Sub(5))
attempt("Base(6) again", lambda: Base(6))


# __init__ deleted and set again: which __init__ runs
class I:
    def __init__(self, x):
        print("I.__init__", x)


class J(I):
    def __init__(self, x):
        print("J.__init__", x)


attempt("J(7)", lambda: J(7))
del J.__init__
attempt("J(8) own __init__ deleted", lambda: J(8))
del I.__init__
attempt("J(9) no __init__ left", lambda: J(9))
attempt("J() no __init__ left", lambda: J())
I.__init__ = lambda self, x: print("new I.__init__", x)
attempt("J(10) __init__ set again", lambda: J(10))


# a guest exception class: BaseException.__new__ takes the arguments either way
class Err(Exception):
    loud = True

    def __init__(self, msg):
        super().__init__(msg)
        if self.loud:
            print("Err.__init__", msg)


Err.__new__ = lambda cls, *a: Exception.__new__(cls, *a)
del Err.__new__
attempt("Err('m')", lambda: Err("m"))
Err.loud = False
hot("Err hot", lambda: Err("h"), n=50)
