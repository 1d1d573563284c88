"""The runtime side of raising and catching in tier 2 (seventeenth and
eighteenth sessions): the cheaper forms of do_raise, lean_raise, t2_caught,
the call entries and plain_handled, and the paths they must keep.

Each test pins one form; the guest programs (tests/guest/programs/exc_*.py)
check the behaviour against CPython.
"""

import contextlib
import io
import linecache
import sys

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import tier2
from evalframe.interpreter.ceval import run_code
from evalframe.interpreter.ops import exceptions as ops_exceptions
from evalframe.interpreter.pystate import get_tstate


@pytest.fixture
def handling():
    """The thread state and its exc_info item as the test found it, put back
    after the test (which sets items with the exceptions it handles)."""
    tstate = get_tstate()
    saved = tstate.exc_info
    try:
        yield tstate, saved
    finally:
        tstate.exc_info = saved


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


_LEAN_RAISES = (
    "def g(d, k):\n"
    "    return d[k]\n"
    "def f(i):\n"
    "    try:\n"
    "        return g({}, i)\n"
    "    except KeyError as e:\n"
    "        return e.args[0]\n"
    "def h(i):\n"
    "    try:\n"
    "        raise ValueError(i)\n"
    "    except ValueError:\n"
    "        try:\n"
    "            return g({}, i)\n"
    "        except KeyError as e:\n"
    "            return e.__context__.args[0]\n"
    "out = [f(i) for i in range(4)], [h(i) for i in range(4)]\n"
)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1)
@pytest.mark.skipif(not tier2.LAZY_ENTRIES, reason="raw entries: 3.11 hosts")
def test_lean_except_clause_keeps_the_raw_entry_inline(eager, monkeypatch):
    # (a lean call nothing observed, raising an exception that needs none of
    # lean_raise's work: no lean_raise call, and t2_caught only where it has
    # something to do, here the handled ValueError to chain to the KeyError
    # the host raised in g)
    from evalframe.runtime import tracebacks
    lean_calls = []
    caught = tracebacks.t2_caught

    def spy(tstate, exc, after, f=None):
        if f is None:
            lean_calls.append(type(exc))
        return caught(tstate, exc, after, f)

    monkeypatch.setattr(tracebacks, "t2_caught", spy)
    g = _run(_LEAN_RAISES, {"__name__": "__main__"})
    assert g["out"] == ([0, 1, 2, 3], [0, 1, 2, 3])
    assert lean_calls and set(lean_calls) == {KeyError}
    # (one per call of g from h's handler: f's calls need no t2_caught)
    assert len(lean_calls) == 4
    src = "".join(linecache.getlines(g["g"]._lean.__code__.co_filename))
    assert "if fr[0] is None and (t1 := exc_traceback_(e)) is not None" in src
    assert "LEAN_OFFSETS_[t1.tb_lasti] >= 0" in src


@pytest.mark.evalframe_untraced
@pytest.mark.skipif(not tier2.LAZY_ENTRIES, reason="raw entries: 3.11 hosts")
def test_t2_caught_tests_raw_entries_first(eager, monkeypatch):
    # (a tier-2 callee's raw entry, the usual entry after the catching
    # frame's own, ends the walk before the VM-code tests)
    from evalframe.runtime import tracebacks
    asked = []

    class Spy(dict):
        def __contains__(self, key):
            asked.append(key)
            return dict.__contains__(self, key)

    monkeypatch.setattr(tracebacks, "_vm_code", Spy(tracebacks._vm_code))
    g = _run(_LEAN_RAISES, {"__name__": "__main__"})
    assert g["out"] == ([0, 1, 2, 3], [0, 1, 2, 3])
    raw = tracebacks._raw_kinds
    assert not [k for k in asked if k in raw]


def test_call_in_exc_saves_no_context_when_the_host_handles_none(eager, monkeypatch):
    # (a builtin called in a guest handler: the host's raise of the handled
    # exception, with no host exception handled, changes only its traceback,
    # put back by with_traceback; the context and suppress flag not saved)
    from evalframe.interpreter import call
    from evalframe.objects import excslots
    asked = []
    for name in ("get_context", "set_context", "get_suppress_context",
                 "set_suppress_context"):
        real = getattr(excslots, name)

        def spy(*args, real=real, name=name):
            if sys._getframe(1).f_code is call.call_in_exc.__code__:
                asked.append(name)
            return real(*args)

        monkeypatch.setattr(excslots, name, spy)
    g = _run("def f(i):\n"
             "    try:\n"
             "        raise KeyError(i) from None\n"
             "    except KeyError as e:\n"
             "        return abs(-i), str(e), e.__suppress_context__, e.__cause__\n"
             "out = [f(i) for i in range(3)]\n", {"__name__": "__main__"})
    assert g["out"] == [(i, str(i), True, None) for i in range(3)]
    assert asked == []
    called = []
    real = call.call_in_exc
    monkeypatch.setattr(call, "call_in_exc", lambda *a: called.append(a[1]) or real(*a))
    monkeypatch.setattr(tier2, "_call_in_exc", call.call_in_exc)
    _run("def f(i):\n"
         "    try:\n"
         "        raise KeyError(i)\n"
         "    except KeyError as e:\n"
         "        return abs(-i)\n"
         "out = [f(i) for i in range(3)]\n", {"__name__": "__main__"})
    assert abs in called     # (the path above was taken)


def test_do_raise_chains_without_calling_set_context(monkeypatch, handling):
    # (set_context written out in do_raise: the host's handled exception read
    # once, the innermost exc_info item inline; the same chaining)
    from evalframe.interpreter.pystate import ExcItem
    called = []
    monkeypatch.setattr(ops_exceptions, "set_context", lambda *a: called.append(a))
    tstate, saved = handling
    handled = KeyError("handled")
    e = ValueError(1)
    tstate.exc_info = ExcItem(handled, saved)
    assert ops_exceptions.do_raise(tstate, e, None, False) is e
    assert e.__context__ is handled
    # (past an empty item, as a generator's: the walk)
    e2 = ValueError(2)
    tstate.exc_info = ExcItem(None, ExcItem(handled, saved))
    assert ops_exceptions.do_raise(tstate, e2, None, False) is e2
    assert e2.__context__ is handled
    # (a cycle broken: the handled exception's chain loses the raised one)
    handled.__context__ = e
    tstate.exc_info = ExcItem(handled, saved)
    assert ops_exceptions.do_raise(tstate, e, None, False) is e
    assert e.__context__ is handled and handled.__context__ is None
    assert called == []


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1)
def test_plain_handled_reads_the_innermost_item_inline(eager, monkeypatch):
    # (a plain builtin called in a guest handler: the handled exception from
    # the thread's innermost exc_info item, no topmost_exception walk; the
    # host's by sys.exception)
    from evalframe.interpreter import pystate
    walked = []
    real = pystate.ThreadState.topmost_exception

    def spy(self):
        if sys._getframe(1).f_code is tier2.plain_handled.__code__:
            walked.append(self)
        return real(self)

    monkeypatch.setattr(pystate.ThreadState, "topmost_exception", spy)
    seen = []
    monkeypatch.setitem(tier2._namespace(), "plain_handled",
                        lambda tstate, func, args: seen.append(func)
                        or tier2.plain_handled(tstate, func, args))
    g = _run("def f(i):\n"
             "    try:\n"
             "        raise KeyError(i)\n"
             "    except KeyError as e:\n"
             "        try:\n"
             "            int('x%d' % i)\n"
             "        except ValueError as v:\n"
             "            return abs(-i), v.__context__ is e\n"
             "out = [f(i) for i in range(3)]\n", {"__name__": "__main__"})
    assert g["out"] == [(i, True) for i in range(3)]
    assert abs in seen and int in seen
    assert walked == []


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1)
def test_plain_handled_calls_what_runs_no_code_without_call_in_exc(eager, monkeypatch):
    # (eighteenth session: len of a builtin container, str of atoms and of a
    # plain builtin exception made of atoms, a plain builtin exception's
    # __init__, called in a guest handler without call_in_exc's host raise;
    # str and len of a guest object, whose code runs, still through it)
    from evalframe.interpreter import call
    called = []
    real = call.call_in_exc
    tier2._namespace()
    monkeypatch.setattr(tier2, "_call_in_exc",
                        lambda *a: called.append((a[1].__name__, type(a[2][0]).__name__))
                        or real(*a))
    g = _run("class R(Exception):\n"
             "    def __init__(self, i):\n"
             "        Exception.__init__(self, 'r%d' % i)\n"
             "class Loud:\n"
             "    def __str__(self): return 'loud'\n"
             "    def __len__(self): return 2\n"
             "def f(i):\n"
             "    try:\n"
             "        int('x%d' % i)\n"
             "    except ValueError as e:\n"
             "        r = R(i)\n"
             "        return (len(e.args[0]), str(e), str(i), str(r.args[0]), r.args,\n"
             "                str(Loud()), len(Loud()))\n"
             "out = [f(i) for i in range(3)]\n", {"__name__": "__main__"})
    assert g["out"] == [(len("invalid literal for int() with base 10: 'x%d'" % i),
                         "invalid literal for int() with base 10: 'x%d'" % i, str(i),
                         "r%d" % i, ("r%d" % i,), "loud", 2) for i in range(3)]
    assert sorted(called) == sorted([("str", "Loud"), ("len", "Loud")] * 3)


def test_plain_handled_chains_what_a_direct_call_raises(handling):
    # (the context the host's raise in call_in_exc would have given it, set
    # at once: _PyErr_SetObject's chaining, the link back cut)
    from evalframe.interpreter.pystate import ExcItem
    tstate, saved = handling
    handled = KeyError("handled")
    tstate.exc_info = ExcItem(handled, saved)
    with pytest.raises(TypeError) as info:
        tier2.plain_handled(tstate, Exception.__init__, (5,))
    assert info.value.__context__ is handled
    with pytest.raises(ValueError) as info:
        tier2.plain_handled(tstate, str, (10 ** 5000,))
    assert info.value.__context__ is handled
    assert tier2.plain_handled(tstate, len, ("abc",)) == 3


def test_do_raise_walks_the_context_chain_only_past_a_first_link(monkeypatch, handling):
    # (eighteenth session: a handled exception with no context, the usual
    # case, has no chain to cut: no _unlink_context call; one with a context
    # is walked, the link back to the raised exception cut)
    from evalframe.interpreter.pystate import ExcItem
    walked = []
    real = ops_exceptions._unlink_context
    monkeypatch.setattr(ops_exceptions, "_unlink_context",
                        lambda o, value: walked.append(o) or real(o, value))
    tstate, saved = handling
    handled = KeyError("handled")
    e = ValueError(1)
    tstate.exc_info = ExcItem(handled, saved)
    assert ops_exceptions.do_raise(tstate, e, None, False) is e
    assert e.__context__ is handled and walked == []
    older = RuntimeError("older")
    older.__context__ = e
    handled.__context__ = older
    assert ops_exceptions.do_raise(tstate, e, None, False) is e
    assert walked == [handled]
    assert e.__context__ is handled and older.__context__ is None


def test_do_raise_takes_an_instance_cause_first(monkeypatch):
    # (eighteenth session: ``raise X from e``, the cause an instance, is
    # taken without the class test; a class cause is still instantiated)
    asked = []
    real = ops_exceptions._is_exception_class
    monkeypatch.setattr(ops_exceptions, "_is_exception_class",
                        lambda obj: asked.append(obj) or real(obj))
    tstate = get_tstate()
    cause = KeyError("cause")
    e = ValueError(1)
    assert ops_exceptions.do_raise(tstate, e, cause, True) is e
    assert e.__cause__ is cause and e.__suppress_context__ and asked == []
    e2 = ValueError(2)
    assert ops_exceptions.do_raise(tstate, e2, KeyError, True) is e2
    assert type(e2.__cause__) is KeyError and asked == [KeyError]
    with pytest.raises(TypeError):
        ops_exceptions.do_raise(tstate, ValueError(3), 5, True)
