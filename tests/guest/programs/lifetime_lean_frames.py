# Frames of tier-2 calls: a local rebound frees its old value at once (the frame made for an
# observer, the Frame handed over by the plain loop or at a loop header, holds no copy)
# host>=3.11
# (3.10 keeps a call's arguments in the caller until it returns; 3.11+ moves them)
import sys


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def observed(i):
    x = D("obs%d" % i)
    sys._getframe()
    x = None
    print("cleared", i)
    return 1


def rebinds_arg(o):
    o = None
    print("argument rebound")


def loop_rebinds(n):
    x = None
    for i in range(n):
        x = D("L%d" % i)
        x = D("M%d" % i)
        print("bound", i)
    x = None
    print("loop end")


def seen_before_the_loop(n):
    f = sys._getframe()
    x = -1
    for i in range(n):
        x = i * 2
    # read while the call runs: the locals as they are now
    print("during", f.f_locals["x"], f.f_locals["i"])
    return f


def top():
    for i in range(3):
        observed(i)
    # a call from tier-2 code: the caller keeps no reference to the argument
    for i in range(20):
        rebinds_arg(D("from a function %d" % i))
    print("top end")


top()
loop_rebinds(40)
# called from module code (the plain loop), often enough to be hot
for k in range(20):
    rebinds_arg(D("from module %d" % k))
fr = seen_before_the_loop(50)
loc = fr.f_locals
print("after", loc["x"], loc["i"], sorted(loc))
