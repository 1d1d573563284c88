# Object lifetime: a value popped off the value stack dies there (finalizer order), in every tier
import sys


class D:
    def __init__(self, name, truth=True):
        self.name = name
        self.truth = truth

    def __bool__(self):
        return self.truth

    def __del__(self):
        print("  del", self.name)

    def __iter__(self):
        return iter([1, 2])


def handled(d, key):
    # KeyError(key) holds the key until the handler ends
    try:
        return d[key]
    except KeyError:
        pass
    return 0


def handled_loop(n):
    for i in range(n):
        x = D("h%d" % i)
        handled({}, x)
        x = None
        print("rebound", i)
    print("loop done")


def cond_jump(n):
    for i in range(n):
        if D("c%d" % i, i % 2 == 0):
            print("true", i)
        print("after if", i)
    print("loop done")


def ternary(n):
    for i in range(n):
        x = D("t%d" % i) if i % 2 else D("e%d" % i)
        x = None
        print("cleared", i)
    print("loop done")


def or_value(n):
    for i in range(n):
        x = D("o%d" % i, False) or D("p%d" % i)
        print("got", x.name)
        x = None
        print("cleared", i)
    print("loop done")


def and_value(n):
    for i in range(n):
        x = D("a%d" % i, i % 3 != 0) and D("b%d" % i)
        print("got", x.name)
        x = None
        print("cleared", i)
    print("loop done")


def iterate(n):
    for i in range(n):
        for v in D("it%d" % i):
            pass
        print("after inner loop", i)
    print("loop done")


def leaf(o):
    return len(o.name) + o.nope


def in_call(n):
    for i in range(n):
        try:
            leaf(D("l%d" % i))
        except AttributeError:
            print("attribute error", i)
        print("after", i)
    print("loop done")


def subscript_error(n):
    for i in range(n):
        try:
            {}[[D("s%d" % i)]]
        except TypeError as e:
            print(type(e).__name__, i)
        print("after", i)
    print("loop done")


for f in (handled_loop, cond_jump, ternary, or_value, and_value, iterate, in_call,
          subscript_error):
    print(f.__name__)
    f(24)
