# Issue 10 point 2: the guest's sys.modules lists none of the VM's modules, and
# a guest that deletes entries or clears sys.modules does not break the VM:
# C code that imports (time.strptime, pickle, the traceback printer's io)
# finds what it imports again, as on CPython.
import sys, time, pickle, collections
print([name for name in sys.modules if name.split(".")[0] == "evalframe"])
print(sys.modules["__main__"] is sys.modules[__name__], sys.argv[0].endswith("sysmodules_cleared.py"))
time.strptime("2020", "%Y")
del sys.modules["_strptime"]
print(time.strptime("2021", "%Y").tm_year)
del sys.modules["collections"]
print(len(pickle.dumps(collections.OrderedDict(a=1))) > 0)
sys.modules.clear()
def f(x, *a, **k):
    return x + len(a) + len(k)
class C:
    pass
def gen():
    yield f(1, 2, k=3)
print(list(gen()), C.__name__)
try:
    {}["x"]
except KeyError as e:
    print("caught", e)
raise ValueError("end")
