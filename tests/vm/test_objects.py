"""Function, cell, frame and generator objects: CPython's attribute rules and messages."""

import pytest

from evalframe.objects.cellobject import Cell
from evalframe.objects.funcobject import Function
from evalframe.objects.codeobject import Code
from ._diff import compile_ours
from evalframe.interpreter.ceval import run_code


def guest(source):
    g = {"__name__": "m"}
    run_code(compile_ours(source, "<objects>"), g)
    return g


def host(source):
    g = {"__name__": "m"}
    exec(compile(source, "<objects>", "exec"), g)
    return g


SRC = "def add(x, y=1, *, k=2):\n    'doc'\n    return x + y\ndef outer():\n    z = 1\n    def g():\n        return z\n    return g\n"


def test_function_attribute_families():
    f = guest(SRC)["add"]
    assert type(f) is Function and isinstance(f, Function)
    assert f.__code__ is f.func_code and isinstance(f.__code__, Code)
    assert f.__globals__ is f.func_globals
    assert f.__defaults__ == f.func_defaults == (1,)
    assert f.__kwdefaults__ == {"k": 2}
    assert f.__doc__ == f.func_doc == "doc"
    assert f.__name__ == f.func_name == "add"
    assert f.__qualname__ == "add" and f.__module__ == "m"
    assert f.__closure__ is f.func_closure is None
    assert f.__dict__ is f.func_dict == {}
    assert f.__builtins__ is not None
    g = guest(SRC)["outer"]()
    assert g.__qualname__ == "outer.<locals>.g"
    assert repr(g).startswith("<function outer.<locals>.g at 0x")
    assert isinstance(g.__closure__[0], Cell) and g.__closure__[0].cell_contents == 1


@pytest.mark.parametrize("attr,value", [
    ("__defaults__", [1]), ("__kwdefaults__", 1), ("__name__", 1), ("__qualname__", None),
    ("__code__", 5), ("__annotations__", 3), ("__globals__", {}), ("__closure__", ()),
    ("__builtins__", {}), ("__dict__", 1)])
def test_setter_errors_match_host(attr, value):
    def outcome(f):
        try:
            setattr(f, attr, value)
        except (TypeError, AttributeError, ValueError) as e:
            return type(e).__name__, str(e).replace("'property' object", "").split(" of ")[0]
        return None
    hosted = outcome(host(SRC)["add"])
    ours = outcome(guest(SRC)["add"])
    assert ours[0] == hosted[0]
    if attr not in ("__globals__", "__closure__", "__builtins__"):
        assert ours == hosted


def test_code_free_var_mismatch():
    f = guest(SRC)["add"]
    g = guest(SRC)["outer"]()
    with pytest.raises(ValueError, match=r"^add\(\) requires a code object with 0 free vars, not 1$"):
        f.__code__ = g.__code__


def test_get_binds_a_host_method():
    import types
    f = guest(SRC)["add"]
    m = f.__get__(5)
    assert type(m) is types.MethodType and m.__func__ is f and m() == 6
    assert f.__get__(None, int) is f


def test_cells():
    c = Cell()
    with pytest.raises(ValueError, match="^Cell is empty$"):
        c.cell_contents
    c.cell_contents = 3
    assert c.cell_contents == 3 and "int object" in repr(c)
    del c.cell_contents
    assert "empty" in repr(c)


@pytest.mark.evalframe_untraced      # f_trace's default: no tracer attached
def test_frame_attributes():
    g = guest("import sys\ndef f(a):\n    b = a + 1\n    return sys._getframe()\nfr = f(1)\n"
              "def gen():\n    x = 1\n    yield\ngi = gen()\nnext(gi)\n")
    fr = g["fr"]
    assert fr.f_code.co_name == "f" and fr.f_back is not None
    assert fr.f_locals == {"a": 1, "b": 2}
    assert fr.f_globals is g and fr.f_lasti % 2 == 0 and fr.f_lasti > 0
    assert fr.f_lineno == 4
    assert fr.f_trace is None and fr.f_trace_lines is True and fr.f_trace_opcodes is False
    gf = g["gi"].gi_frame
    assert gf.f_lineno == 8 and gf.f_locals == {"x": 1}
    assert isinstance(gf.f_valuestack, list) and isinstance(gf.f_blockstack, list)


def test_inspect_sees_guest_functions():
    import inspect
    f = guest("def f(a, b: int = 2, /, c=3, *args, d, e='x', **kw) -> None:\n    pass\n")["f"]
    assert inspect.isfunction(f)
    assert str(inspect.signature(f)) == "(a, b: int = 2, /, c=3, *args, d, e='x', **kw) -> None"


def test_host_calls_guest_callables():
    g = guest("def key(s):\n    return -len(s)\nclass A:\n    def __init__(self, v):\n        self.v = v\n"
              "    def __lt__(self, o):\n        return self.v < o.v\n")
    assert sorted(["a", "ccc", "bb"], key=g["key"]) == ["ccc", "bb", "a"]
    assert [a.v for a in sorted([g["A"](2), g["A"](1)])] == [1, 2]
    assert list(map(g["key"], ["xy"])) == [-2]


def test_generator_protocols():
    import collections.abc as abc
    g = guest("def gen():\n    r = yield 1\n    yield r\n    return 'end'\nasync def co():\n    return 1\n"
              "async def ag():\n    yield 1\n")
    it = g["gen"]()
    assert isinstance(it, abc.Generator) and iter(it) is it
    assert next(it) == 1 and it.send("s") == "s"
    with pytest.raises(StopIteration) as info:
        next(it)
    assert info.value.value == "end"
    c = g["co"]()
    assert isinstance(c, abc.Coroutine) and not isinstance(c, abc.Iterator)
    with pytest.raises(StopIteration):
        c.send(None)
    with pytest.raises(RuntimeError, match="cannot reuse already awaited coroutine"):
        c.send(None)
    assert isinstance(g["ag"](), abc.AsyncGenerator)


def test_asyncio_drives_guest_coroutines():
    import asyncio
    g = guest("import asyncio\nasync def work(n):\n    await asyncio.sleep(0)\n    return n * 2\n"
              "async def main():\n    return await asyncio.gather(*(work(i) for i in range(3)))\n")
    assert asyncio.run(g["main"]()) == [0, 2, 4]
