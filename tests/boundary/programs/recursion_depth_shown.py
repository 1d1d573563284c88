# Issue 10 point 5: the recursion depth sys.setrecursionlimit's message shows inside
# dunders entered from C code (3.10/3.11 count the C calls on the way)
import sys
def depth():
    try: sys.setrecursionlimit(1)
    except RecursionError as e: return str(e).split("depth ")[1].split(":")[0]
def gen():
    # (a callback under a generator that host code runs: no outermost entry
    # to count, and nothing left behind for the entries below)
    yield sorted([3, 1, 2], key=lambda x: -x)
print(list(gen()))
class B:
    def __repr__(self):
        print("in B", depth())
        return "x"
class C:
    def __repr__(self):
        print("in C", depth())
        return repr(B())
print(depth())
repr(C())
print(depth())
repr(C())
print(depth())
