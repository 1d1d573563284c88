# Object lifetimes seen through weakref and __del__: references must be dropped when CPython drops them.
import weakref, gc
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
r = Res("a")
w = weakref.ref(r)
print(w() is r, w().name)
del r
print("after del:", w())
def scope():
    local = Res("local")
    return weakref.ref(local)
wl = scope()
print("after scope:", wl())
cache = weakref.WeakValueDictionary()
objs = [Res("v%d" % i) for i in range(3)]
for o in objs:
    cache[o.name] = o
print(sorted(cache.keys()))
objs.pop(1)
print(sorted(cache.keys()))
called = []
x = Res("finalized")
weakref.finalize(x, called.append, "finalizer ran")
x = None
print(called)
class Node:
    def __init__(self):
        self.other = None
a, b = Node(), Node()
a.other, b.other = b, a
wa = weakref.ref(a)
del a, b
print("cycle alive before collect:", wa() is not None)
gc.collect()
print("cycle alive after collect:", wa() is not None)
def make_temp():
    return Res("temp")
print(make_temp().name)
del objs, o
print("end of program")
