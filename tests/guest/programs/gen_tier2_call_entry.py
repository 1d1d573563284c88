# host>=3.11
# Generator functions called from tier-2 code once their code is translated:
# the call sites make the generator through the function's call entry
# (tier2gen.gen_entry, in the function's ``_leanN`` slot).  The generators
# made that way against those made by the general path: arities 0 to 5,
# methods, a property whose getter is a generator function, closures
# (free variables), defaults left out and given, ``__code__`` and
# ``__defaults__`` changed after the entry was made, a tracer attached,
# tracebacks and frames from inside, the function deleted while its
# generator runs.
import sys


def g0():
    yield sys._getframe().f_back.f_code.co_name


def g1(a):
    yield a


def g2(a, b):
    yield a + b


def g3(a, b, c=30):
    yield a + b + c


def g4(a, b, c, d):
    yield a + b + c + d


def g5(a, b, c, d, e):
    yield a + b + c + d + e


def bad(n):
    yield n
    raise ValueError("bad %d" % n)


class Box:
    def __init__(self, v):
        self.v = v

    def items(self, k):
        yield self.v * k

    @property
    def gen(self):
        yield self.v


def outer(k):
    def inner(n):
        yield n + k
    return inner


INNER = outer(100)


def describe(gen):
    f = gen.gi_frame
    return (gen.__name__, gen.__qualname__, gen.gi_running, gen.gi_suspended,
            gen.gi_yieldfrom, gen.gi_code.co_name, f.f_back,
            sorted((k, v if type(v) is int else type(v).__name__)
                   for k, v in f.f_locals.items()), f.f_lineno)


def made(n):
    box = Box(n)
    return [g0(), g1(n), g2(n, 1), g3(n, 1), g3(n, 1, 2), g4(n, 1, 2, 3),
            g5(n, 1, 2, 3, 4), box.items(3), box.gen, INNER(n)]


def calls(n):
    box = Box(n)
    inner = INNER
    out = []
    out += g0()
    out += g1(n)
    out += g2(n, 1)
    out += g3(n, 1)
    out += g3(n, 1, 2)
    out += g4(n, 1, 2, 3)
    out += g5(n, 1, 2, 3, 4)
    out += box.items(3)
    out += box.gen
    out += inner(n)
    return out


for i in range(40):
    last = calls(i)
    made(i)
print(last)
for gen in made(7):
    print(describe(gen))
    print(list(gen))
g = g1(5)
print(type(g).__name__, g.gi_frame.f_back, g.gi_running, g.__name__, g.__qualname__)
print(next(g), g.gi_frame.f_lasti >= 0)


def uses_bad(n):
    return list(bad(n))


for i in range(40):
    try:
        uses_bad(i)
    except ValueError:
        pass
try:
    uses_bad(7)
except ValueError as e:
    tb = e.__traceback__
    seen = []
    while tb is not None:
        seen.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("traceback:", seen)

print("-- __code__ and __defaults__ changed")


def other(a, b):
    yield "other", a, b


g2.__code__ = other.__code__
print(calls(1))
g3.__defaults__ = (1000,)
print(calls(2))
g3.__defaults__ = None
try:
    calls(3)
except TypeError as e:
    print("TypeError:", e)
g3.__defaults__ = (0,)

print("-- a tracer attached")
EVENTS = []


def tracer(frame, event, arg):
    if frame.f_code.co_name.startswith("g"):
        EVENTS.append((frame.f_code.co_name, event))
    return tracer


sys.settrace(tracer)
got = calls(4)
sys.settrace(None)
print(got, EVENTS[:8], len(EVENTS))
print(calls(5))

print("-- the function deleted while its generator runs")


def temp(n):
    yield n
    yield n + 1


def make_temp():
    return temp(9)


for _ in range(40):
    list(make_temp())
t = make_temp()
print(next(t))
del temp
print(next(t), list(t))
try:
    make_temp()
except NameError as e:
    print("NameError:", e)
