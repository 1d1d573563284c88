# An exception leaving a handler keeps its __context__ when the unwinding runs a finalizer that calls host code
import sys

log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        # host calls (print, sys.exc_info) from a finalizer the unwinding runs
        info = sys.exc_info()[1]
        log.append("del %s sees %r" % (self.name, info))
        print("  del", self.name, "handled:", repr(info))


def pick():
    raise ValueError("pick")


def in_except():
    try:
        {}["k"]
    except KeyError:
        return [D("a"), pick()]


def in_finally():
    try:
        raise KeyError("f")
    finally:
        x = [D("b"), pick()]


def nested():
    try:
        raise TypeError("outer")
    except TypeError:
        try:
            {}["inner"]
        except KeyError:
            return (D("c"), pick())


def chain(e):
    out = []
    while e is not None:
        out.append(repr(e))
        e = e.__context__
    return " <- ".join(out)


def run(fn, rounds):
    seen = {}
    for i in range(rounds):
        del log[:]
        try:
            fn()
        except Exception as e:
            key = "%s | %s" % (chain(e), "; ".join(log))
        seen[key] = seen.get(key, 0) + 1
    for key, count in seen.items():
        print("%-10s %3d %s" % (fn.__name__, count, key))


for fn in (in_except, in_finally, nested):
    run(fn, 30)
