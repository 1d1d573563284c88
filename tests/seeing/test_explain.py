"""``evalframe explain``: every executed instruction explained, calls with their path."""

import re

from evalframe.tools import explain

from ._run import SEED, evalframe, json_events, write_program

HEAD = re.compile(r"^\s*(\S+) line (\S+), offset (\d+): (\w+)")


def explained(stdout):
    """[(code name, offset, opname, text)] in output order."""
    lines = stdout.splitlines()
    out = []
    for i, line in enumerate(lines):
        m = HEAD.match(line)
        if m:
            text = lines[i + 1].strip() if i + 1 < len(lines) else ""
            out.append((m.group(1), int(m.group(3)), m.group(4), text))
    return out


def executed(path):
    r = evalframe("trace", "--json", path)
    assert r.returncode == 0, r.stderr
    return [(e["code"], e["offset"], e["opname"]) for e in json_events(r.stdout)
            if e["kind"] == "instr"]


def test_table_covers_every_opcode():
    assert explain.check_table() == []


def test_seed_every_instruction_explained():
    r = evalframe("explain", SEED)
    assert r.returncode == 0, r.stderr
    items = explained(r.stdout)
    assert sorted((c, o, n) for c, o, n, _ in items) == sorted(executed(SEED))
    for code, offset, opname, text in items:
        assert text and "no explanation" not in text, (code, offset, opname)
        assert "ceval.c _PyEval_EvalFrameDefault" in text or opname.startswith("CALL"), text


def test_seed_make_function_and_calls():
    r = evalframe("explain", SEED)
    items = explained(r.stdout)
    (make,) = [t for c, o, n, t in items if n == "MAKE_FUNCTION"]
    for needle in ("code object `add`", "globals", "no defaults", "no closure",
                   "PyFunction_NewWithQualName", "PyFunction_New(", "case TARGET(MAKE_FUNCTION)"):
        assert needle in make, (needle, make)
    calls = [t for c, o, n, t in items if n == "CALL_FUNCTION"]
    assert len(calls) == 2
    add_call, print_call = calls
    for needle in ("`add`", "(1, 2)", "fast path", "exactly 2 positional", "call_function",
                   "_PyFunction_Vectorcall", "_PyEval_Vector", "_PyFrame_New_NoTrack",
                   "_PyEval_EvalFrameDefault", "fast_function", "PyFrame_New",
                   "PyEval_EvalFrameEx"):
        assert needle in add_call, (needle, add_call)
    for needle in ("`print`", "(3)", "host builtin", "call_function", "PyObject_Vectorcall",
                   "PyCFunction_Call"):
        assert needle in print_call, (needle, print_call)
    assert "pushed the result 3" in r.stdout


def test_call_paths(tmp_path):
    prog = write_program(tmp_path, """\
        def f(a, b=2):
            return a + b

        def gen():
            yield 1

        class C:
            def __init__(self, v):
                self.v = v

            def m(self):
                return self.v

        f(1)
        f(1, b=3)
        c = C(5)
        c.m()
        bound = c.m
        bound()
        list(gen())
        obj = object()
        len([1])
        """)
    r = evalframe("explain", prog)
    assert r.returncode == 0, r.stderr
    calls = {}
    for code, offset, opname, text in explained(r.stdout):
        if opname.startswith("CALL"):
            calls.setdefault(text.split(" calls ")[1].split(" with ")[0], []).append(text)
    assert "general argument binder" in calls["`f`"][0]
    assert "defaults fill the rest" in calls["`f`"][0]
    assert "keyword argument given (b)" in calls["`f`"][1]
    assert "a class" in calls["`C`"][0] and "__init__ is guest code" in calls["`C`"][0]
    assert "LOAD_METHOD" in calls["`C.m`"][0]
    assert "bound method" in calls["`C.m`"][1] and "method_vectorcall" in calls["`C.m`"][1]
    assert "making a generator" in calls["`gen`"][0]
    assert "host builtin" in calls["`len`"][0]


def test_explains_exceptions_and_jumps(tmp_path):
    prog = write_program(tmp_path, """\
        x = 0
        if x:
            y = 1
        try:
            1 / x
        except ZeroDivisionError:
            pass
        """)
    r = evalframe("explain", prog)
    assert r.returncode == 0, r.stderr
    texts = {n: t for c, o, n, t in explained(r.stdout)}
    assert "it is false, so execution jumps" in texts["POP_JUMP_IF_FALSE"]
    assert "It raised ZeroDivisionError: division by zero" in texts["BINARY_TRUE_DIVIDE"]
    assert "it does, so this except clause runs" in texts["JUMP_IF_NOT_EXC_MATCH"]
