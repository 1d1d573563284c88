"""Traceback entries whatever state this thread's stand-in driver is in.

runtime/tracebacks.py runs each function stand-in in a per-thread driver
generator.  Its usual case sends to the driver without testing its state
first (_function_standin, alone_entry): a driver that is not there yet,
closed, or running (a host tracer of a stand-in re-entering) makes the send
raise, and the general _run_standin then makes a new driver or uses a fresh
thread.  Each case here must still give the entry the guest frame's own
locals.
"""

import sys

import pytest

from evalframe.interpreter.ceval import run_code
from evalframe.runtime import tracebacks

from ._diff import compile_ours

SOURCE = """\
def fail(n):
    x = n * 2
    raise KeyError(n)
def run(n):
    try:
        fail(n)
    except KeyError as e:
        return sorted(e.__traceback__.tb_next.tb_frame.f_locals.items())
"""


def _run(n):
    g = {"__name__": "snippet"}
    run_code(compile_ours(SOURCE, "<driver>"), g)
    return run_code(compile_ours("result = run(%d)\n" % n, "<driver>"), g) or g["result"]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="function stand-ins: 3.11+ hosts")
@pytest.mark.parametrize("state", ["none", "closed", "running", "usual"])
def test_entry_whatever_the_driver_state(state, monkeypatch):
    assert _run(1) == [("n", 1), ("x", 2)]      # (the driver exists now)
    if state == "none":
        monkeypatch.setattr(tracebacks._drivers, "gen", None)
    elif state == "closed":
        tracebacks._drivers.gen.close()
    if state != "running":
        assert _run(3) == [("n", 3), ("x", 6)]
        assert tracebacks._drivers.gen.gi_frame is not None
        return
    # (this generator, running, is the driver while the entry is made)
    def running():
        tracebacks._drivers.gen = me[0]
        yield _run(5)
    me = [running()]
    saved = tracebacks._drivers.gen
    try:
        assert next(me[0]) == [("n", 5), ("x", 10)]
    finally:
        tracebacks._drivers.gen = saved
