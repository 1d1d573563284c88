# Issue 10 point 4: finalizers of objects that only the main module's
# namespace holds, when that namespace is in a reference cycle (a class or
# function defined in it: its __globals__).  At exit the cyclic collector frees
# them, and their __del__ run in the order of its generation lists: creation
# order when no automatic collection moved them (here: the collector is off,
# as it can be on CPython).  With the collector on, the order depends on where
# automatic collections fell during the run, which counts host allocations:
# the VM's are not CPython's (docs/boundary.md).
import gc
gc.disable()

class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

class Holder:
    pass

b0 = None
a = A("a")
b0 = A("b0")
h = Holder()
h.x = A("held")
c = A("c")
def gen():
    try:
        yield 1
    finally:
        print("generator finally")
g = gen()
next(g)
print("end of module")
