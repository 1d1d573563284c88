"""The traceback entry of a lean tier-2 call an exception leaves, unobserved.

Nothing observed such a call (no Frame of it exists), and nothing but its
traceback entry will see one: tier2.lean_raise makes that entry straight from
what its except clause passes (runtime/tracebacks.alone_entry), without
t2frames.make_direct's Frame.  The entry must be what the Frame's was: the
function's name, the raising line, its locals at the raise (unbound ones
absent), ``f_lineno``, the exception's context chained as before.  make_direct
is made to fail here, so the test also checks the Frame is not made; an
observed call (its frame read by a tracer-free ``sys._getframe``) still gets
the general path.
"""

import contextlib
import io

from evalframe.compiler import compile_source
from evalframe.interpreter import t2frames
from evalframe.interpreter.ceval import run_code
from evalframe.interpreter.decode import decode

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
        f = tb.tb_frame
        return (type(e).__name__, f.f_code.co_name, tb.tb_lineno, f.f_lineno,
                sorted(f.f_locals.items()), type(e.__context__).__name__)

def handled_then(n):
    try:
        {}["k"]
    except KeyError:
        return run(n)

out = []
for n in range(6):
    out.append(run(n))
out.append(handled_then(1))
out.append(handled_then(4))
"""

_EXPECTED = [
    ("ValueError", "leaf", 6, 6, [("doubled", 0), ("n", 0), ("text", "x")], "NoneType"),
    ("KeyError", "leaf", 5, 5, [("doubled", 2), ("n", 1), ("text", "7")], "NoneType"),
    None,
    ("KeyError", "leaf", 5, 5, [("doubled", 6), ("n", 3), ("text", "7")], "NoneType"),
    ("ValueError", "leaf", 6, 6, [("doubled", 8), ("n", 4), ("text", "x")], "NoneType"),
    ("KeyError", "leaf", 5, 5, [("doubled", 10), ("n", 5), ("text", "7")], "NoneType"),
    # raised while a KeyError is handled: chained to it (the host raised the
    # ValueError, int(): add_entry's chaining; the guest's raise chains itself)
    ("KeyError", "leaf", 5, 5, [("doubled", 2), ("n", 1), ("text", "7")], "KeyError"),
    ("ValueError", "leaf", 6, 6, [("doubled", 8), ("n", 4), ("text", "x")], "KeyError"),
]


def _run(source):
    g = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        run_code(compile_source(source, "<alone>", "exec"), g)
    return g


def test_alone_entry_needs_no_frame(eager, monkeypatch):
    def no_frame(*args):
        raise AssertionError("make_direct called for an unobserved lean call")
    monkeypatch.setattr(t2frames, "make_direct", no_frame)
    g = _run(_SOURCE)
    assert decode(g["leaf"].__code__).t2 is not None
    assert g["out"] == _EXPECTED


def test_alone_entry_same_as_the_frame_path(eager, monkeypatch):
    # (the general path, forced: alone_entry declines everything)
    from evalframe.runtime import tracebacks
    monkeypatch.setattr(tracebacks, "alone_entry", lambda *args: False)
    assert _run(_SOURCE)["out"] == _EXPECTED
