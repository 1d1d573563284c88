# Hot functions with handlers (frame-based in tier 2) called with their exact
# arity: their call sites call the function's call form (tier2.bound_call),
# bound per function to its globals, builtins and closure cells.  Two
# functions of one code with other globals, closures of one code with other
# cells, a parameter deleted in the callee (its value freed there, the caller
# holding no reference), tracebacks through the frames, recursion to the
# limit, `__code__` replaced after the binding, a tracer set inside a call.
# (3.11+: a 3.10 call does not move its arguments, the VM's calls do, on
# main before the call form too)
# host>=3.11
import sys
import traceback
import types

SCALE = 10


def scaled(i):
    try:
        if i % 4 == 3:
            raise KeyError(i)
        r = i * SCALE
        return r
    except KeyError:
        return -SCALE
    finally:
        pass


other = {"SCALE": 1000, "__builtins__": __builtins__}
scaled_other = types.FunctionType(scaled.__code__, other, "scaled_other")


def maker(k):
    def inner(i):
        try:
            j = i + k
            return j
        except TypeError:
            return None
    return inner


ADDERS = (maker(1), maker(20), maker(300))


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def drops(d, loud):
    try:
        if loud:
            print("  got", d.name)
        del d
        if loud:
            print("  after del")
    except NameError:
        pass
    return 0


def deep(i, tag):
    try:
        if i > 3:
            raise ValueError(tag)
        return deep(i + 1, tag)
    finally:
        i += 0


def recurse(n):
    try:
        return recurse(n + 1)
    except RecursionError:
        return n


def first(i):
    try:
        return i + 1
    except KeyError:
        return 0


def second(i):
    try:
        return i * 100
    except KeyError:
        return 0


def tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "traced_callee":
        print("  call", frame.f_code.co_name)
    return None


def traced_callee(i):
    try:
        return i
    finally:
        pass


def sets_tracer(i, on):
    try:
        if on:
            sys.settrace(tracer)
        return traced_callee(i)
    finally:
        if on:
            sys.settrace(None)


def top(rnd):
    loud = rnd in (0, 59)
    a = [scaled(i) for i in range(6)]
    b = [scaled_other(i) for i in range(6)]
    c = [f(i) for f in ADDERS for i in range(3)] + [maker(4000)(rnd)]
    drops(D("d%d" % rnd), loud)
    if loud:
        print("after drops")
    try:
        deep(0, "r%d" % rnd)
    except ValueError:
        tb = traceback.format_exc()
        if loud:
            print("".join(ln for ln in tb.splitlines(True) if "line" in ln))
    lim = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        depth = recurse(0) > 50
    finally:
        sys.setrecursionlimit(lim)
    swapped = [first(i) for i in range(3)]
    if rnd == 30:
        first.__code__ = second.__code__
    sets_tracer(rnd, rnd == 40)
    if loud or rnd in (30, 31, 40):
        print(rnd, a, b, c, depth, swapped)


for rnd in range(60):
    top(rnd)
