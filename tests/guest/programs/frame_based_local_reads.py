"""Reads of locals pushed in place in frame-based tier-2 functions (code with
a try block): a value LOAD_FAST pushed must be the one the local held then,
whatever the function stores or deletes before the value is consumed, and it
must die when CPython's stack would drop it; a tracer attaching during a call
with reads pending, and writing the caller's locals, sees the values pushed
before its write.  Run hot (each function called many times) so that tier 2
translates them in auto mode too."""
import sys


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __repr__(self):
        return "D(%s)" % self.name


def swap(a, b):
    try:
        a, b = b, a
        c = [a, (a := 0), a, b]
        return c
    except KeyError:
        return None


def rebind(x):
    try:
        y = x + (x := x * 10) + x
        del x
        try:
            return y, x
        except UnboundLocalError as e:
            return y, type(e).__name__
    finally:
        pass


def lifetimes(n):
    try:
        v = D("v%d" % n)
        pair = (v, (v := None))
        print("pair made", pair[0])
        pair = None
        print("pair dropped")
        return v
    except KeyError:
        return None


def hook():
    caller = sys._getframe(1)

    def tr(frame, event, arg):
        if event == "line" and frame is caller:
            frame.f_locals["k"] = 100
        return tr

    caller.f_trace = tr
    sys.settrace(tr)
    return 1


def traced(k):
    try:
        r = k + hook() + k
        sys.settrace(None)
        return r, k
    except KeyError:
        return None


for i in range(40):
    out = (swap(i, "b"), rebind(i))
    if i % 13 == 0:
        print(out)
for i in range(20):
    if i % 7 == 0:
        print("lifetimes", lifetimes(i))
    else:
        lifetimes(i)
for i in range(20):
    if i % 7 == 0:
        print(traced(i))
    else:
        sys.settrace(None)
print(traced(5))
