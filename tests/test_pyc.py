"""evalframe.pyc against CPython 3.10's marshal and .pyc files.

Reading: 3.10's own .pyc files load into our Code equal to what 3.10 compiled.
Writing: our bytes are what 3.10's marshal writes (exactly, where the choice of
reference flags does not depend on the writing process's state; otherwise 3.10
re-marshals ours to the very bytes it re-marshals its own to), and 3.10 runs
the .pyc files we write.  Malformed input raises PycError only, in 3.10's words.
"""

import json
import os
import struct

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from evalframe import pyc
from evalframe.objects.codeobject import Code
from evalframe.reference import compile_reference

try:
    from tests.tools._ref import compile_ref, need_ref, ref_marshal, run_ref
except ImportError:     # tests/ is not a package: pytest put tests/ itself on sys.path
    from tools._ref import compile_ref, need_ref, ref_marshal, run_ref

HERE = os.path.dirname(os.path.abspath(__file__))
REF_LIB = "/root/.pyenv/versions/3.10.13/lib/python3.10"
SEED = "def add(x, y):\n    return x + y\n\nprint(add(1,2))\n"
FEATURES = os.path.join(HERE, "tools", "dis_corpus", "features.py")

PROGRAM = '''\
import sys
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y:.2f})"
data = {"k": [1, 2.5, 3j, b"raw", None, ..., (1, (2,)), 10**30, -7, 0.0, -0.0]}
print([fib(i) for i in range(12)], Point(1, 2), data)
print(frozenset({3}) | {x for x in range(3)}, "caf\\u00e9", "\\u4e2d\\u6587")
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(sys.version_info[:2])
'''


def _py_compile_in_310(path, cfile, mode="TIMESTAMP"):
    run_ref(["-c", "import py_compile, sys; py_compile.compile(sys.argv[1], "
                   "cfile=sys.argv[2], doraise=True, invalidation_mode="
                   "py_compile.PycInvalidationMode.%s)" % mode, path, cfile])
    with open(cfile, "rb") as f:
        return f.read()


# -- reading ------------------------------------------------------------------------

def test_load_310_pyc_equals_reference_code(tmp_path):
    need_ref()
    src = tmp_path / "seed.py"
    src.write_text(SEED)
    data = _py_compile_in_310(str(src), str(tmp_path / "seed.pyc"))
    code = pyc.load_pyc(str(tmp_path / "seed.pyc"))
    assert isinstance(code, Code)
    assert code == compile_reference(SEED, str(src))
    assert pyc.load_pyc(data) == code


@pytest.mark.parametrize("path", [FEATURES] + [os.path.join(REF_LIB, p) for p in (
    "argparse.py", "typing.py", "test/test_grammar.py", "test/test_float.py",
    "test/encoded_modules/module_koi8_r.py", "encodings/cp1252.py")])
def test_load_310_pyc_of_real_modules(path, tmp_path):
    need_ref()
    data = _py_compile_in_310(path, str(tmp_path / "m.pyc"))
    code = pyc.load_pyc(data)
    with open(path, "rb") as f:
        expected = compile_ref(f.read(), path)
    # The header records the source's mtime and size.
    st_ = os.stat(path)
    assert data[:16] == pyc.MAGIC_NUMBER + bytes(4) + struct.pack(
        "<II", int(st_.st_mtime) & 0xFFFFFFFF, st_.st_size & 0xFFFFFFFF)
    assert _same(code, expected)


def _same(a, b):
    """Code equality, with NaN constants equal to NaN constants."""
    if type(a) is Code:
        return (type(b) is Code and a.replace(co_consts=()) == b.replace(co_consts=())
                and len(a.co_consts) == len(b.co_consts)
                and all(_same(x, y) for x, y in zip(a.co_consts, b.co_consts)))
    if type(a) in (tuple, frozenset):
        return type(b) is type(a) and len(a) == len(b) and all(
            _same(x, y) for x, y in zip(sorted(a, key=repr), sorted(b, key=repr)))
    if type(a) is float and a != a:
        return type(b) is float and b != b
    return type(a) is type(b) and (a == b or repr(a) == repr(b))


def test_loads_plain_values():
    need_ref()
    values = ("[1, -1, 2**31, -2**31 - 1, 2**100, -(2**64), 1.5, -0.0, float('inf'),"
              " 2+3j, 'a', 'caf\u00e9', 'x' * 300, b'', b'xy', (), (1,), tuple(range(300)),"
              " {1: 'a', 'b': (2,)}, {1, 2}, frozenset(), frozenset({1}), None, True,"
              " False, ..., StopIteration, [[]]]")
    data = run_ref(["-c", "import marshal, sys; sys.stdout.buffer.write("
                          "marshal.dumps(%s))" % values]).stdout
    assert pyc.loads(data) == eval(values)
    assert repr(pyc.loads(data)) == repr(eval(values))


# -- writing ------------------------------------------------------------------------

@pytest.mark.parametrize("source", [
    SEED,
    "x = 1\n",
    "def f(a, b=2, *c, d, **e):\n    return (a, b, c, d, e, 1.5, -3, 2**40, 'doc string')\n",
    "class C:\n    def m(self):\n        return [i for i in range(3)]\n",
    "def g(x):\n    def h():\n        return x\n    return h\nprint(g(1)(), len('ab'))\n",
])
def test_dumps_is_byte_identical(source):
    """Sources whose reference decisions do not depend on the writer's process."""
    need_ref()
    expected = ref_marshal(source, "s.py")
    code = pyc.loads(expected)
    assert pyc.dumps(code) == expected


_REMARSHAL = r"""
import marshal, sys, json
a = marshal.loads(open(sys.argv[1], "rb").read())
b = marshal.loads(open(sys.argv[2], "rb").read())
print(json.dumps([a == b, marshal.dumps(a) == marshal.dumps(b)]))
"""


@pytest.mark.parametrize("path", [FEATURES] + [os.path.join(REF_LIB, p) for p in (
    "argparse.py", "dataclasses.py", "asyncio/tasks.py", "test/test_grammar.py",
    "json/decoder.py", "test/test_patma.py")])
def test_dumps_same_as_310_after_remarshal(path, tmp_path):
    """3.10 loads our bytes to the same code, and re-marshals both identically.

    Re-marshalling in one process removes what depends on the writing process
    (which interned names it happens to share elsewhere) and keeps everything
    else: type codes, interning, which objects are one object.
    """
    need_ref()
    with open(path, "rb") as f:
        source = f.read()
    theirs = ref_marshal(source, path)
    ours = pyc.dumps(pyc.loads(theirs))
    (tmp_path / "theirs").write_bytes(theirs)
    (tmp_path / "ours").write_bytes(ours)
    out = run_ref(["-c", _REMARSHAL, str(tmp_path / "theirs"), str(tmp_path / "ours")])
    assert json.loads(out.stdout) == [True, True]


def test_dumps_plain_values_load_in_310():
    need_ref()
    value = [1, -1, 2**31, -2**31 - 1, 2**100, -(2**64), 1.5, -0.0, 2 + 3j, "a",
             "caf\u00e9", "x" * 300, b"", b"xy", (), (1,), tuple(range(300)),
             {1: "a", "b": (2,)}, {1, 2}, frozenset({1}), None, True, False, ...,
             StopIteration]
    data = pyc.dumps(value)
    out = run_ref(["-c", "import marshal, sys; print(repr(marshal.loads("
                         "sys.stdin.buffer.read())))"], input=data).stdout.decode()
    assert out.strip() == repr(value)
    assert pyc.loads(data) == value


def test_written_pyc_runs_in_310(tmp_path):
    need_ref()
    src = tmp_path / "prog.py"
    src.write_text(PROGRAM)
    code = compile_ref(PROGRAM, str(src))
    pyc.write_pyc(code, str(tmp_path / "prog.pyc"), source_path=str(src))
    expected = run_ref([str(src)]).stdout
    got = run_ref([str(tmp_path / "prog.pyc")]).stdout
    assert got == expected and b"Point(1, 2.00)" in got


@pytest.mark.parametrize("mode", ["CHECKED_HASH", "UNCHECKED_HASH"])
def test_hash_based_header_matches_py_compile(mode, tmp_path):
    need_ref()
    src = tmp_path / "h.py"
    src.write_text(PROGRAM)
    theirs = _py_compile_in_310(str(src), str(tmp_path / "h.pyc"), mode)
    ours = pyc.dump_pyc(pyc.load_pyc(theirs), str(src),
                        invalidation_mode=mode.lower().replace("_", "-"))
    assert ours[:16] == theirs[:16]
    assert pyc.source_hash(b"abc") == bytes.fromhex("435b6a4bbf3d9415")


def test_timestamp_header(tmp_path):
    src = tmp_path / "t.py"
    src.write_text("x = 1\n")
    os.utime(src, (1_700_000_000, 1_700_000_000))
    data = pyc.dump_pyc(Code(co_name="<module>"), str(src))
    assert data[:16] == b"o\r\r\n" + bytes(4) + struct.pack("<II", 1_700_000_000, 6)
    assert pyc.dump_pyc(Code())[:16] == b"o\r\r\n" + bytes(12)


def test_main_compile(tmp_path, monkeypatch):
    """`evalframe compile FILE -o OUT`: the compiler is stubbed with 3.10's here."""
    need_ref()
    import evalframe.compiler
    monkeypatch.setattr(evalframe.compiler, "compile_source",
                        lambda src, name, mode="exec": compile_ref(src, name, mode),
                        raising=False)
    src = tmp_path / "prog.py"
    src.write_text(PROGRAM)
    out = tmp_path / "out.pyc"
    assert pyc.main_compile([str(src), "-o", str(out)]) == 0
    assert run_ref([str(out)]).stdout == run_ref([str(src)]).stdout


def _nested_lambdas(n):
    return "x = " + "lambda: " * n + "0\n"


def test_dumps_deeply_nested_code_matches_310(tmp_path):
    """500 nested lambdas are 1,000 marshal levels: within marshal's cap (2,000),
    beyond what the writer's host recursion allowed before (RecursionError)."""
    need_ref()
    from evalframe.compiler import compile_source
    src = tmp_path / "deep.py"
    src.write_text(_nested_lambdas(500))
    expected = _py_compile_in_310(str(src), str(tmp_path / "ref.pyc"))
    data = pyc.dump_pyc(compile_source(src.read_bytes(), str(src), "exec"), str(src))
    assert data[16:] == expected[16:]


@pytest.mark.parametrize("depth", [1999, 2000])
def test_dumps_depth_cap_is_marshals(depth):
    """Nested past MAX_MARSHAL_STACK_DEPTH: marshal's ValueError and words."""
    import marshal
    value = ()
    for _ in range(depth):
        value = (value,)
    try:
        expected = marshal.dumps(value)
    except ValueError as err:
        with pytest.raises(ValueError) as ours:
            pyc.dumps(value)
        assert str(ours.value) == str(err) == "object too deeply nested to marshal"
    else:
        assert pyc.dumps(value) == expected


def test_main_compile_too_deep_for_marshal(tmp_path, capsys):
    """1,000 nested lambdas compile, but 3.10's marshal (py_compile) refuses
    them: `evalframe compile` says so in marshal's words and exits 1, with no
    traceback and no file left behind."""
    src = tmp_path / "deep.py"
    src.write_text(_nested_lambdas(1000))
    assert pyc.main_compile([str(src)]) == 1
    err = capsys.readouterr().err
    assert err == "ValueError: object too deeply nested to marshal\n"
    assert sorted(os.listdir(tmp_path)) == ["deep.py"]


# -- malformed input ----------------------------------------------------------------

MALFORMED = {
    "empty": b"", "unknown": b"\x01", "trunc_int": b"i\x01\x00",
    "trunc_str": b"s\x05\x00\x00\x00ab", "neg_str": b"s\xff\xff\xff\xff",
    "neg_tuple": b"(\xff\xff\xff\xff", "huge_tuple": b"(\xff\xff\xff\x7f",
    "huge_list": b"[\xff\xff\xff\x7f", "bad_ref": b"r\x05\x00\x00\x00",
    "null": b"0", "null_in_tuple": b")\x010", "deep": b")\x01" * 3000 + b"N",
    "huge_long": b"l\xff\xff\xff\x7f", "long_digit": b"l\x01\x00\x00\x00\xff\xff",
    "long_unnorm": b"l\x01\x00\x00\x00\x00\x00", "short_ascii_trunc": b"z\x05ab",
    "set_huge": b"<\xff\xff\xff\x7f", "float_trunc": b"g\x00\x00",
    "dict_unterminated": b"{i\x01\x00\x00\x00", "huge_unicode": b"u\xff\xff\xff\x7f",
    "bad_utf8": b"u\x01\x00\x00\x00\xff", "code_trunc": b"c" + b"\x00" * 10,
    "unhashable_key": b"{[\x00\x00\x00\x00N0", "deep_list": b"[\x01\x00\x00\x00" * 2500,
}

_REF_ERRORS = r"""
import marshal, sys, json
cases = json.loads(sys.stdin.read())
out = {}
for name, hexdata in cases.items():
    try:
        marshal.loads(bytes.fromhex(hexdata))
        out[name] = None
    except Exception as e:
        out[name] = str(e)
print(json.dumps(out))
"""


# Forged huge lengths make 3.10 itself allocate gigabytes (PyTuple_New(2**31-1)
# takes 16 GB and most of a minute) before it fails; its messages for these,
# recorded once, are checked without running it.
HUGE = {"huge_tuple": "EOF read where object expected",
        "huge_list": "EOF read where object expected",
        "set_huge": "EOF read where object expected",
        "huge_long": "marshal data too short",
        "huge_unicode": "marshal data too short"}


def test_malformed_messages_match_310():
    need_ref()
    ref = json.loads(run_ref(["-c", _REF_ERRORS], input=json.dumps(
        {k: v.hex() for k, v in MALFORMED.items() if k not in HUGE}).encode()).stdout)
    ref.update(HUGE)
    for name, data in MALFORMED.items():
        with pytest.raises(PycError) as info:
            pyc.loads(data)
        assert str(info.value) == ref[name], name


PycError = pyc.PycError


def test_pyc_header_errors(tmp_path):
    with pytest.raises(PycError, match=r"bad magic number in 'x.pyc': b'abcd'"):
        bad = tmp_path / "x.pyc"
        bad.write_bytes(b"abcd" + bytes(20))
        os.chdir(tmp_path)
        pyc.load_pyc("x.pyc")
    with pytest.raises(PycError, match="reached EOF while reading pyc header"):
        pyc.load_pyc(pyc.MAGIC_NUMBER + b"\x00")
    with pytest.raises(PycError, match="invalid flags 4 in"):
        pyc.load_pyc(pyc.MAGIC_NUMBER + b"\x04" + bytes(11) + b"N")
    with pytest.raises(PycError, match="Non-code object"):
        pyc.load_pyc(pyc.MAGIC_NUMBER + bytes(12) + b"N")
    with pytest.raises(PycError, match="cannot read"):
        pyc.load_pyc(str(tmp_path / "missing.pyc"))
    assert issubclass(PycError, ValueError)


def test_code_field_types_are_checked():
    good = pyc.dumps(Code(co_name="f", co_filename="f.py", co_code=b"d\x00S\x00",
                          co_consts=(None,)))
    assert pyc.loads(good).co_name == "f"
    # co_code replaced by an int: the 's' after the six longs becomes 'i'
    bad = bytearray(good)
    pos = 1 + 6 * 4
    assert bad[pos] & 0x7F == pyc.TYPE_STRING
    bad[pos:pos + 9] = b"i\x00\x00\x00\x00" + b"N" * 4
    with pytest.raises(PycError):
        pyc.loads(bytes(bad))


_SAMPLE = pyc.dumps(Code(co_name="f", co_filename="f.py", co_code=b"d\x00d\x01\x17\x00S\x00",
                         co_consts=(1, (2.5, "s", b"b", frozenset({3})), 10**20, 1j),
                         co_names=("a", "b"), co_varnames=("x",), co_linetable=b"\x08\x01"))


def _only_pyc_error(data):
    try:
        pyc.loads(data)
    except PycError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_fuzz_random_bytes(data):
    _only_pyc_error(data)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(_SAMPLE)))
def test_fuzz_truncated(n):
    if n == len(_SAMPLE):
        assert pyc.loads(_SAMPLE[:n]).co_name == "f"
    else:
        with pytest.raises(PycError):
            pyc.loads(_SAMPLE[:n])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_SAMPLE) - 1), st.integers(0, 255)),
                min_size=1, max_size=6))
def test_fuzz_mutated(edits):
    data = bytearray(_SAMPLE)
    for pos, value in edits:
        data[pos] = value
    _only_pyc_error(bytes(data))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64), st.sampled_from(b"()[<>{csuatAzZl"))
def test_fuzz_type_code_then_noise(noise, code):
    _only_pyc_error(bytes([code]) + noise)
    _only_pyc_error(bytes([code | pyc.FLAG_REF]) + noise)
