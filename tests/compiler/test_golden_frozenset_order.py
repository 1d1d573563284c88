"""The iteration order of frozenset constants, against the host.

A set display of constants (``{"a", "b", "c"}``, and ``x in {...}``) compiles to
a frozenset constant.  CPython builds it from the items in source order, builds
it again in merge_consts_recursive from the first one's iteration order, and a
third time in PyCode_New's intern_string_constants when an identifier-like
string in it was not yet the interned object.  A set's layout depends on that
insertion history, and a guest that iterates the constant (directly, or
through a set built from it by BUILD_SET/SET_UPDATE) sees that layout.  Under
several hash seeds, a program iterating such constants must print the same on
the host and on evalframe.
"""

import textwrap

import pytest

from evalframe.compiler import compile_source
from evalframe_testing import _env, ROOT

import subprocess
import sys

PROGRAM = textwrap.dedent('''
    def show(label, it):
        print(label, list(it))

    show("strings", {"a", "new", "nope"})
    show("names", {"alpha", "beta", "gamma", "delta", "epsilon", "zeta"})
    show("not names", {"a b", "c-d", "e.f", "g h i"})
    show("mixed", {"x", 1, 2.5, "y z", (1, "t"), None})
    show("ints", {10, 3, 7, 99, -4, 1 << 40})
    ks = {"a", "c", "w", "x", "y", "z"}
    show("and", ks & {"a", "new", "nope", "w"})
    show("or", {"q", "r"} | {"s", "t", "u"})
    show("in", [v for v in ["a", "zz", "nope"] if v in {"nope", "a", "b", "c"}])
    for item in {"red", "green", "blue", "cyan"}:
        print("loop", item)

    def inner():
        return {"inner", "new", "outer", "a"}
    show("nested", inner())
    show("frozenset arg", frozenset({"p1", "p2", "p3"}))
''')


def _run(cmd, seed, tmp_path):
    env = _env()
    env["PYTHONHASHSEED"] = str(seed)
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)


@pytest.mark.parametrize("seed", [1, 3, 7, 12345])
def test_frozenset_constant_order_matches_host(tmp_path, seed):
    path = tmp_path / "sets.py"
    path.write_text(PROGRAM, encoding="utf-8")
    want = _run([sys.executable, str(path)], seed, tmp_path)
    got = _run([sys.executable, "-m", "evalframe", "run", str(path)], seed, tmp_path)
    assert want.returncode == 0, want.stderr
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, 0)


def test_set_display_constant_is_a_frozenset_in_source_order():
    """Without interning (no identifier-like strings) the constant is the
    merge rebuild of the source-order frozenset."""
    co = compile_source('x = {"a b", "c d", "e f"}\n')
    const = [c for c in co.co_consts if type(c) is frozenset][0]
    first = frozenset(("a b", "c d", "e f"))
    assert list(const) == list(frozenset(list(first)))
