"""LOAD_GLOBAL in frame-based tier-2 functions: the exact-dict form at run time.

A frame-based function (code with handlers: a Frame per call) runs for
whatever globals and builtins its frames have, so its LOAD_GLOBAL was the
form for any mapping (``globals_.get`` with a NULL test, then the builtins').
Its body now has the lean form only (one subscript in a host ``try``: the
globals' first for a module name, the builtins' for a builtin's name unless a
global shadows it), and its prologue hands a frame whose dicts are not both
exact to tier 1 from its start (tier2._source; Group.exact_dicts True).  tests/guest/programs/
frame_global_lookups.py checks what the reads find against CPython.
"""

import contextlib
import io
import linecache

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import tier2
from evalframe.interpreter.ceval import run_code

_SOURCE = (
    "def f(i):\n"
    "    try:\n"
    "        return helper(i) + len([i])\n"
    "    except ZeroDivisionError:\n"
    "        return None\n"
    "def helper(x):\n"
    "    return x * 2\n"
    "out = [f(i) for i in range(5)]\n"
)


def _run(g):
    with contextlib.redirect_stdout(io.StringIO()):
        run_code(compile_source(_SOURCE, "<exact>", "exec"), g)
    return g


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
def test_frame_based_load_global_has_the_exact_form(eager):
    g = _run({"__name__": "__main__"})
    assert g["out"] == [1, 3, 5, 7, 9]
    fn = tier2.frame_based(g["f"].__code__)
    lines = linecache.getlines(fn.__code__.co_filename)
    source = "".join(lines)
    assert ("if globals_.__class__ is not dict or builtins_.__class__ is not dict: "
            "return in_tier1(f, tstate, start)") in source
    helper = [ln.strip() for ln in lines if "LOAD_GLOBAL 'helper'" in ln]
    length = [ln.strip() for ln in lines if "LOAD_GLOBAL 'len'" in ln]
    # a module name: the globals' subscript first; a builtin's name: the builtins'
    assert helper[0].startswith("try: ") and " = globals_[" in helper[0]
    assert length[0].startswith("try: ") and " = builtins_[" in length[0]
    # no general form: frames whose dicts are not exact run in tier 1
    assert not any(ln.startswith(("if exact:", "else:")) for ln in helper + length)
    assert not any(".get(" in ln for ln in helper)

def test_frame_based_load_global_with_a_dict_subclass(eager):
    class Missing(dict):
        def __missing__(self, key):
            if key == "len":
                return lambda x: 100
            raise KeyError(key)
    g = Missing(__name__="__main__")
    g["__builtins__"] = {"range": range, "ZeroDivisionError": ZeroDivisionError}
    assert _run(g)["out"] == [100, 102, 104, 106, 108]
