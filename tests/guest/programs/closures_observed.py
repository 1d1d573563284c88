# Closures (functions with free variables) observed while they run: frames,
# f_locals, locals(), tracebacks, a cell rebound by the outer function while
# the inner runs, recursion to RecursionError, lambdas and generators inside,
# a tracer attached mid-run, an empty free cell, __code__ swapped, lifetimes.
import sys
import traceback


def drive(fn, n, a=None, b=None, c=None):
    """Call ``fn`` n times from a hot loop with the arguments not None (an
    exact-arity call: tier 2 calls it directly)."""
    r = None
    for _ in range(n):
        if a is None:
            r = fn()
        elif b is None:
            r = fn(a)
        elif c is None:
            r = fn(a, b)
        else:
            r = fn(a, b, c)
    return r


def show(label, f):
    items = sorted((k, v) for k, v in f.f_locals.items() if isinstance(v, (int, str)))
    print(label, f.f_code.co_name, f.f_lineno, items)


# -- f_locals, locals(), the f_back chain ------------------------------------------------
def make_adder(n):
    scale = 10

    def add(x, look=False):
        y = x + n
        if look:
            f = sys._getframe()
            show("add", f)
            print("  locals()", sorted(locals()))
            print("  back", f.f_back.f_code.co_name, f.f_back.f_back.f_code.co_name)
            print("  free", f.f_code.co_freevars, [c.cell_contents for c in add.__closure__[1:]])
        return y * scale
    return add


add5 = make_adder(5)
print(drive(add5, 40, 3), drive(make_adder(-1), 40, 7))
print(drive(add5, 1, 2, True))


# -- the frame after the call returned, the cell rebound later -------------------------------
def keeper():
    state = "first"
    frames = []

    def inner(k):
        z = k * 2
        if k == 99:
            frames.append(sys._getframe())
        return state + str(z)

    def rebind(v):
        nonlocal state
        state = v
    return inner, rebind, frames


inner, rebind, frames = keeper()
print(drive(inner, 30, 1), drive(inner, 1, 99))
fr = frames[0]
print("after return", sorted((k, v) for k, v in fr.f_locals.items() if isinstance(v, (int, str))))
rebind("second")
print("rebound", drive(inner, 5, 2))
print("frame after rebind", sorted((k, v) for k, v in fr.f_locals.items()
                                   if isinstance(v, (int, str))))


# -- a cell rebound by the outer function while the inner runs ------------------------------
def counter_loop(n):
    total = 0
    seen = []

    def step(i):
        seen.append((i, total))
        if i == 2:
            bump()
        return total + i

    def bump():
        nonlocal total
        total += 100
    for i in range(n):
        total = step(i)
    return total, seen


print(counter_loop(5))
print(drive(counter_loop, 20, 4))


# -- tracebacks through closures (decorator wrappers) -------------------------------------
def logged(fn):
    calls = []

    def wrapper(a, b):
        calls.append(a)
        return fn(a, b)
    wrapper.calls = calls
    return wrapper


@logged
def divide(a, b):
    return a / b


print(drive(divide, 30, 6, 3))
try:
    drive(divide, 1, 1, 0)
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    while tb is not None:
        f = tb.tb_frame
        print("tb", f.f_code.co_name, tb.tb_lineno,
              sorted(k for k in f.f_locals if k not in ("calls",)))
        tb = tb.tb_next
    lines = traceback.format_exc().splitlines()
    print("\n".join(ln for ln in lines if not ln.startswith("  File")))
print(len(divide.calls))


# -- recursion through closures ends in RecursionError ---------------------------------------
def make_rec():
    limit = [0]

    def down(n):
        limit[0] = n
        return down2(n + 1)

    def down2(n):
        return down(n)
    return down, limit


down, limit = make_rec()
old = sys.getrecursionlimit()
sys.setrecursionlimit(300)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", str(e)[:40], 100 < limit[0] < 300)
sys.setrecursionlimit(old)


def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact


fact = make_fact()
print(drive(fact, 20, 12), fact(30) == fact(29) * 30)


# -- lambdas and generators inside closures ---------------------------------------------------
def make_tools(base):
    def tools(k):
        bump = lambda v: v + base + k
        evens = (v * base for v in range(k) if v % 2 == 0)
        return bump(1), list(evens), sorted([k, base], key=lambda v: -v)
    return tools


print(drive(make_tools(3), 25, 6))


def make_gen(step):
    def gen_user(n):
        def g():
            for i in range(n):
                yield i * step
        return sum(x for x in g())
    return gen_user


print(drive(make_gen(4), 25, 5))


# -- a tracer attached while a closure runs ---------------------------------------------------
def make_traced(tag):
    def traced(x):
        a = x + 1
        if x == 5:
            start_tracing()
        b = a * 2
        return tag, a, b
    return traced


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_lineno, sorted((k, v) for k, v in frame.f_locals.items()
                                                     if isinstance(v, (int, str)))))
    return tracer


def start_tracing():
    sys.settrace(tracer)


traced = make_traced("T")
print(drive(traced, 30, 0))
print(drive(traced, 1, 5))
print(drive(traced, 2, 7))
sys.settrace(None)
for ev in events:
    print("trace", ev)


# -- an empty free cell ------------------------------------------------------------------------
def early():
    def peek():
        return later
    try:
        r = drive(peek, 3)
    except NameError as e:
        r = "NameError: " + str(e)
    later = "now bound"
    return r, drive(peek, 3)


print(early())


# -- __code__ swapped between closures of one shape ----------------------------------------------
def twice_of(v):
    def twice():
        return v * 2
    return twice


def neg_of(v):
    def neg():
        return -v
    return neg


t = twice_of(21)
print(drive(t, 30))
t.__code__ = neg_of(0).__code__
print(drive(t, 30))


# -- a value held only by a closure is released with it ----------------------------------------
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def hold(obj):
    def get():
        return obj.name
    return get


g1 = hold(Noisy("a"))
print(drive(g1, 30))
del g1
print("after del")
print(drive(hold(Noisy("b")), 30))
print("end")
