# Shadowing builtins at module and function level, deleting the shadow, the builtins module.
import builtins
print(len("abc"))
def len(x):
    return "shadowed len of %r" % (x,)
print(len("abc"))
del len
print(len("abc"))
list = tuple
print(list([1, 2]))
del list
print(list((1, 2)))
def local_shadow():
    max = lambda *a: "local max"
    return max(1, 2), builtins.max(1, 2)
print(local_shadow(), max(1, 2))
real_print = print
def print(*args, **kwargs):
    real_print("[wrapped]", *args, **kwargs)
print("hello", 1)
del print
print("restored")
builtins.custom_global = "visible everywhere"
print(custom_global)
def sees_builtin():
    return custom_global
print(sees_builtin())
del builtins.custom_global
try:
    sees_builtin()
except NameError as e:
    print("NameError:", e)
orig_abs = builtins.abs
builtins.abs = lambda v: "patched abs"
print(abs(-3))
builtins.abs = orig_abs
print(abs(-3))
def uses_str():
    return str(5) + str.upper("x")
str_backup = str
print(uses_str())
True_ = True
print(True_, None.__class__.__name__, ...)
sum = 10
print(sum, builtins.sum([1, 2]))
class Shadow:
    len = staticmethod(lambda x: -1)
    def m(self):
        return len([1, 2]), self.len([1])
print(Shadow().m())
def f():
    return isinstance(1, int)
isinstance = lambda *a: "fake isinstance"
print(f())
del isinstance
print(f(), __builtins__.__name__ if hasattr(__builtins__, "__name__") else "dict")
