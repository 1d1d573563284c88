# copy and pickle of guest functions, methods, code objects, cells and generators behave as CPython's.
import copy, pickle, types, functools
def f(a, b=2): return a + b
class C:
    def m(self): return 1
    @staticmethod
    def s(): return 2
for obj in (f, C.m, C().m, f.__code__, functools.partial(f, 1)):
    for name, fn in (("copy", copy.copy), ("deepcopy", copy.deepcopy)):
        try:
            r = fn(obj)
            print(name, type(obj).__name__, r is obj, r == obj)
        except Exception as e:
            print(name, type(obj).__name__, type(e).__name__, e)
for obj in (f, C.m, C.s, functools.partial(f, 1), C().m, [f, C]):
    try:
        r = pickle.loads(pickle.dumps(obj))
        print("pickle", type(obj).__name__, r is obj, r == obj)
    except Exception as e:
        print("pickle", type(obj).__name__, type(e).__name__, e)
for obj in (lambda: 0, f.__code__, (x for x in []), types.CellType(1)):
    try:
        pickle.dumps(obj)
        print("pickled?!", type(obj).__name__)
    except Exception as e:
        print("pickle", type(obj).__name__, type(e).__name__, str(e).split(" at 0x")[0])
def outer():
    def inner(): pass
    return inner
try:
    pickle.dumps(outer())
except Exception as e:
    print(type(e).__name__, e)
print(copy.copy(types.CellType(3)).cell_contents if False else "")
