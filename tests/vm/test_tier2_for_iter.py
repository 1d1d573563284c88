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


def _same_as_host(source):
    """Run ``source`` in the VM, check its output against the host's; its globals."""
    g = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_code(compile_source(source, "<t2gen>", "exec"), g)
    expected = io.StringIO()
    with contextlib.redirect_stdout(expected):
        exec(compile(source, "<t2gen>", "exec"), {"__name__": "__main__"})
    assert out.getvalue() == expected.getvalue()
    return g


def test_loop_over_a_guest_generator_stays_in_tier2(eager):
    g = _same_as_host(_SOURCE)
    t2 = tier2.frame_based(g["total"].__code__)
    assert t2 is not None and t2 is not tier2.in_tier1
    lines = linecache.getlines(t2.__code__.co_filename)
    for_iter = [ln for ln in lines if "FOR_ITER" in ln]
    assert for_iter
    # (no exit to tier 1 on the FOR_ITER's path: "blk = -2" hands the frame over)
    assert not any("blk = -2" in ln for ln in for_iter), for_iter


_LATE = """
def records(n):
    seed = 11
    for i in range(n):
        seed = (seed * 75 + 74) % 65537
        yield {"id": i, "v": seed % 100}

def main(n):
    totals = {}
    for rec in records(n):
        totals[rec["v"] % 7] = totals.get(rec["v"] % 7, 0) + rec["id"]
    index = 0
    for i in range(n):
        index += i % 13
    return sorted(totals.items()), index

print(main(200))
"""


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_generator_made_in_tier1_is_adopted_by_a_hot_loop(monkeypatch):
    # auto mode: main's loop gets hot (and main enters tier 2 at its header)
    # before the code of the generator it iterates over is translated; the
    # lean FOR_ITER translates that code and continues the generator as a host
    # generator (tier2gen.adopt) instead of leaving main for tier 1, where it
    # ran the rest of the call (bench/programs/string_format.py: tier 2
    # slower than tier 1)
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 4)
    deopts = []
    real = tier2.deopt

    def counting(*args):
        deopts.append(args[2])
        return real(*args)
    monkeypatch.setitem(tier2._namespace(), "deopt", counting)
    g = _same_as_host(_LATE)
    assert decode(g["main"].__code__).t2 is not None
    assert decode(g["records"].__code__).t2gen is not None
    assert deopts == []
