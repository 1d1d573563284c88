"""runtime/hostlines.py: a host code object's line array made ahead (3.11),
without running any of the code and without disturbing a host profiler."""

import sys
import tracemalloc

import pytest

from evalframe.runtime.hostlines import index_lines


def _big(n):
    # a function whose raise sits after ``n`` lines it never runs
    src = "def big(x):\n    if x is None:\n%s    raise KeyError(x)\n" % (
        "".join("        x + %d\n" % i for i in range(n)))
    ns = {}
    exec(compile(src, "<big>", "exec"), ns)
    return ns["big"], n + 3


def test_runs_none_of_the_code():
    side = []

    def f(a, b, *rest, **kw):
        side.append(a)

    def g(a):
        side.append(a)
        yield a

    async def c():
        side.append(0)

    for code in (f.__code__, g.__code__, c.__code__):
        index_lines(code)
    assert side == []
    assert sys.getprofile() is None


def test_leaves_a_host_profiler_alone():
    events = []

    def prof(frame, event, arg):
        if event == "call":
            events.append(frame.f_code.co_name)

    def target():
        return 1

    sys.setprofile(prof)
    try:
        index_lines(target.__code__)
        now = sys.getprofile()
    finally:
        sys.setprofile(None)
    assert now is prof
    assert "target" not in events


def test_lines_stay_right():
    big, line = _big(500)
    for _ in range(2):
        try:
            big(1)
        except KeyError as e:
            assert e.__traceback__.tb_next.tb_lineno == line
        index_lines(big.__code__)


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="only 3.11 has the line array")
def test_makes_the_line_array():
    big, _ = _big(2000)
    units = len(big.__code__.co_code) // 2
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        index_lines(big.__code__)
        grown = tracemalloc.get_traced_memory()[0] - before
        index_lines(big.__code__)       # (made once: a second call keeps it)
        again = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown >= 2 * units       # (2 or 4 bytes per code unit, kept by the code)
    assert again - grown < units
