# host>=3.11
# host<3.13
# What guest code can observe of a ``yield from`` chain of generators run by
# tier 2 (interpreter/tier2gen.py), resumed from its top by each kind of
# resumer: sum()/list()/next() (builtins), a for loop in a function with
# and without handlers, send() from guest code, next() from host library
# code.  At every level, while the chain runs (seen from the innermost) and
# while it is suspended: gi_running, gi_suspended, getgeneratorstate,
# gi_yieldfrom, gi_frame.f_back, f_lineno, a frame kept from inside and read
# after, frame.clear() of a running level, sys.exc_info() under a level
# that handles an exception, tracebacks through the chain, throw() and
# close() into it, a level resumed on its own, a tracer attached from the
# innermost.  Each function makes enough generators first to be hot.
import inspect
import sys

LEVELS = []     # the generators of the chain being observed, outermost first
KEPT = []       # frames kept from inside the chain
LOUD = [True]   # (off while a function is made hot)


def say(*args):
    if LOUD[0]:
        print(*args)


def warm(fn, *args):
    for _ in range(40):
        for _ in fn(*args):
            pass


def names(frame, n):
    out = []
    while frame is not None and len(out) < n:
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out


def state(g):
    f = g.gi_frame
    back = None if f is None else f.f_back
    yf = g.gi_yieldfrom
    return "%s/%s/%s/back=%s/yf=%s" % (
        inspect.getgeneratorstate(g), g.gi_running, g.gi_suspended,
        None if back is None else back.f_code.co_name,
        None if yf is None else yf.__name__)


def show_levels(where):
    say(" ", where, [state(g) for g in LEVELS])


def leaf(tag, peek):
    yield tag + "0"
    if peek:
        me = sys._getframe()
        KEPT.append(me)
        say("  inside leaf:", names(me, 6))
        show_levels("inside")
    yield tag + "1"


def mid(tag, peek):
    r = yield from leaf(tag, peek)
    yield tag + "m"
    return r


def top(tag, peek):
    yield from mid(tag, peek)
    yield tag + "t"


def build(tag, peek):
    # (the levels made by hand, so that the test holds each one)
    g3 = leaf(tag, peek)
    g2 = mid_of(g3, tag)
    g1 = top_of(g2, tag)
    LEVELS[:] = [g1, g2, g3]
    return g1


def mid_of(inner, tag):
    r = yield from inner
    yield tag + "m"
    return r


def top_of(inner, tag):
    yield from inner
    yield tag + "t"


LOUD[0] = False
for fn, args in ((leaf, ("w", False)), (mid, ("w", False)), (top, ("w", False))):
    warm(fn, *args)
for _ in range(40):
    for _ in build("w", False):
        pass
LOUD[0] = True


print("-- next() from guest code, suspended between items")
g = build("a", True)
show_levels("created")
print(next(g))
show_levels("after 1")
print(next(g))
show_levels("after 2")
print("kept frame after suspension:", KEPT[-1].f_code.co_name, KEPT[-1].f_back,
      KEPT[-1].f_lineno)
print("levels' lines:", [x.gi_frame.f_lineno for x in LEVELS])
print(list(g))
show_levels("finished")
print("kept frame after the end:", KEPT[-1].f_back)


print("-- sum() and list() resume the chain's top")


def counting(tag):
    g = build(tag, True)
    return g


def peek_sum():
    # (the values are strings: join through a builtin that calls next())
    return "".join(counting("s"))


print(peek_sum())
show_levels("after join")
print(list(counting("l")))


print("-- a for loop in a function without handlers, and in one with")


def plain_loop(tag):
    out = []
    for v in build(tag, True):
        out.append(v)
        if v == tag + "0":
            show_levels("in plain loop")
    return out


def handled_loop(tag):
    out = []
    try:
        for v in build(tag, True):
            out.append(v)
            if v == tag + "0":
                show_levels("in handled loop")
    except KeyError:
        pass
    return out


LOUD[0] = False
for _ in range(20):
    plain_loop("x")
    handled_loop("x")
LOUD[0] = True
print(plain_loop("p"))
print(handled_loop("h"))


print("-- send() into the top, next() from host code")
g = build("n", False)
print(g.send(None), g.send("ignored"))
show_levels("after send")
import itertools
print(list(itertools.islice(build("i", False), 3)))
show_levels("after islice")


print("-- exc_info under a level that handles an exception")


def xl_leaf():
    say("  leaf exc_info:", sys.exc_info()[0])
    yield 1
    say("  leaf exc_info again:", sys.exc_info()[0])
    yield 2


def xl_mid():
    try:
        raise KeyError("held")
    except KeyError:
        yield from xl_leaf()
        say("  mid exc_info:", sys.exc_info()[0])
    yield 3


LOUD[0] = False
for _ in range(40):
    for _ in xl_mid():
        pass
LOUD[0] = True
print("outside before:", sys.exc_info()[0])
for v in xl_mid():
    print("  item", v, "outside:", sys.exc_info()[0])
print(sum(xl_mid()))


print("-- frame.clear() of a running level, from the innermost")


def clearing_leaf():
    outer = LEVELS[0].gi_frame
    try:
        outer.clear()
    except RuntimeError as e:
        say("  clear:", e)
    yield 1


LOUD[0] = False
for _ in range(40):
    g = mid_of(clearing_leaf(), "c")
    LEVELS[:] = [g]
    for _ in g:
        pass
LOUD[0] = True
g = mid_of(clearing_leaf(), "c")
LEVELS[:] = [g]
print(list(g))


print("-- an exception from the innermost, through sum()")


def bad_leaf(n):
    yield n
    raise ValueError("bad %d" % n)


def bad_mid(n):
    yield from bad_leaf(n)


for _ in range(40):
    try:
        sum(bad_mid(1))
    except ValueError:
        pass
try:
    sum(bad_mid(2))
except ValueError as e:
    tb = e.__traceback__
    seen = []
    while tb is not None:
        seen.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("traceback:", seen)


print("-- throw() and close() into a chain resumed by next() before")
g = build("t", False)
print(next(g), next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("thrown out:", repr(e))
show_levels("after throw")
g = build("c", False)
print(next(g))
g.close()
show_levels("after close")


print("-- a level resumed on its own, then the chain again")
g = build("o", False)
print(next(g))
print("inner alone:", next(LEVELS[2]))
show_levels("after inner alone")
print(list(g))


print("-- a tracer attached from the innermost")
EVENTS = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("leaf", "mid_of", "top_of"):
        EVENTS.append((frame.f_code.co_name, event))
    return tracer


def tracing_leaf():
    yield 1
    sys.settrace(tracer)
    yield 2
    yield 3


for _ in range(40):
    for _ in mid_of(leaf("z", False), "z"):
        pass
g = top_of(mid_of(tracing_leaf(), "r"), "r")
LEVELS[:] = [g]
out = [next(g), next(g)]
show_levels("traced")
out += list(g)
sys.settrace(None)
print(out, EVENTS)


print("-- deep chains resumed by sum()")


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)


for d in (0, 1, 5, 10):
    print(d, sum(tree(d)), len(list(tree(d))))


def deep(n):
    if n:
        r = yield from deep(n - 1)
        return r + 1
    fr = sys._getframe()
    yield fr, names(fr, 1000), fr.f_back.f_code.co_name
    return 0


for _ in range(40):
    list(deep(3))
g = deep(40)
fr, seen, back = next(g)
print("depth from inside:", len(seen), seen[-3:], back)
print("after:", fr.f_back, [g.gi_running, g.gi_yieldfrom is not None])
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
