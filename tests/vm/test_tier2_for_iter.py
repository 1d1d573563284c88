"""Tier 2's FOR_ITER over a guest generator (interpreter/tier2.py).

The tier-2 loop takes the generator's items through next() and stays in
tier 2; it used to leave for tier 1 at every item (and come back at the loop
header), which made generator-driven loops slower in tier 2 than in tier 1
(bench/programs/string_format.py).  The results, and a generator's errors,
must be the host's.
"""

import contextlib
import io
import linecache

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import tier2
from evalframe.interpreter.ceval import run_code
from evalframe.interpreter.decode import decode

_SOURCE = """
def records(n):
    for i in range(n):
        if i == 7:
            try:
                raise KeyError(i)
            except KeyError:
                pass
        yield {"id": i, "sq": i * i}

def total(n):
    s = 0
    for rec in records(n):
        s += rec["sq"]
    return s

def first_bad(n):
    def bad():
        yield 1
        raise ValueError("in the generator")
    out = []
    try:
        for x in bad():
            out.append(x)
    except ValueError as e:
        out.append(str(e))
    return out

print(total(20), first_bad(3))
"""


@pytest.fixture
def eager(monkeypatch):
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 0)


def test_loop_over_a_guest_generator_stays_in_tier2(eager):
    g = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_code(compile_source(_SOURCE, "<t2gen>", "exec"), g)
    expected = io.StringIO()
    with contextlib.redirect_stdout(expected):
        exec(compile(_SOURCE, "<t2gen>", "exec"), {"__name__": "__main__"})
    assert out.getvalue() == expected.getvalue()
    t2 = decode(g["total"].__code__).t2
    assert t2 is not None
    lines = linecache.getlines(t2.__code__.co_filename)
    for_iter = [ln for ln in lines if "FOR_ITER" in ln]
    assert for_iter
    # (no exit to tier 1 on the FOR_ITER's path: "blk = -2" hands the frame over)
    assert not any("blk = -2" in ln for ln in for_iter), for_iter
