"""The disassembler against CPython 3.10's own dis, on 3.10's own code objects.

Code objects come from CPython 3.10 (marshalled there, read by evalframe.pyc), never from our
compiler, so these tests check the disassembler alone: the listing must be the
text ``python3.10 -m dis FILE`` prints, code object addresses aside.
"""

import io
import json
import os
import sys
import types

import pytest

from evalframe import opcodes
from evalframe.objects.codeobject import Code
from evalframe.tools import disasm

from ._ref import compile_ref, need_ref, normalize_listing, run_ref

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "dis_corpus")
SEED = "/work/shared/examples/seed_add.py"
REF_LIB = "/root/.pyenv/versions/3.10.13/lib/python3.10"

# Our own samples, then real stdlib modules: long files (4-digit line column),
# match statements, f-strings, async code, big frozenset and tuple constants.
LOCAL_FILES = ["features.py", "big.py"]
STDLIB_FILES = ["dis.py", "string.py", "argparse.py", "typing.py", "dataclasses.py",
                "asyncio/tasks.py", "json/decoder.py", "enum.py", "re.py",
                "test/test_patma.py", "test/test_grammar.py", "test/test_fstring.py",
                "tarfile.py", "ast.py"]


def _corpus():
    for name in LOCAL_FILES:
        yield pytest.param(os.path.join(CORPUS, name), id=name)
    for name in STDLIB_FILES:
        yield pytest.param(os.path.join(REF_LIB, name), id="Lib/" + name)


def _ref_listing(path):
    return run_ref(["-m", "dis", path]).stdout.decode("utf-8")


def _our_listing(path):
    with open(path, "rb") as f:
        source = f.read()
    out = io.StringIO()
    disasm.dis(compile_ref(source, path, "exec"), file=out)
    return out.getvalue()


@pytest.mark.parametrize("path", list(_corpus()))
def test_listing_matches_python310_dis(path):
    need_ref()
    if not os.path.exists(path):
        pytest.skip("%s is not in this 3.10 installation" % path)
    expected = normalize_listing(_ref_listing(path))
    got = normalize_listing(_our_listing(path))
    assert got.splitlines() == expected.splitlines()


def test_dis_file_is_the_cli_output(monkeypatch, capsys):
    """dis_file's own path (read bytes, filename as given), compiled by 3.10 here."""
    need_ref()
    monkeypatch.setattr(disasm, "_compile_for_dis",
                        lambda src, name, mode: compile_ref(src, name, mode))
    path = os.path.join(CORPUS, "features.py")
    disasm.dis_file(path)
    got = capsys.readouterr().out
    assert normalize_listing(got) == normalize_listing(_ref_listing(path))


def test_seed_example_end_to_end(tmp_path, capsys):
    """`evalframe dis seed_add.py` with whatever compiler evalframe has now."""
    need_ref()
    if not os.path.exists(SEED):
        pytest.skip("seed example not present")
    path = str(tmp_path / "seed_add.py")
    with open(SEED, "rb") as f, open(path, "wb") as g:
        g.write(f.read())
    assert disasm.main([path]) == 0
    got = capsys.readouterr().out
    assert normalize_listing(got) == normalize_listing(_ref_listing(path))
    assert "Disassembly of <code object add at 0x" in got


def test_dash_c(capsys):
    need_ref()
    assert disasm.main(["-c", "x = 1\nprint(x)"]) == 0
    got = capsys.readouterr().out
    assert got.splitlines()[0].split() == ["1", "0", "LOAD_CONST", "0", "(1)"]
    assert "CALL_FUNCTION" in got


# -- records: get_instructions and friends against 3.10's ---------------------------

_REF_RECORDS = r"""
import dis, json, sys
src = sys.stdin.read()
out = []
def walk(co):
    out.append([co.co_name, dis.findlabels(co.co_code), list(dis.findlinestarts(co)),
                [[i.opname, i.opcode, i.arg, repr(i.argval), i.argrepr, i.offset,
                  i.starts_line, i.is_jump_target]
                 for i in dis.get_instructions(co, first_line=int(sys.argv[1]) or None)],
                dis.code_info(co), dis.Bytecode(co, current_offset=4).dis()])
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(c)
walk(compile(src, "rec.py", "exec"))
print(json.dumps(out))
"""


@pytest.mark.parametrize("first_line", [0, 100])
def test_records_match_python310(first_line):
    need_ref()
    with open(os.path.join(CORPUS, "features.py")) as f:
        source = f.read()
    ref = json.loads(run_ref(["-c", _REF_RECORDS, str(first_line)],
                             input=source.encode()).stdout)
    from evalframe.objects.codeobject import iter_code_objects
    ours = list(iter_code_objects(compile_ref(source, "rec.py")))
    assert len(ours) == len(ref)
    for co, (name, labels, linestarts, instrs, info, listing) in zip(ours, ref):
        assert co.co_name == name
        assert disasm.findlabels(co.co_code) == labels
        assert [list(p) for p in disasm.findlinestarts(co)] == linestarts
        got = [[i.opname, i.opcode, i.arg, repr(i.argval), i.argrepr, i.offset,
                i.starts_line, i.is_jump_target]
               for i in disasm.get_instructions(co, first_line=first_line or None)]
        assert normalize_listing(repr(got)) == normalize_listing(repr(instrs))
        assert normalize_listing(disasm.code_info(co)) == normalize_listing(info)
        assert (normalize_listing(disasm.Bytecode(co, current_offset=4).dis())
                == normalize_listing(listing))


def test_instruction_fields_and_current_marker():
    co = Code(co_code=bytes([opcodes.LOAD_FAST, 0, opcodes.POP_JUMP_IF_FALSE, 2,
                             opcodes.EXTENDED_ARG, 1, opcodes.LOAD_CONST, 2,
                             opcodes.RETURN_VALUE, 0]),
              co_varnames=("a",), co_consts=tuple(range(300)),
              co_linetable=bytes([4, 0, 6, 2]), co_firstlineno=7, co_name="f")
    instrs = list(disasm.get_instructions(co))
    assert instrs[0] == disasm.Instruction("LOAD_FAST", 124, 0, "a", "a", 0, 7, False)
    assert instrs[1].argval == 4 and instrs[1].argrepr == "to 4"
    assert instrs[3].arg == 258 and instrs[3].argval == 258
    assert instrs[3].argrepr == "258" and instrs[3].is_jump_target is False
    assert instrs[4].arg is None and instrs[4].starts_line is None
    assert instrs[2].is_jump_target and instrs[2].starts_line == 9
    out = io.StringIO()
    disasm.disassemble(co, lasti=4, file=out)
    lines = out.getvalue().splitlines()
    assert lines[2] == ""  # a blank line before each new source line
    assert lines[3] == "  9 --> >>    4 EXTENDED_ARG             1"
    assert disasm.stack_effect is opcodes.stack_effect


def test_format_value_and_make_function_argreprs():
    def rec(op, arg):
        co = Code(co_code=bytes([op, arg]))
        return next(disasm.get_instructions(co))
    assert rec(opcodes.FORMAT_VALUE, 0).argrepr == ""
    assert rec(opcodes.FORMAT_VALUE, 2).argrepr == "repr"
    assert rec(opcodes.FORMAT_VALUE, 4).argrepr == "with format"
    assert rec(opcodes.FORMAT_VALUE, 7).argval == (ascii, True)
    assert rec(opcodes.FORMAT_VALUE, 7).argrepr == "ascii, with format"
    assert rec(opcodes.MAKE_FUNCTION, 0x0D).argrepr == "defaults, annotations, closure"
    assert rec(opcodes.COMPARE_OP, 4).argrepr == ">"


# -- guest objects ------------------------------------------------------------------

class _GuestFunction:
    """Duck-typed stand-in for evalframe's Function: anything with a Code __code__."""

    def __init__(self, code):
        self.__code__ = code

    def __call__(self, *args):
        raise NotImplementedError


_MODULE_SRC = """\
def first(a):
    return a + 1

def second(*b):
    return [x for x in b]

class Shape:
    def area(self):
        return 0
    @staticmethod
    def unit():
        return 1
    @classmethod
    def build(cls):
        return cls()

value = 3
"""

_REF_MODULE = r"""
import dis, sys, types
mod = types.ModuleType("m")
exec(compile(sys.stdin.read(), "m.py", "exec"), mod.__dict__)
del mod.__builtins__
dis.dis(mod)
print("=====")
dis.dis(mod.Shape)
"""


def _guest_module(source):
    """A module whose functions are guest functions of 3.10's code objects."""
    top = compile_ref(source, "m.py")
    codes = {c.co_name: c for c in top.co_consts if isinstance(c, Code)}
    mod = types.ModuleType("m")
    mod.first = _GuestFunction(codes["first"])
    mod.second = _GuestFunction(codes["second"])
    mod.value = 3
    # The class body's code holds the methods' code objects.
    body = {c.co_name: c for c in codes["Shape"].co_consts if isinstance(c, Code)}
    mod.Shape = type("Shape", (), {
        "area": _GuestFunction(body["area"]),
        "unit": staticmethod(_GuestFunction(body["unit"])),
        "build": classmethod(_GuestFunction(body["build"])),
        "__module__": "m",
    })
    return mod


def test_dis_guest_module_and_class():
    need_ref()
    ref = run_ref(["-c", _REF_MODULE], input=_MODULE_SRC.encode()).stdout.decode()
    mod = _guest_module(_MODULE_SRC)
    out = io.StringIO()
    disasm.dis(mod, file=out)
    out.write("=====\n")
    disasm.dis(mod.Shape, file=out)
    assert normalize_listing(out.getvalue()) == normalize_listing(ref)


def test_dis_guest_function_method_and_depth():
    need_ref()
    top = compile_ref("def f(x):\n    def g():\n        return x\n    return g\n",
                            "d.py")
    f_code = top.co_consts[0]
    fn = _GuestFunction(f_code)
    full, shallow = io.StringIO(), io.StringIO()
    disasm.dis(fn, file=full)
    disasm.dis(types.MethodType(fn, object()), file=shallow, depth=0)
    assert "Disassembly of <code object g" in full.getvalue()
    assert "Disassembly of" not in shallow.getvalue()
    assert full.getvalue().startswith(shallow.getvalue())
    assert disasm.Bytecode(fn).codeobj is f_code
    assert disasm.code_info(fn).startswith("Name:              f\n")
    assert "Cell variables:\n   0: x" in disasm.code_info(fn)


def test_host_objects_are_refused():
    with pytest.raises(TypeError, match="don't know how to disassemble int objects"):
        disasm.dis(3)
    with pytest.raises(TypeError, match="don't know how to disassemble"):
        disasm.get_instructions(len)


def test_from_traceback_marks_lasti():
    co = Code(co_code=bytes([opcodes.LOAD_CONST, 0, opcodes.RETURN_VALUE, 0]),
              co_consts=(None,), co_linetable=bytes([4, 1]), co_firstlineno=1)
    frame = types.SimpleNamespace(f_code=co)
    inner = types.SimpleNamespace(tb_frame=frame, tb_lasti=2, tb_next=None)
    outer = types.SimpleNamespace(tb_frame=None, tb_lasti=0, tb_next=inner)
    listing = disasm.Bytecode.from_traceback(outer).dis()
    assert listing.splitlines()[1] == "    -->       2 RETURN_VALUE"
    out = io.StringIO()
    disasm.distb(outer, file=out)
    assert out.getvalue() == listing


def test_dis_real_guest_function_matches_310():
    """evalframe's own Function (objects/funcobject.py), duck-typed via __code__."""
    need_ref()
    from evalframe.objects.funcobject import Function
    src = "def outer(a, *b):\n    return [lambda: a for _ in b]\n"
    top = compile_ref(src, "g.py")
    fn = Function(top.co_consts[0], {})
    ref = run_ref(["-c", "import dis, sys; ns = {}; exec(compile(sys.stdin.read(), "
                         "'g.py', 'exec'), ns); dis.dis(ns['outer'])"],
                  input=src.encode()).stdout.decode()
    out = io.StringIO()
    disasm.dis(fn, file=out)
    assert normalize_listing(out.getvalue()) == normalize_listing(ref)
    assert [i.opname for i in disasm.get_instructions(fn)][:2] == ["LOAD_CLOSURE",
                                                                    "BUILD_TUPLE"]
