# vars(), locals(), globals(), dir(): module, function, class and instance namespaces.
import sys
alpha = 1
beta = [2]
def show_locals(x, y=2):
    z = x + y
    return sorted(locals().items())
print(show_locals(1))
print(sorted(k for k in globals() if not k.startswith("__")))
print(sorted(globals().keys()))
print(__name__, __doc__, __package__, __spec__, type(__builtins__).__name__, __file__.endswith("introspect_namespaces.py"))
globals()["gamma"] = 3
print(gamma)
class Thing:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
    def method(self):
        pass
t = Thing()
print(vars(t), sorted(k for k in vars(Thing) if not k.startswith("__")), [d for d in dir(t) if not d.startswith("__")])
print(sorted(n for n in dir(Thing) if n.startswith("__"))[:8])
def dir_in_function():
    a = 1
    b = 2
    return dir()
print(dir_in_function())
def modify_locals():
    v = 1
    locals()["v"] = 2
    return v
print(modify_locals())
def closure_locals():
    free = "f"
    def inner():
        return sorted(locals())
    def inner2():
        free
        return sorted(locals())
    return inner(), inner2()
print(closure_locals())
class Body:
    a = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
    qual = __qualname__
    mod = __module__
print(Body.names, Body.qual, Body.mod)
print(vars(sys.modules[__name__]) is globals(), sys.modules["__main__"].__dict__ is globals())
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(len(dir(__builtins__)) > 100, "print" in dir(__builtins__))
