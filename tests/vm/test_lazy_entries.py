"""Tier 2's traceback entries are made when the traceback can be seen
(runtime/tracebacks.py, 2026-12-05): an exception raised and caught through
tier-2 frames (lean and frame-based) makes no stand-in entry while nothing
reads its traceback, and the entries made when it is read are those tier 1
makes (guest frames only, their lines and locals), once: the same entry
objects at a second read.  Fails with entries made as the exception passes
(add_entry or alone_entry called from tier 2's except clauses)."""

import contextlib
import io

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter.ceval import run_code
from evalframe.runtime import tracebacks

_SOURCE = """
def leaf(x):
    y = x * 2
    return {}[y]

def middle(x):
    z = x + 1
    try:
        return leaf(z)
    finally:
        z += 1

def run(n, read):
    caught = 0
    last = None
    for i in range(n):
        try:
            middle(i)
        except KeyError as e:
            caught += 1
            last = e
    if read:
        tb = last.__traceback__
        out = []
        while tb is not None:
            out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno,
                        sorted(tb.tb_frame.f_locals)))
            tb = tb.tb_next
        return caught, out, last.__traceback__ is last.__traceback__
    return caught
"""


def _run(monkeypatch):
    made = []
    standin = tracebacks._function_standin
    alone = tracebacks.alone_entry

    # (only this program's functions: an entry made meanwhile for another
    # test's leftovers, a finalizer run by a collection, is not this one's)
    ours = ("leaf", "middle", "run")

    def spy_standin(code, f, *rest):
        if f.f_code.co_name in ours:
            made.append(f.f_code.co_name)
        return standin(code, f, *rest)

    def spy_alone(tstate, exc, code, *rest):
        if code.co_name in ours:
            made.append(code.co_name)
        return alone(tstate, exc, code, *rest)

    monkeypatch.setattr(tracebacks, "_function_standin", spy_standin)
    monkeypatch.setattr(tracebacks, "alone_entry", spy_alone)
    g = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        run_code(compile_source(_SOURCE, "<lazy>", "exec"), g)
    return g, made


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1)
def test_unread_exceptions_make_no_entries(eager, monkeypatch):
    g, made = _run(monkeypatch)
    made.clear()
    with contextlib.redirect_stdout(io.StringIO()):
        assert g["run"](50, False) == 50
    assert made == []


@pytest.mark.evalframe_untraced
def test_read_traceback_made_once(eager, monkeypatch):
    g, made = _run(monkeypatch)
    made.clear()
    with contextlib.redirect_stdout(io.StringIO()):
        caught, shape, same = g["run"](50, True)
    assert caught == 50
    # (as CPython's; run's own frame runs on: its locals not compared)
    assert [entry[:2] for entry in shape] == [("run", 18), ("middle", 9), ("leaf", 4)]
    assert shape[1:] == [("middle", 9, ["x", "z"]), ("leaf", 4, ["x", "y"])]
    assert same
    # (the last exception's entries only: run's, middle's (and its stand-in
    # at the line its ``finally`` left at) and leaf's)
    assert sorted(made) == ["leaf", "middle", "middle", "run"]
