# Call shapes that are not an exact positional call, made from functions (tier 2; a module
# body stays in tier 1) often enough for tier 2's call entries (interpreter/t2entry.py: defaults, keyword-only defaults, keywords in any order,
# *args and **kwargs bound once per function and shape): the results, the defaults read
# as the binder reads them when the guest changes them, and the binder's error texts.
# host>=3.11
# (3.10 keeps a call's arguments in the caller until it returns; 3.11+ moves them)
import sys


def kw(a, b=2, *, c=3):
    return a * b + c


def pos_only(a, /, b=5, **rest):
    return (a, b, sorted(rest.items()))


def star(*args, **kwargs):
    return (args, list(kwargs.items()))


def mixed(a, b, *rest, k=1, **more):
    return (a, b, rest, k, list(more.items()))


def no_kwdefault(a, *, c):
    return a + c


def cells(a, b=10, *, c=100):
    def inner():
        return a + b + c
    return inner()


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by=1, *, times=1):
        self.n += by * times
        return self.n


c = Counter()
bump = c.bump
out = []


def shapes():
    for i in range(40):
        out.append((kw(i), kw(i, 3), kw(i, b=4, c=1), kw(c=i, a=2), kw(b=1, a=i)))
        out.append((pos_only(i), pos_only(i, 7), pos_only(i, b=1, z=2), pos_only(i, a=3)))
        out.append((star(), star(i), star(i, i, k=i), star(y=1, x=2), star(1, 2, 3, 4, 5, 6)))
        out.append((mixed(1, 2), mixed(1, 2, 3, 4), mixed(1, b=2, k=5, q=6), mixed(b=1, a=2, z=0)))
        out.append((cells(i), cells(i, 1), cells(i, c=1), cells(b=2, a=i)))
        out.append((c.bump(), c.bump(2), c.bump(by=3), c.bump(times=2), bump(), bump(times=3)))
        out.append((Counter.bump(c), Counter.bump(c, by=0)))


shapes()
print(len(out), out[:7])
print(out[-7:])


# defaults changed between calls: each call sees the current ones
def changed():
    for i in range(30):
        if i == 10:
            kw.__defaults__ = (7,)
        if i == 15:
            kw.__kwdefaults__["c"] = 11       # in place
        if i == 20:
            kw.__kwdefaults__ = {"c": -1}
        if i == 25:
            Counter.bump.__defaults__ = (100,)
        out.append((kw(i), kw(i, b=1), c.bump(), bump(times=1)))


changed()
print(out[-21:])

# a callee with handlers (no lean function: no entry) whose __code__ then becomes lean
def with_handler(a, b=1, *, c=2):
    try:
        return a + b + c
    except TypeError:
        return "te"


def plain_code(a, b=1, *, c=2):
    return ("plain", a, b, c)


def switched():
    res = []
    for i in range(30):
        if i == 15:
            with_handler.__code__ = plain_code.__code__
        res.append((with_handler(i), with_handler(i, c=5), with_handler(a=i, b=0),
                    with_handler("x", "y", c="z")))
    print(res[14], res[15], res[-1])


switched()


# the binder's errors, from the same call sites and from ones that worked before
def attempt(thunk):
    try:
        thunk()
    except TypeError as e:
        return str(e)
    return "no error"


def errors():
    for i in range(30):
        if i == 20:
            del kw.__kwdefaults__
            kw.__defaults__ = None
        msgs = [attempt(lambda: kw(i)), attempt(lambda: kw(i, 2, 3)), attempt(lambda: kw(i, a=1)),
                attempt(lambda: kw(i, d=1)), attempt(lambda: no_kwdefault(i)),
                attempt(lambda: pos_only(b=1)), attempt(lambda: mixed(1)),
                attempt(lambda: c.bump(1, 2)), attempt(lambda: bump(by=1, bye=2)),
                attempt(lambda: cells()), attempt(lambda: star(1, **{"x": 1}, x=2))]
        if i in (0, 19, 20, 29):
            print(i, msgs)
    for i in range(30):
        no_kwdefault.__kwdefaults__ = {"c": i} if i % 2 else None
        print(attempt(lambda: no_kwdefault(1)), end=" ")
    print()


errors()


# the callee alone holds its arguments (3.11 moves them into its frame)
class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def rebinds(o, k=1, *, c=2):
    o = None
    print("  rebound", k, c)


def rebinds_star(*args, **kwargs):
    args = kwargs = None
    print("  rebound stars")


def lifetimes():
    for i in range(20):
        quiet = i < 18
        if not quiet:
            print("call", i)
            rebinds(D("pos%d" % i))
            rebinds(D("kw%d" % i), c=3)
            rebinds(o=D("key%d" % i))
            rebinds_star(D("star%d" % i), x=D("kwarg%d" % i))
        else:
            rebinds(1)
            rebinds(1, c=3)
            rebinds(o=1)
            rebinds_star(1, x=2)


lifetimes()


# recursion through entries: the guest's limit, RecursionError at the call
def deep(n, step=1, *, acc=0):
    return acc if n == 0 else deep(n - step, acc=acc + 1)


sys.setrecursionlimit(200)
print(deep(100))
try:
    deep(1000)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)


# a traceback through entries: every guest frame, none of the VM's
def fails(a, b=0, *, c=1):
    return a / b


def calls_fails(x, **kw):
    return fails(x, **kw) if kw else fails(x, c=2)


import traceback


def tracebacks():
    for i in range(20):
        try:
            calls_fails(i)
        except ZeroDivisionError:
            if i == 19:
                traceback.print_exc(file=sys.stdout)


tracebacks()


# frames observed in a callee reached through an entry: its locals, its caller
def observe(a, b=2, *, c=3, **more):
    f = sys._getframe()
    return (f.f_code.co_name, sorted(f.f_locals), f.f_back.f_code.co_name,
            f.f_back.f_locals.get("i"), f.f_lineno)


def observer_caller():
    for i in range(20):
        r = (observe(i), observe(i, c=1, z=2), observe(b=1, a=i))
    return r


print(observer_caller())
