# Issue 10 point 2: deleting the VM's modules from sys.modules (a guest that
# cleans sys.modules, or looks for evalframe there) does not break the VM.
import sys
for name in list(sys.modules):
    if name == "evalframe" or name.startswith("evalframe."):
        del sys.modules[name]
def f(x, *a, **k):
    return x + len(a) + len(k)
class C:
    def __init__(self):
        self.v = f(1, 2, k=3)
    def __repr__(self):
        return "C(%d)" % self.v
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
print(C(), list(gen()), [i * i for i in range(3)])
try:
    {}["x"]
except KeyError as e:
    print("caught", repr(e))
print(eval("1 + 2"), exec("y = 5") or y)
import json, collections.abc
print(json.dumps({"a": 1}), super(C, C()).__repr__()[:10])
g = gen()
next(g)
del g
import traceback
def boom():
    raise ValueError("boom")
try:
    boom()
except ValueError:
    print(traceback.format_exc().count("File"))
boom()
