# types.CodeType(...) called by guest code with a guest code object's fields makes a guest code object (any host 3.10-3.13).
import sys, types
def f(a, b=2):
    return a * b
co = f.__code__
if sys.version_info >= (3, 11):
    args = (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals,
            co.co_stacksize, co.co_flags, co.co_code, co.co_consts, co.co_names,
            co.co_varnames, co.co_filename, "g", "g", co.co_firstlineno, co.co_linetable,
            co.co_exceptiontable, co.co_freevars, co.co_cellvars)
else:
    args = (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals,
            co.co_stacksize, co.co_flags, co.co_code, co.co_consts, co.co_names,
            co.co_varnames, co.co_filename, "g", co.co_firstlineno, co.co_linetable,
            co.co_freevars, co.co_cellvars)
co2 = types.CodeType(*args)
g = types.FunctionType(co2, globals(), "g", (3,))
print(co2.co_name, type(co2).__name__, isinstance(co2, types.CodeType), g(5), g(2, 7))
try:
    types.CodeType(1, 2)
except TypeError as e:
    print("TypeError")
