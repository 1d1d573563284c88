"""The runtime side of raising and catching in tier 2 (seventeenth session):
the cheaper forms of do_raise, lean_raise, t2_caught and the call entries,
and the paths they must keep.

Each test pins one form; the guest programs (tests/guest/programs/exc_*.py)
check the behaviour against CPython.
"""

import contextlib
import io
import sys

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import tier2
from evalframe.interpreter.ceval import run_code
from evalframe.interpreter.ops import exceptions as ops_exceptions
from evalframe.interpreter.pystate import get_tstate


@pytest.fixture
def eager(monkeypatch):
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 0)


def _run(src, g):
    with contextlib.redirect_stdout(io.StringIO()):
        run_code(compile_source(src, "<raise-costs>", "exec"), g)
    return g


def test_do_raise_returns_the_instance_when_the_host_handles_none():
    # (the caller's ``raise`` raises it: no host frame of do_raise's in the
    # traceback for the catching code to drop)
    e = KeyError(1)
    assert ops_exceptions.do_raise(get_tstate(), e, None, False) is e
    assert e.__traceback__ is None
    c = ValueError(2)
    assert ops_exceptions.do_raise(get_tstate(), e, c, True) is e
    assert e.__cause__ is c and e.__suppress_context__


def test_do_raise_raises_itself_inside_a_host_except_clause():
    # (the host's raise would chain the host's handled exception to what
    # set_context chained: kept by do_raise's own raise)
    e = KeyError(1)
    try:
        raise OSError
    except OSError as host:
        with pytest.raises(KeyError) as info:
            ops_exceptions.do_raise(get_tstate(), e, None, False)
        assert info.value is e
        assert e.__context__ is host
