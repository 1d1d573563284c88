"""An alone frame's stand-in keeps the guest's locals in its fast locals.

The frame of a lean tier-2 call made for its one traceback entry (add_entry's
``alone``: tracebacks.alone_entry, or t2frames.make_direct's Frame) is never
registered: no later entry refreshes or shares its locals.  So its stand-in
(runtime/tracebacks.py, _ALONE_SOURCE) makes no cells for them: its code has
the guest's local names as its own (co_varnames, as CPython's code of the
function has them), only a hidden free variable, no parameters; f_locals
shows the bound ones, and clear() empties them.  Both ways to such an entry
are checked: alone_entry's and the general one with the Frame made.
"""

import contextlib
import inspect
import io
import sys

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter.ceval import run_code

_SOURCE = """
def leaf(n, text):
    doubled = n * 2
    if n % 2:
        raise KeyError(text)
    late = int(text)
    return late + doubled

def run(n):
    try:
        leaf(n, "x" if n % 4 == 0 else "7")
    except (KeyError, ValueError) as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        return tb.tb_frame

frames = [run(n) for n in range(6)]
"""


def _frames():
    g = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        run_code(compile_source(_SOURCE, "<alone>", "exec"), g)
    return g["frames"]


# (lean calls are tier 2's untraced ones: a tracer runs every frame in the traced loop)
@pytest.mark.evalframe_untraced
@pytest.mark.skipif(sys.version_info < (3, 11), reason="function stand-ins: 3.11+ hosts")
@pytest.mark.parametrize("way", ["alone_entry", "frame"])
def test_alone_standin_fast_locals(way, eager, monkeypatch):
    if way == "frame":
        from evalframe.runtime import tracebacks
        monkeypatch.setattr(tracebacks, "alone_entry", lambda *args: False)
    frames = _frames()
    for n, fr in enumerate(frames):
        if n == 2:
            assert fr is None
            continue
        code = fr.f_code
        assert (code.co_name, code.co_varnames, code.co_freevars, code.co_argcount) == (
            "leaf", ("n", "text", "doubled", "late"), (".v",), 0)
        bound = [("doubled", 2 * n), ("n", n), ("text", "x" if n % 4 == 0 else "7")]
        assert sorted(fr.f_locals.items()) == bound
        info = inspect.getargvalues(fr)
        assert (info.args, info.varargs, info.keywords) == ([], None, None)
    # (another entry's frame is another: no locals shared)
    assert frames[0] is not frames[4] and frames[4].f_locals["n"] == 4
    frames[1].clear()
    assert dict(frames[1].f_locals) == {}
    assert frames[3].f_locals["n"] == 3
