# Generators run as host generators in tier 2 (interpreter/tier2gen.py): the
# generator protocol around them, after each function made enough
# generators to be hot (auto mode) or from the first one (eager).
import gc
import sys


def warm(fn, *args):
    for _ in range(40):
        for _ in fn(*args):
            pass


def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        i += 1
    return "done %d" % i


warm(counter, 3)
g = counter(10)
print(next(g), g.send(5), next(g))
print("running while suspended:", g.gi_running, "suspended frame back:", g.gi_frame.f_back)
print("locals:", sorted(g.gi_frame.f_locals.items()))
print("lineno:", g.gi_frame.f_lineno)
try:
    for _ in range(10):
        next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print("frame after exhaustion:", g.gi_frame, g.gi_running)
try:
    g.send(1)
except StopIteration as e:
    print("again:", repr(e.value))

# send a non-None value to a just-started generator
g = counter(3)
try:
    g.send(1)
except TypeError as e:
    print("TypeError", e)
print(next(g))


# gi_running seen from inside, ValueError when resumed while running
def selfish():
    me = yield
    while True:
        print("  inside: gi_running", me.gi_running)
        try:
            me.send(None)
        except ValueError as e:
            print("  ValueError", e)
        yield 1


warm(lambda: iter(()))
for _ in range(20):
    s = selfish()
    next(s)
s = selfish()
next(s)
print(s.send(s))


# throw: handled, unhandled, with a finally; close; ignored GeneratorExit
def catcher():
    try:
        while True:
            try:
                x = yield "ready"
                print("  got", x)
            except KeyError as e:
                print("  caught", repr(e))
                yield "recovered"
    finally:
        print("  catcher finally")


for _ in range(20):
    c = catcher()
    next(c)
    c.close()
c = catcher()
print(next(c), c.send(1))
print(c.throw(KeyError("k")))
print(next(c))
try:
    c.throw(ValueError("v"))
except ValueError as e:
    print("propagated", repr(e), c.gi_frame)


def stubborn():
    for i in range(3):
        try:
            yield i
        except GeneratorExit:
            print("  ignoring GeneratorExit")


warm(stubborn)
st = stubborn()
next(st)
try:
    st.close()
except RuntimeError as e:
    print("RuntimeError", e)
print("rest:", list(st))


# PEP 479: StopIteration inside a generator
def leaks():
    yield 1
    raise StopIteration("inner")


warm(lambda: iter([]))
for _ in range(20):
    list(zip(range(1), leaks()))
try:
    list(leaks())
except RuntimeError as e:
    print("RuntimeError", e, "cause:", repr(e.__cause__))


# finalisation: an unfinished generator is closed when it is dropped
def finalised(tag):
    try:
        yield 1
        yield 2
    finally:
        print("  finally of", tag)


for i in range(20):
    x = finalised(i)
    next(x)
    del x
print("dropped")
x = finalised("last")
next(x)
x = None
print("after drop")
gc.collect()


# exceptions and tracebacks through generators
def raiser(n):
    yield n
    1 / (n - n)


def relay(n):
    yield from raiser(n)


for _ in range(20):
    try:
        list(relay(1))
    except ZeroDivisionError:
        pass
try:
    list(relay(2))
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("traceback:", [n for n in names if n[0] in ("relay", "raiser", "<module>")])


# the exception being handled, as seen inside a generator resumed from a handler
def handled():
    yield sys.exc_info()[0]
    try:
        raise KeyError("in gen")
    except KeyError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


warm(handled)
h = handled()
try:
    raise ValueError("outer")
except ValueError:
    print(next(h), next(h))
print(next(h), sys.exc_info()[0])
