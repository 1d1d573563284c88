# ``yield from`` between generators in tier 2 (a host ``yield from`` of host
# generators, interpreter/tier2gen.py): values, send, throw and close
# forwarded down the chain, gi_yieldfrom, frames seen from the innermost,
# a delegate used on its own meanwhile, and receivers that are not tier-2
# generators.  Each function makes enough generators first to be hot.
import sys


def warm(fn, *args):
    for _ in range(40):
        for _ in fn(*args):
            pass


def leaf(tag):
    got = yield tag + ":a"
    if got is not None:
        print("  leaf", tag, "got", got)
    try:
        yield tag + ":b"
    except KeyError as e:
        print("  leaf", tag, "caught", repr(e))
        yield tag + ":recovered"
    return tag + ":ret"


def middle(tag):
    r = yield from leaf(tag)
    print("  middle", tag, "result", r)
    r2 = yield from leaf(tag + "2")
    return (r, r2)


def top():
    res = yield from middle("m")
    print("  top result", res)
    yield "top:end"


warm(top)
t = top()
print(next(t))
print("yieldfrom:", type(t.gi_yieldfrom).__name__, t.gi_yieldfrom.gi_yieldfrom.__name__,
      t.gi_yieldfrom.gi_yieldfrom.gi_yieldfrom)
print("line of top while delegating:", t.gi_frame.f_lineno)
print(t.send("S"))
print(t.throw(KeyError("thrown")))
print(list(t))


# close goes down the chain (the innermost's finally first)
def fin_leaf():
    try:
        yield 1
        yield 2
    finally:
        print("  fin_leaf finally")


def fin_mid():
    try:
        yield from fin_leaf()
    finally:
        print("  fin_mid finally")


warm(fin_mid)
c = fin_mid()
next(c)
c.close()
print("closed:", c.gi_frame, c.gi_yieldfrom)


# frames seen from the innermost generator
def where():
    f = sys._getframe()
    names = []
    while f is not None and len(names) < 4:
        names.append(f.f_code.co_name)
        f = f.f_back
    yield names
    yield [sys._getframe(1).f_code.co_name, sys._getframe(1).f_lineno]


def where_mid():
    yield from where()


def where_top():
    yield from where_mid()


warm(where_top)
for v in where_top():
    print("frames:", v)


# a delegate sent to and thrown into on its own while its delegator waits
def inner():
    x = yield "i1"
    print("  inner got", x)
    try:
        yield "i2"
    except ValueError:
        print("  inner caught ValueError")
    yield "i3"
    return "inner-ret"


def outer(i):
    r = yield from i
    yield "outer got %r" % (r,)


warm(lambda: outer(inner()))
i = inner()
o = outer(i)
print(next(o))
print("direct:", i.send("direct"))
print("outer running?", o.gi_running, "inner yieldfrom", i.gi_yieldfrom)
print(i.throw(ValueError))
print(list(o))

i = inner()
o = outer(i)
print(next(o), next(i), next(i), next(i, "finished"))
print(list(o))


# receivers that are not tier-2 generators: lists, host iterators, a
# generator made before its function was hot, an exhausted one
def over(x):
    r = yield from x
    yield ("result", r)


def cold():
    yield "c1"
    yield "c2"
    return "cold-ret"


c0 = cold()
warm(over, [1, 2])
warm(cold)
print(list(over([1, 2, 3])), list(over(iter("ab"))), list(over(c0)))
done = cold()
list(done)
print(list(over(done)))


# exceptions from a delegate: caught by the delegator, or through the chain
def bad(n):
    yield n
    raise ValueError("bad %d" % n)


def guard(n):
    try:
        yield from bad(n)
    except ValueError as e:
        yield "guarded " + str(e)
    yield from bad(n + 1)


warm(lambda: iter(()))
for _ in range(20):
    try:
        list(guard(0))
    except ValueError:
        pass
try:
    for v in guard(5):
        print(v)
except ValueError as e:
    print("escaped", e)


# deep recursion of yield from, with the recursion limit in reach
def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"


warm(deep, 3)
print(list(deep(150)), list(deep(400)))
old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
try:
    list(deep(300))
except RecursionError:
    print("RecursionError")
sys.setrecursionlimit(old)
