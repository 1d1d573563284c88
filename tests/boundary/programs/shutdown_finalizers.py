# Issue 10 point 4: finalizers whose first run is at interpreter exit (__del__,
# a suspended generator's finally, ones that raise) run, in CPython's order.
import atexit
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen()
next(g)
a = A("a")
b = A("b")
cycle = A("cycle")
cycle.me = cycle
class Holder:
    pass
h = Holder()
h.x = A("held")
def bye():
    print("atexit", a.name)
atexit.register(bye)
print("end of main")
class R:
    def __del__(self):
        raise ValueError("raised in __del__ at exit")
r = R()
def gen2():
    try:
        yield 1
    finally:
        raise KeyError("from finally at exit")
g2 = gen2()
next(g2)
