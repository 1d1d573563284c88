# Calls between functions hot enough for tier 2's lean calls, which leave the thread's
# current-frame record alone: the frames seen from deep in such a chain (sys._getframe(n),
# f_back, f_locals, identity), after a frame of the chain was already observed, after a
# frame-based callee or a generator ran in between, exceptions crossing the chain, the
# recursion limit reached by lean recursion, and a tracer set and removed inside it.
import sys


def names(f, n):
    out = []
    while f is not None and len(out) < n:
        out.append(f.f_code.co_name)
        f = f.f_back
    return out


def leaf(x):
    f = sys._getframe()
    return names(f, 4), f is sys._getframe(), sys._getframe(1).f_locals.get("y")


def middle(x):
    y = x + 1
    return leaf(y)


def top(x):
    return middle(x * 2)


def observed_then_call(x):
    # this call's frame is observed first, then a lean callee runs: its own frame
    # is the current one, and its f_back is the frame seen here
    me = sys._getframe()
    r = leaf(x)
    back_ok = leaf_back(x) is me
    again = sys._getframe() is me
    return r[0], back_ok, again, sys._getframe().f_code.co_name


def leaf_back(x):
    return sys._getframe(1)


def framed(x):
    # handlers: a frame-based function in tier 2
    try:
        return sys._getframe(1).f_code.co_name
    except ValueError:
        return None


def after_framed(x):
    a = framed(x)
    b = leaf(x)[0]
    c = sys._getframe().f_code.co_name
    d = framed(x)
    return a, b, c, d


def gen(n):
    for i in range(n):
        yield sys._getframe(1).f_code.co_name


def uses_gen(n):
    out = list(gen(n))
    return out, leaf(n)[0], sys._getframe().f_code.co_name


def bottom(x):
    return 10 // x


def raiser2(x):
    return bottom(x) + 1


def raiser1(x):
    return raiser2(x) + 1


def catches(x):
    try:
        raiser1(x)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        seen = []
        while tb is not None:
            seen.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        return seen, sys._getframe().f_code.co_name, leaf(x)[0]
    return None


def down(n):
    return down(n + 1) if n >= 0 else n


def count_down(n):
    global depth_reached
    depth_reached = n
    return count_down(n + 1) + 1


def recursion(limit):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        count_down(0)
    except RecursionError as e:
        msg = str(e)
    finally:
        sys.setrecursionlimit(old)
    return depth_reached, msg, sys._getframe().f_code.co_name, leaf(1)[0]


class P:
    def __init__(self, v):
        self._v = v

    @property
    def who(self):
        return names(sys._getframe(), 3)

    @who.setter
    def who(self, v):
        self._v = sys._getframe(1).f_code.co_name

    def __add__(self, other):
        return names(sys._getframe(), 3)


def prop_user(p):
    # a property's getter and setter and an operator method called from lean code
    # after the caller's frame was observed
    me = sys._getframe()
    a = p.who
    p.who = 1
    b = p + p
    return a, p._v, b, sys._getframe() is me, leaf(1)[0]


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("t_inner", "t_mid", "t_outer"):
        events.append((frame.f_code.co_name, event))
    return tracer


def t_inner(on):
    sys.settrace(tracer if on else None)
    return sys._getframe().f_code.co_name


def t_mid(on):
    r = t_inner(on)
    return r, sys._getframe().f_code.co_name, names(sys._getframe(), 3)


def t_outer(on):
    r = t_mid(on)
    return r, sys._getframe().f_code.co_name, leaf(0)[0]


def t_mid2(on):
    # deoptimised as t_inner returns (a tracer attached), then the tracer removed
    # before this call returns: its lean caller continues untraced
    r = t_inner(on)
    sys.settrace(None)
    return r, sys._getframe().f_code.co_name


def t_outer2(on):
    r = t_mid2(on)
    return r, sys._getframe().f_code.co_name, leaf(1)[0], names(sys._getframe(), 2)


# (first: once a tracer has been attached, code may stay out of tier 2)
for i in range(40):
    r0 = t_outer2(False)
print(r0)
print(t_outer2(True))
print(t_outer2(False))


for i in range(60):
    r1 = top(i)
    r2 = observed_then_call(i)
    r3 = after_framed(i)
    r4 = uses_gen(3)
    r5 = catches(0)
    r9 = prop_user(P(i))
    del events[:]
    r6 = t_outer(True)      # a tracer set deep in the chain: the callers run traced
    r7 = t_outer(False)     # and removed deep in it: the callers continue untraced
    r8 = t_outer2(True)
print(r1)
print(r2)
print(r3)
print(r4)
print(r5)
print(r6)
print(r7)
print(r8)
print(r9)
print(events)

for limit in (80, 120):
    print(recursion(limit))

print(t_outer(True))        # a tracer set deep in the chain: the callers run traced
print(t_outer(False))       # and removed deep in it: the callers continue untraced
print(events)
del events[:]
print(t_outer2(True))
print(t_outer2(True), top(3))
print(events)
print(t_outer(False), top(5), observed_then_call(2))
