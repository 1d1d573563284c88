"""sys.settrace inside evalframe must produce CPython 3.10's event sequences.

Every program of settrace_corpus/ is run by settrace_recorder.py under
evalframe; its (event, co_name, f_lineno, arg summary) sequence, its stdout and
its outcome must equal the stored CPython 3.10 reference in
settrace_corpus/expected/.  A second test re-records the references with
CPython 3.10 where it is installed, so they cannot go stale.
"""

import pytest

from . import settrace_support as support

PROGRAMS = support.corpus_programs()


def test_corpus_is_big_enough():
    assert len(PROGRAMS) >= 30
    for name in PROGRAMS:
        assert support.load_expected(name)["events"], name


@pytest.mark.parametrize("name", PROGRAMS)
def test_reference_is_current(name):
    python = support.reference_or_skip()
    fresh = support.record_reference(name, python)
    stored = support.load_expected(name)
    assert fresh["events"] == stored["events"], support.diff_events(stored["events"], fresh["events"])
    assert fresh["stdout"] == stored["stdout"]
    assert fresh["outcome"] == stored["outcome"]


@pytest.mark.parametrize("name", PROGRAMS)
def test_evalframe_events_equal_310(name):
    expected = support.load_expected(name)
    actual = support.record_evalframe(name)
    actual["events"] = support.normalize(actual["events"])
    assert actual["events"] == expected["events"], support.diff_events(expected["events"], actual["events"])
    assert actual["stdout"] == expected["stdout"]
    assert actual["outcome"] == expected["outcome"]
