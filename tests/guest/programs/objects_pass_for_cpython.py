# Guest objects pass for CPython's: type names, types.* constructors, __signature__.
import functools
import inspect
import sys
import types


def outer(a, b=2):
    x = a + b

    def inner():
        return x
    return inner


inner = outer(1)


async def coro():
    pass


def gen():
    yield 1


c = coro()
try:
    raise ValueError("x")
except ValueError as e:
    tb = e.__traceback__
for label, obj in [("function", outer), ("code", outer.__code__),
                   ("cell", inner.__closure__[0]), ("frame", sys._getframe()),
                   ("generator", gen()), ("coroutine", c), ("traceback", tb),
                   ("method", types.MethodType(outer, 1))]:
    t = type(obj)
    print(label, t.__name__, t.__qualname__, t.__module__, repr(t))
c.close()
print("isinstance", isinstance(outer, types.FunctionType), isinstance(outer.__code__, types.CodeType),
      isinstance(inner.__closure__[0], types.CellType), inspect.isfunction(inner))

# types.FunctionType with guest code and guest or new cells
h = types.FunctionType(inner.__code__, globals(), "h", None, inner.__closure__)
print("FunctionType", h.__name__, h(), h.__closure__[0].cell_contents)
cell = types.CellType(5)
print("CellType", cell.cell_contents, isinstance(cell, types.CellType))
h2 = types.FunctionType(inner.__code__, globals(), "h2", None, (cell,))
print("closure", h2())
cell.cell_contents = 6
print("shared", h2())
empty = types.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print("ValueError", e)
for bad in [(), (cell, cell), ("x",)]:
    try:
        types.FunctionType(inner.__code__, globals(), "b", None, bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
co2 = outer.__code__.replace(co_name="renamed")
f2 = types.FunctionType(co2, globals(), None, (10,))
print("replace", co2.co_name, f2.__name__, f2(1)(), outer.__code__.co_name)
m = types.MethodType(outer, 7)
print("MethodType", m.__func__ is outer, m.__self__, m()())

# __signature__: absent until set, writable, deletable; wraps shows the wrapped one
print("has", hasattr(outer, "__signature__"))


def annotated(a, /, b: int = 2, *args, c, d=4, **kw) -> str:
    return "r"


@functools.wraps(annotated)
def wrapper(*args, **kwargs):
    return annotated(*args, **kwargs)


print("signature", inspect.signature(annotated))
print("wrapped", inspect.signature(wrapper))
print("partial", inspect.signature(functools.partial(annotated, 1, c=3)))
annotated.__signature__ = inspect.Signature([])
print("set", inspect.signature(annotated), annotated.__signature__)
del annotated.__signature__
print("deleted", inspect.signature(annotated))
try:
    annotated.__signature__
except AttributeError as e:
    print("AttributeError", e)


class K:
    def meth(self, x, *, y=1):
        pass


print("method", inspect.signature(K.meth), inspect.signature(K().meth), inspect.signature(K))
