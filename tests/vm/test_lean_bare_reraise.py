"""An exception leaving a lean tier-2 call on a 3.11+ host: lean_raise makes the
traceback entry and returns, and the lean function's except clause re-raises
the exception with a bare ``raise`` (tier2._BARE_RERAISE).  A 3.11+ bare raise
takes the exception's own ``__traceback__`` (the entries just made), adds no
host traceback entry and sets no ``__context__``; raised inside lean_raise,
it added lean_raise's host frame and entry, which the caller's entry then
dropped again.  The guest sees the same traceback, locals, ``__context__``
and ``__cause__`` either way: checked here against the expected values, on
both of lean_raise's paths (the unobserved call's alone entry and a Frame
observed while the call ran), and the host chain the caller's entry starts
from has no lean_raise entry (fails with lean_raise raising itself).
"""

import contextlib
import io
import sys

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import tier2
from evalframe.interpreter.ceval import run_code
from evalframe.runtime import tracebacks

_SOURCE = """
import sys

def leaf(n, text):
    doubled = n * 2
    if n % 3 == 1:
        sys._getframe()         # (observed: lean_raise's Frame path)
    if n % 2:
        raise KeyError(text)
    return int(text) + doubled

def run(n):
    try:
        leaf(n, "x" if n % 4 == 0 else "7")
    except (KeyError, ValueError) as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            last = tb
            tb = tb.tb_next
        f = last.tb_frame
        return (type(e).__name__, names, f.f_lineno, sorted(f.f_locals.items()),
                type(e.__context__).__name__, e.__cause__)

def handled_then(n):
    try:
        {}["k"]
    except KeyError:
        return run(n)

out = [run(n) for n in range(6)]
out.append(handled_then(1))
out.append(handled_then(4))
"""


def _entry(kind, n, text, line, ctx="NoneType"):
    return (kind, [("run", 14), ("leaf", line)], line,
            [("doubled", 2 * n), ("n", n), ("text", text)], ctx, None)


_EXPECTED = [
    _entry("ValueError", 0, "x", 10),
    _entry("KeyError", 1, "7", 9),
    None,
    _entry("KeyError", 3, "7", 9),
    _entry("ValueError", 4, "x", 10),
    _entry("KeyError", 5, "7", 9),
    _entry("KeyError", 1, "7", 9, "KeyError"),
    _entry("ValueError", 4, "x", 10, "KeyError"),
]


def _run():
    g = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        run_code(compile_source(_SOURCE, "<bare>", "exec"), g)
    return g


def test_same_entries_and_context(eager):
    assert _run()["out"] == _EXPECTED


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1)
@pytest.mark.skipif(sys.version_info < (3, 11), reason="3.10's bare raise takes exc_info's traceback")
def test_no_host_entry_of_lean_raise(eager, monkeypatch):
    chains = []
    t2_caught = tracebacks.t2_caught

    # (what ``run``'s except clause finds after its own host entry, before
    # the VM's are dropped: tier 2 makes no entry there, the raw chain stays
    # until seen, runtime/tracebacks.py)
    def spy(tstate, exc, after, *rest):
        if "-run-" in after.tb_frame.f_code.co_filename:
            tb, names = after.tb_next, []
            while tb is not None:
                names.append(tb.tb_frame.f_code.co_name)
                tb = tb.tb_next
            chains.append(names)
        return t2_caught(tstate, exc, after, *rest)

    monkeypatch.setattr(tracebacks, "t2_caught", spy)
    # (every catch calls t2_caught: not only where the entry after the
    # catching frame's own is not a raw one, tier2.body_lines)
    monkeypatch.setattr(tracebacks, "RAW_KINDS", {})
    g = _run()
    assert g["out"] == _EXPECTED
    # (the entries of ``run``, frame-based: one per exception its handler met)
    assert len(chains) == 7
    # the unobserved calls (n = 0, 3, 5: alone entries) leave by the bare
    # raise; the observed ones (n = 1, 4, twice each) by lean_raise's own
    assert sum("lean_raise" in names for names in chains) == 4
