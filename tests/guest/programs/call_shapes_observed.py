# Keyword-only parameters, *args and **kwargs called from hot loops: values,
# the binder's errors, defaults changed at run time, frames and f_locals seen
# from inside, tracebacks, recursion to RecursionError, a tracer attached mid-call.
import sys


def kwonly(a, *, c=3, d):
    return a, c, d


def kw_defaults(a, b=2, *, c=3):
    return a + b + c


def star(a, b=10, *rest):
    return a, b, rest


def star_kw(a, *rest, flag=False, **extra):
    return a, rest, flag, sorted(extra.items())


def only_kwargs(**kw):
    return sorted(kw.items())


def posonly(a, b, /, c, *, d=4):
    return a, b, c, d


class Box:
    def __init__(self, v):
        self.v = v

    def scaled(self, k, *, by=2):
        return self.v * k * by

    def gather(self, *xs, **named):
        return self.v, xs, sorted(named)


def loop(n):
    out = []
    b = Box(3)
    for i in range(n):
        out.append((kwonly(i, d=1), kwonly(i, c=5, d=2), kw_defaults(i), kw_defaults(i, c=0),
                    kw_defaults(i, 1, c=1), star(i), star(i, 2), star(i, 2, 3, 4),
                    star_kw(i), star_kw(i, 1, 2, flag=True, z=9, y=8), only_kwargs(),
                    only_kwargs(q=i), posonly(1, 2, i), posonly(1, 2, c=i, d=0),
                    b.scaled(i), b.scaled(i, by=3), b.gather(), b.gather(i, i, w=i)))
    return out


res = loop(40)
print(len(res), res[0])
print(res[-1])


# -- the binder's errors, raised at the call ----------------------------------------------------
def errors(show):
    calls = [
        lambda: kwonly(1),
        lambda: kwonly(1, 2, d=3),
        lambda: kwonly(1, d=1, e=2),
        lambda: kwonly(1, d=1, c=2, **{"c": 3}),
        lambda: kw_defaults(),
        lambda: kw_defaults(1, 2, 3),
        lambda: kw_defaults(1, a=2),
        lambda: star(),
        lambda: star(b=1),
        lambda: posonly(1, 2, 3, b=5),
        lambda: posonly(1, b=2, c=3),
        lambda: only_kwargs(1),
        lambda: Box(1).scaled(),
        lambda: Box(1).scaled(1, 2),
    ]
    for call in calls:
        try:
            call()
        except TypeError as e:
            if show:
                print("TypeError", e)


for i in range(20):
    errors(i == 19)


# -- defaults changed at run time --------------------------------------------------------------
def with_defaults(n):
    out = []
    for i in range(n):
        out.append(kw_defaults(i))
    return out


print(with_defaults(30)[-1])
kw_defaults.__kwdefaults__ = {"c": 100}
print(with_defaults(3))
kw_defaults.__defaults__ = (50,)
print(with_defaults(3))
kw_defaults.__kwdefaults__ = None
try:
    with_defaults(1)
except TypeError as e:
    print("TypeError", e)
kw_defaults.__kwdefaults__ = {"c": 3}
kw_defaults.__defaults__ = (2,)
print(with_defaults(3))


# -- frames and f_locals seen from inside ---------------------------------------------------------
def look(a, *rest, k=1, **extra):
    f = sys._getframe()
    print("look", f.f_code.co_name, sorted((k, v) for k, v in f.f_locals.items() if k != "f"),
          f.f_back.f_code.co_name, sorted(locals(), key=str))
    return a


def caller(n):
    t = 0
    for i in range(n):
        if i == n - 1:
            t += look(i, 1, 2, k=5, z=6)
        else:
            t += i
    return t


print(caller(30))


# -- tracebacks through these shapes ------------------------------------------------------------
def fail(a, *, divisor):
    return a / divisor


def forward(*args, **kwargs):
    return fail(args[0], divisor=kwargs["d"])


def run_forward(n):
    t = 0
    for i in range(n):
        t += forward(i, d=n - 1 - i)
    return t


try:
    run_forward(30)
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    while tb is not None:
        f = tb.tb_frame
        print("tb", f.f_code.co_name, tb.tb_lineno, sorted(k for k in f.f_locals if k[0] != "_"))
        tb = tb.tb_next


# -- recursion through *args and keyword-only calls ends in RecursionError -----------------------
def rec_star(*args):
    return rec_kw(args[0] + 1, step=1)


def rec_kw(n, *, step):
    return rec_star(n + step)


old = sys.getrecursionlimit()
sys.setrecursionlimit(400)
try:
    rec_star(0)
except RecursionError as e:
    print("RecursionError", str(e)[:40])
sys.setrecursionlimit(old)


# -- a tracer attached in the middle of a keyword-only call ---------------------------------------
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_lineno, sorted((k, v) for k, v in frame.f_locals.items()
                                                     if isinstance(v, (int, tuple)))))
    return tracer


def start():
    sys.settrace(tracer)


def traced(x, *more, go=False):
    a = x + len(more)
    if go:
        start()
    return a * 2


def trace_loop(n):
    r = 0
    for i in range(n):
        r += traced(i, 1, go=(i == n - 2))
    return r


print(trace_loop(30))
sys.settrace(None)
for ev in events:
    print("trace", ev)
