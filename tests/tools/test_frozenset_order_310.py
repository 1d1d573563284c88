"""Frozenset constants in CPython 3.10's order under a fixed hash seed (issue 12.2).

3.10 hashes str and bytes with SipHash-2-4 (3.11+ with SipHash-1-3), so under
the same PYTHONHASHSEED a set's layout differs between 3.10 and the host.
objects/setorder.py computes 3.10's hashes and set layout; ``evalframe dis``
prints frozenset constants, and ``evalframe compile`` marshals them, in the
order 3.10 has.  Checked against CPython 3.10 itself (skipped where absent):
the hashes, the layouts, the ``dis`` text of ``python3.10 -m dis FILE`` and
the marshal bytes.  Under a random seed nothing is reordered.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from evalframe import pyc
from evalframe.compiler import compile_source
from evalframe.objects import setorder

try:
    from tests.tools._ref import need_ref, ref_marshal
except ImportError:     # tests/ is not a package: pytest put tests/ itself on sys.path
    from tools._ref import need_ref, ref_marshal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

VALUES = ["", "a", "abc", "hello world!", "h\u00e9llo", "\u0100\u0101\u0102",
          "\U0001F600x", "\ud800", b"", b"abc", b"12345678901", ("a", 1),
          ("x", ("y", b"z")), frozenset({"a", "b"}), 2 ** 70, -1, 1.5, 2 + 1j, True]

# Set displays of every kind 3.10 folds into frozensets: membership tests and
# for-loops over set literals, set displays of more than two constants; with
# identifiers of the file among the strings (PyCode_New then rebuilds the set),
# None and Ellipsis (hashed by address), resizes, duplicates, tuples, bytes.
PROGRAM = textwrap.dedent('''
    alpha = 1
    def f(x):
        return x in {"a", "b", "c", "hello", "world", "spam"}
    y = {"alpha", "beta", "gamma", "delta"}
    z = {"gamma", "delta", "epsilon"}
    for q in {"q1", "q2", "q3", 1, 2.5, (1, "x"), b"by", "q1"}:
        pass
    def g(word):
        if word in {"if", "else", "elif", "while", "for", "try", "except", "finally",
                    "with", "def", "class", "return", "yield", "lambda", "pass"}:
            return {0, None}
        return word not in {None, ..., "zz"} and word in {"caf\\u00e9", "\\u4e2d", "x y"}
    values = {None, 0, 1, -1, 2, -2, 5, -5, 19, -19,
              20, -20, 21, -21, 30, -30, 99, -99}
    class K:
        names = {"K", "names", "method", "f", "g"}
        def method(self):
            return self in {(1, 2), (3, "four"), frozenset}
''')


@pytest.fixture
def seed0(monkeypatch):
    """This process computes orders as if started with PYTHONHASHSEED=0."""
    monkeypatch.setattr(setorder, "_SECRET", [setorder.secret_for_seed(0)])


def _ref(args, seed, **kw):
    env = dict(os.environ, PYENV_VERSION="3.10.13", PYTHONHASHSEED=str(seed))
    return subprocess.run(need_ref() + list(args), capture_output=True, env=env, **kw)


@pytest.mark.parametrize("seed", [0, 123])
def test_hashes_and_layouts_are_310s(seed):
    """hash() of str/bytes/tuples/frozensets and the order of frozenset(items)."""
    import random
    rnd = random.Random(seed)
    samples = [["".join(rnd.choice("abcdefgh_") for _ in range(rnd.randint(1, 6)))
                for _ in range(n)] for n in range(1, 40) for _ in range(3)]
    script = ("import json, sys\nvals, samples = eval(sys.stdin.read())\n"
              "print(json.dumps([[hash(v) for v in vals], [list(frozenset(s)) for s in samples]]))")
    proc = _ref(["-c", script], seed, input=repr((VALUES, samples)).encode())
    assert proc.returncode == 0, proc.stderr
    hashes, orders = json.loads(proc.stdout)
    secret = setorder.secret_for_seed(seed)
    assert [setorder.hash310(v, secret) for v in VALUES] == hashes
    assert [list(setorder.order310(s, secret)) for s in samples] == orders


@pytest.mark.parametrize("seed", [0, 7, 123])
def test_dis_text_is_310s(tmp_path, seed):
    """`evalframe dis FILE` prints what `python3.10 -m dis FILE` prints."""
    path = tmp_path / "sets.py"
    path.write_text(PROGRAM, encoding="utf-8")
    want = _ref(["-m", "dis", str(path)], seed)
    assert want.returncode == 0, want.stderr
    env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONPATH=ROOT)
    got = subprocess.run([sys.executable, "-m", "evalframe", "dis", str(path)],
                         capture_output=True, env=env)
    assert got.returncode == 0, got.stderr
    strip = lambda b: __import__("re").sub(rb" at 0x[0-9a-f]+", b"", b)
    assert strip(got.stdout) == strip(want.stdout)
    assert b"frozenset({" in got.stdout


def test_marshal_writes_310s_order(seed0):
    """The frozensets of a .pyc we write are in the order 3.10 writes them."""
    source = ('def f(x):\n    return x in {"a b", "c-d", "e f g", 1, 2.5, (1, "t")}\n'
              'def g(x):\n    return x in {"one", "two", "three", "four", "five"}\n')
    expected = ref_marshal(source, "s.py")
    code = compile_source(source, "s.py")
    assert pyc.dumps(code) == expected


def test_marshal_read_keeps_310s_order(seed0):
    """A frozenset read from marshal data: 3.10's order after its own load."""
    source = 'x = {"spam", "eggs", "ham", "toast", "jam", "beans", "tea"}\n'
    data = ref_marshal(source, "s.py")
    code = pyc.loads(data)
    fs = [c for c in code.co_consts if type(c) is frozenset][0]
    script = ("import marshal, sys\nco = marshal.loads(sys.stdin.buffer.read())\n"
              "print([list(c) for c in co.co_consts if type(c) is frozenset][0])")
    proc = _ref(["-c", script], 0, input=data)
    assert proc.returncode == 0, proc.stderr
    assert list(setorder.ordered(fs, code._set_orders)) == eval(proc.stdout)


def test_random_seed_keeps_host_order(monkeypatch):
    """With no fixed seed nothing can match 3.10; the host's order is shown."""
    monkeypatch.setattr(setorder, "_SECRET", [])
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    code = compile_source('x = {"spam", "eggs", "ham"}\n')
    fs = [c for c in code.co_consts if type(c) is frozenset][0]
    assert code._set_orders is None
    from evalframe.tools import disasm
    assert repr(fs) in disasm.code_info(code)


def test_string_repr_is_310s():
    """Strings print with 3.10's Unicode 13.0 table: characters assigned later
    (U+061D, U+08BE, U+1FAF7 ...) are escaped as 3.10 escapes them."""
    from evalframe.objects.repr310 import str_repr
    samples = ["plain", "caf\u00e9", "\u061d", "\u08be", "\U0001faf7x", "\u0378",
               "it's", "\"q\"'", "tab\tnl\n\x7f\x00\u00ad", "\u4e2d\u6587",
               "".join(chr(c) for c in range(0x600, 0x700)),
               "".join(chr(c) for c in range(0x1F900, 0x1FB00))]
    proc = _ref(["-c", "import sys; print(ascii([repr(s) for s in eval(sys.stdin.read())]))"],
                0, input=ascii(samples).encode())
    assert proc.returncode == 0, proc.stderr
    assert [str_repr(s) for s in samples] == eval(proc.stdout)


def test_compare_dis_mode(tmp_path):
    """`evalframe compare --dis` reports the two listings identical, and refuses
    a random hash seed."""
    need_ref()
    path = tmp_path / "sets.py"
    path.write_text(PROGRAM, encoding="utf-8")
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=ROOT)
    r = subprocess.run([sys.executable, "-m", "evalframe", "compare", "--dis", str(path),
                        "-j", "1"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert "identical: 1, different: 0" in r.stdout
    env["PYTHONHASHSEED"] = "random"
    r = subprocess.run([sys.executable, "-m", "evalframe", "compare", "--dis", str(path)],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "PYTHONHASHSEED" in r.stderr
