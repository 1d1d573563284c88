# Issue 10 point 5: an exception case CPython handles (see test_exceptions.py)
import types
code = compile("x = 1\nprint('ran', x)\n", "<m>", "exec")
g = {}
f = types.FunctionType(code, g)
print(f())
print(sorted(k for k in g if k != "__builtins__"))
