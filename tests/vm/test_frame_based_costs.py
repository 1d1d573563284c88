"""Frame-based tier-2 functions (code with handlers: a Frame per call): the
cheaper forms of their prologue and unwinding, and the paths they must keep.

* A call (t2entry.frame_entry, call_any, call_from_host) makes the Frame in
  the prologue and keeps its fields in the host locals on the way; its state
  is set once (EXECUTING), CREATED only when a tracer takes the frame;
  whether the dicts are exact is the function's ``_exact_dicts``, computed
  once when the function is made.
* The static unwinding clears only the slots the raising instructions can
  have filled (tier2.slot_tops), not all of them.
* The unwinding's restoring of the handled exception is
  pystate.set_exc_value written out (tier2._set_exc_value_lines).

tests/guest/programs/exc_frame_based_unwind_slots.py checks the __del__
order and sys.exc_info() of those unwindings against CPython.
"""

import contextlib
import io
import linecache
import sys

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import tier2
from evalframe.interpreter.ceval import run_code

_SOURCE = (
    "import sys\n"
    "def g(i):\n"
    "    if i % 3 == 1:\n"
    "        raise KeyError(i)\n"
    "    return i\n"
    "def f(i):\n"
    "    try:\n"
    "        return g(i) + len([i])\n"
    "    except KeyError:\n"
    "        try:\n"
    "            return -g(i + 1)\n"
    "        finally:\n"
    "            sys.exc_info()\n"
    "out = [f(i) for i in range(9)]\n"
)


def _run(src, g):
    with contextlib.redirect_stdout(io.StringIO()):
        run_code(compile_source(src, "<frame-costs>", "exec"), g)
    return g


def _source_of(fn):
    # (the resume form's source: the call form after it, tier2.bound_call,
    # has the same body: test_call_form_is_the_same_body)
    src = "".join(linecache.getlines(tier2.frame_based(fn.__code__).__code__.co_filename))
    return src[:src.index("    def bind(")] if "    def bind(" in src else src


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
def test_call_prologue_sets_state_once_and_reads_exact_from_the_function(eager):
    g = _run(_SOURCE, {"__name__": "__main__"})
    assert g["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]
    src = _source_of(g["f"])
    head = src[:src.index("    try:")]
    call = head[head.index("    else:"):head.index("    depth = ")]
    assert "if not func._exact_dicts: return in_tier1(None, tstate, 0, func, args)" in call
    assert "f.f_state = CREATED; return traced_run(tstate, f)" in call
    # (CREATED only on the traced path: one store of the state per call)
    assert call.count("f_state") == 1
    # the frame handed in (a resumption, OSR, tier 1's entry) tests its own dicts
    assert ("if globals_.__class__ is not dict or builtins_.__class__ is not dict: "
            "return in_tier1(f, tstate, start)") in head
    assert g["f"]._exact_dicts is True


def test_exact_dicts_of_a_function_with_a_dict_subclass_for_globals(eager):
    class G(dict):
        pass
    g = _run(_SOURCE, G(__name__="__main__"))
    assert g["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]
    assert g["f"]._exact_dicts is False


@pytest.mark.evalframe_untraced
def test_body_has_the_exact_global_reads_only_and_other_dicts_run_in_tier1(eager, monkeypatch):
    # (tier2.translate: a frame-based body has one LOAD_GLOBAL form, the
    # exact dicts' (no ``if exact:``/``else:`` at each site); a frame whose
    # dicts are not exact runs in tier 1 from its start, its call form not
    # made (bound_call); tests/guest/programs/exc_frame_based_inexact_globals.py
    # checks the results against CPython)
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    assert "if exact:" not in src and "load_global_slow" not in src
    assert "globals_[" in src
    seen = []
    real = tier2.in_tier1

    def spy(f, tstate, start=0, func=None, args=None):
        seen.append((func, start))
        return real(f, tstate, start, func, args)
    monkeypatch.setitem(tier2._namespace(), "in_tier1", spy)

    class G(dict):
        pass
    g = _run(_SOURCE, G(__name__="__main__"))
    assert g["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]
    assert g["f"]._exact_dicts is False
    assert tier2.bound_call(g["f"], tier2.frame_based(g["f"].__code__)) is None
    # (the nine calls of f at least, each from its start)
    assert len(seen) >= 9 and all(start == 0 for _, start in seen)


@pytest.mark.evalframe_untraced
def test_unwinding_clears_only_the_slots_in_use(eager):
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    nslots = g["f"].__code__.co_stacksize
    every = " = ".join("s%d" % k for k in range(nslots - 1, -1, -1)) + " = None"
    except_clause = src[src.index("except BaseException as e:"):]
    # (the slots all cleared only where nothing is known: the generic path's
    # ascending clear, not the static unwinding's descending one)
    assert every not in except_clause
    # (the static unwinding: a tree over the unwindings, or its leaves, the
    # block stack virtual or not: tier2._virtual_blocks)
    assert ("k_ = " in except_clause or "del f.f_blockstack" in except_clause
            or "f.f_state = RAISED_; break" in except_clause)


@pytest.mark.evalframe_untraced
def test_unwinding_restores_the_handled_exception_inline(eager):
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    unwinding = [ln for ln in src.splitlines() if "RERAISE" in ln]
    assert unwinding
    assert not any("set_exc_value(" in ln for ln in unwinding)
    assert any("ei_.exc_value is None" in ln for ln in unwinding)


_TRACED = (
    "import sys\n"
    "def f(i):\n"
    "    try:\n"
    "        return 10 // i\n"
    "    except ZeroDivisionError:\n"
    "        return -1\n"
    "def run():\n"
    "    return [f(i) for i in range(3)]\n"
    "warm = [f(i) for i in range(40)]\n"
    "events = []\n"
    "def tracer(frame, event, arg):\n"
    "    if frame.f_code.co_name == 'f':\n"
    "        events.append((event, frame.f_lineno))\n"
    "    return tracer\n"
    "sys.settrace(tracer)\n"
    "got = run()\n"
    "sys.settrace(None)\n"
)


def _host(src):
    g = {"__name__": "__main__"}
    exec(compile(src, "<frame-costs>", "exec"), g)
    sys.settrace(None)
    return g


def test_a_traced_call_of_a_hot_frame_based_function(eager):
    # (the call's prologue hands the new frame to traced_run as CREATED:
    # its call event and lines as CPython's)
    want = _host(_TRACED)
    got = _run(_TRACED, {"__name__": "__main__"})
    sys.settrace(None)
    assert got["got"] == want["got"] == [-1, 10, 5]
    assert got["events"] == want["events"]


_RECURSIVE = (
    "import sys\n"
    "def down(n):\n"
    "    try:\n"
    "        return down(n + 1)\n"
    "    finally:\n"
    "        pass\n"
    "def probe():\n"
    "    try:\n"
    "        down(0)\n"
    "    except RecursionError as e:\n"
    "        return type(e).__name__, sys._getframe().f_code.co_name\n"
    "warm = [probe() for i in range(3)]\n"
)


def test_recursion_error_in_a_frame_based_call(eager):
    # (the recursion check after the Frame is made, before it is pushed: the
    # error reaches the caller's handler, the frame stack as it was)
    g = _run(_RECURSIVE, {"__name__": "__main__"})
    assert g["warm"] == [("RecursionError", "probe")] * 3


@pytest.mark.evalframe_untraced
def test_unwinding_clears_by_unpacking_a_constant_tuple(eager):
    # (tier2.nones: one UNPACK_SEQUENCE and a store each, the same order of
    # stores as the chained assignment, so the same order of releases)
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    nslots = g["f"].__code__.co_stacksize
    prologue = ", ".join("s%d" % k for k in range(nslots)) + " = (" + ", ".join(
        ["None"] * nslots) + ")"
    assert prologue in src
    assert any(ln.strip().startswith("s2, s1, s0 = (None, None, None)")
               for ln in src.splitlines())


@pytest.mark.evalframe_untraced
def test_except_clause_hands_its_line_table_to_t2_raised(eager, monkeypatch):
    g = _run(_SOURCE, {"__name__": "__main__"})
    fn = tier2.frame_based(g["f"].__code__)
    src = _source_of(g["f"])
    call = [ln.strip() for ln in src.splitlines() if "t2_raised(" in ln]
    assert len(call) == 1 and call[0].startswith("tb_ = None; exc, at = t2_raised(tstate, f, e, p")
    name = call[0].split("t2_raised(tstate, f, e, ")[1].split(")")[0]
    # (the inline usual case reads the same instructions by host offset:
    # test_except_clause_reads_the_instruction_by_host_offset)
    assert "[tb_.tb_lasti]) >= 0" in src
    # the param is the very table registered for the host code
    table = fn.__code__.co_freevars.index(name)
    assert fn.__closure__[table].cell_contents is tier2.T2_LINES[id(fn.__code__)]
    # and t2_raised finds the raising instruction without looking it up
    monkeypatch.setattr(tier2, "T2_LINES", {})
    g2 = _run(_SOURCE, {"__name__": "__main__"})
    assert g2["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]


@pytest.mark.evalframe_untraced
def test_except_clause_test_of_two_plain_classes_is_inline(eager):
    # (bytecodes.py JUMP_IF_NOT_EXC_MATCH: exc_no_match's usual case written
    # out; tests/guest/programs/exc_match_fast.py and exc_subclasscheck_hook.py
    # check the others against CPython)
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    match = [ln.strip() for ln in src.splitlines() if "JUMP_IF_NOT_EXC_MATCH" in ln]
    assert match and match[0].startswith("if (not issubclass(")
    assert "else exc_no_match(" in match[0]


@pytest.mark.evalframe_untraced
def test_plain_builtin_in_a_handler_goes_straight_to_plain_handled(eager, monkeypatch):
    # (inside a guest except block a plain builtin was called through
    # call_any, call_push and call_host; tier2.plain_handled does what
    # call_host does there: tests/guest/programs/exc_plain_builtins_in_handler.py)
    src_text = (
        "def f(i):\n"
        "    try:\n"
        "        raise KeyError(i)\n"
        "    except KeyError as e:\n"
        "        return abs(-i), str(i)\n"
        "out = [f(i) for i in range(5)]\n"
    )
    seen = []
    real = tier2.plain_handled

    def spy(tstate, func, args):
        seen.append(func)
        return real(tstate, func, args)
    monkeypatch.setitem(tier2._namespace(), "plain_handled", spy)
    g = _run(src_text, {"__name__": "__main__"})
    assert g["out"] == [(i, str(i)) for i in range(5)]
    src = _source_of(g["f"])
    assert "plain_handled(tstate, " in src
    # (``abs``, not ``len``: len of an exact tuple is a pure call, tier2._pure_call)
    assert abs in seen and str in seen


@pytest.mark.evalframe_untraced
def test_builtin_exception_init_is_a_plain_callable(eager):
    # (call.plain_callables: the builtin exceptions' __init__ slot wrappers;
    # tier2._emit_call's method form calls them directly, through
    # plain_handled in a handler)
    from evalframe.interpreter.call import plain_callables
    plain = plain_callables()
    assert Exception.__init__ in plain and KeyError.__init__ in plain
    assert object.__init__ not in plain
    src_text = (
        "class E(Exception):\n"
        "    def __init__(self, why):\n"
        "        Exception.__init__(self, why)\n"
        "def f(i):\n"
        "    try:\n"
        "        raise E(i)\n"
        "    except E as e:\n"
        "        return E(e.args[0] + 1).args\n"
        "out = [f(i) for i in range(5)]\n"
    )
    g = _run(src_text, {"__name__": "__main__"})
    assert g["out"] == [(i + 1,) for i in range(5)]
    init = g["E"].__init__
    src = "".join(linecache.getlines(
        tier2.lean_for(init.__code__, init.__globals__, g["__builtins__"].__dict__
                       if hasattr(g["__builtins__"], "__dict__") else g["__builtins__"]
                       ).__code__.co_filename))
    assert "is WrapperDescriptorType_ and" in src


_READS = (
    "def f(a, b):\n"
    "    try:\n"
    "        c = a ^ 3 | b\n"
    "        a, b = b, a\n"
    "        d = [a, (a := 7), a]\n"
    "        return c, a, b, d\n"
    "    except KeyError:\n"
    "        return None\n"
    "out = [f(i, 10) for i in range(3)]\n"
)


@pytest.mark.evalframe_untraced
def test_local_reads_pushed_in_place(eager):
    # LOAD_FAST pushes ``fast[i]`` itself, no temporary stored, read back and
    # released; a STORE_FAST of a local with reads pending copies them first
    g = _run(_READS, {"__name__": "__main__"})
    assert g["out"] == [(11, 7, 0, [10, 7, 7]), (10, 7, 1, [10, 7, 7]), (11, 7, 2, [10, 7, 7])]
    src = _source_of(g["f"])
    # (operators no class statement arms a site for: t2attr)
    assert "fast[0] ^ " in src
    # (no LOAD_FAST has a host line of its own: none copies the value)
    assert not [ln for ln in src.splitlines() if ln.endswith(("LOAD_FAST 0", "LOAD_FAST 1"))]
    # (the read pending in the list display copied before ``a := 7``)
    assert "= fast[0]  # 30 STORE_FAST 0" in src


@pytest.mark.evalframe_untraced
def test_except_clause_tests_an_unknown_instruction_once(eager):
    # catch's path (the instruction not known) leaves the except clause, so
    # the temporaries' clearing after it does not test ``at < 0`` again
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    except_clause = src[src.index("except BaseException as e:"):]
    assert except_clause.count("if at < 0") == 1
    # (the static unwinding: a tree over the unwindings, or its leaves, the
    # block stack virtual or not: tier2._virtual_blocks)
    assert ("k_ = " in except_clause or "del f.f_blockstack" in except_clause
            or "f.f_state = RAISED_; break" in except_clause)
    # (the epilogue's decrement an assignment: no COPY and SWAP of ``-=``)
    assert "tstate.depth = tstate.depth - 1; tstate.frame = back" in src


_PEEP = (
    "def f(n):\n"
    "    try:\n"
    "        total = 0\n"
    "        for i in range(n):\n"
    "            total |= 2\n"
    "            total = total ^ 1\n"
    "        return total\n"
    "    finally:\n"
    "        n = None\n"
    "out = f(5)\n"
)


@pytest.mark.evalframe_untraced
def test_runs_written_as_cpython_compiles_them(eager):
    # t2peep's rewrites, as in lean code: ``total |= 2`` an augmented
    # assignment of the local itself (its read on the STORE_FAST's line, the
    # operator on the INPLACE_OR's), ``total = total ^ 1`` one statement
    # (operators no class statement arms a site for: t2attr)
    g = _run(_PEEP, {"__name__": "__main__"})
    assert g["out"] == 3
    lines = _source_of(g["f"]).splitlines()
    k = next(i for i, ln in enumerate(lines) if ln.strip() == "fast[1]  # 24 STORE_FAST 1")
    assert lines[k + 1].strip() == ") |= (  # 22 INPLACE_OR 0"
    k = next(i for i, ln in enumerate(lines) if ln.strip() == "fast[1] = (  # 32 STORE_FAST 1")
    assert lines[k + 1].strip().startswith("fast[1] ^ ")


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1)
def test_except_clause_makes_the_usual_entry_inline(eager, monkeypatch):
    # t2_raised's usual case (the head entry at a known instruction, not a
    # Reraise, not an exception that may stop the run) is written in the
    # except clause: the entry made with no host call of t2_raised; the
    # other cases still reach it (a MemoryError subclass, caught)
    seen = []
    t2_raised = tier2.t2_raised

    def spy(tstate, f, e, lines=None):
        seen.append(type(e).__name__)
        return t2_raised(tstate, f, e, lines)

    monkeypatch.setitem(tier2._namespace(), "t2_raised", spy)
    g = _run(_SOURCE, {"__name__": "__main__"})
    assert g["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]
    assert seen == []
    src = _source_of(g["f"])
    # (and no traceback entry made: the host's stays, raw, until the
    # traceback can be seen, runtime/tracebacks.py)
    assert "tracebacks_.t2_caught(tstate, e, tb_, f)" in src
    assert "add_entry" not in src
    g = _run(
        "class Stop(MemoryError):\n"
        "    pass\n"
        "def h(i):\n"
        "    try:\n"
        "        raise Stop(i)\n"
        "    except Stop as e:\n"
        "        return e.args[0]\n"
        "out = [h(i) for i in range(3)]\n", {"__name__": "__main__"})
    assert g["out"] == [0, 1, 2]
    assert seen == ["Stop"] * 3


@pytest.mark.evalframe_untraced
def test_reraise_in_place_bookkeeping_inline(eager):
    # RERAISE in a ``finally`` and unmatched ``except``, a bare ``raise``:
    # the position and the re-raise's traceback bookkeeping written where
    # it is, no host call (tests/guest/programs/exc_reraise_nothing_in_place.py
    # checks a re-raise of nothing)
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    assert "reraised_here(" not in src
    # (no traceback bookkeeping at all: the entries are made when the
    # traceback can be seen, runtime/tracebacks.py)
    assert "tracebacks_.add_entry(" not in src
    assert "if exc is None: raise Reraise_(None, f._lasti)  # " in src


_EXC_CLASS = (
    "class E(ValueError):\n"
    "    def __init__(self, index, reason):\n"
    "        ValueError.__init__(self, reason)\n"
    "        self.index = index\n"
    "class O(OSError):\n"
    "    def __init__(self, a, b):\n"
    "        self.x = a + b\n"
    "def f(i):\n"
    "    try:\n"
    "        raise E(i, 'bad')\n"
    "    except E as e:\n"
    "        return (e.index, e.args, type(e).__name__, O(i, 1).x)\n"
    "out = [f(i) for i in range(3)]\n"
)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1)
def test_exception_class_called_at_the_call_site(eager, monkeypatch):
    # a guest exception class whose builtin base's __new__ is
    # BaseException_new: made at the call site (that __new__, then
    # __init__'s lean function), as call_any made it; OSError's __new__
    # (it may pick a subclass) still through call_any
    called = []
    call_any = tier2.call_any

    def spy(tstate, func, args, moved=None):
        called.append(getattr(func, "__name__", func))
        return call_any(tstate, func, args, moved)

    monkeypatch.setitem(tier2._namespace(), "call_any", spy)
    g = _run(_EXC_CLASS, {"__name__": "__main__"})
    assert g["out"] == [(i, ("bad",), "E", i + 1) for i in range(3)]
    # (the first call through call_any: it binds __init__'s lean entry)
    assert called.count("E") == 1 and called.count("O") == 3


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1)
def test_block_dispatch_writes_no_nop_per_block_entry(eager):
    # a block's ``pass`` (a host NOP per entry) is written only where the
    # block is empty: not before the nested ``if blk > N: pass`` / ``else:``
    # tests
    g = _run(_SOURCE, {"__name__": "__main__"})
    lines = _source_of(g["f"]).splitlines()
    for k, ln in enumerate(lines[:-1]):
        if ln.strip().startswith("pass"):
            nxt = lines[k + 1]
            assert len(nxt) - len(nxt.lstrip()) < len(ln) - len(ln.lstrip()), (ln, nxt)
    assert any(ln.strip().startswith("if blk > ") for ln in lines)


@pytest.mark.evalframe_untraced
def test_except_clause_leaves_reraise_and_stops_to_t2_raised_in_one_test(eager):
    # one issubclass over a tuple: Reraise (raised by the re-raise paths),
    # AbortRun and MemoryError (and their subclasses) go to t2_raised, the
    # guest's exceptions take the inline entry
    from evalframe.interpreter import ceval
    from evalframe.interpreter.abort import AbortRun
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    assert "and not issubclass(type(e), RERAISE_STOP_OR_MEMORY_):" in src
    special = tier2._namespace()["RERAISE_STOP_OR_MEMORY_"]
    for cls in (ceval.Reraise, AbortRun, MemoryError, type("M", (MemoryError,), {})):
        assert issubclass(cls, special), cls
    for cls in (KeyError, Exception, BaseException, SystemExit, KeyboardInterrupt, GeneratorExit):
        assert not issubclass(cls, special), cls


@pytest.mark.evalframe_untraced
def test_exit_saves_the_context_only_when_the_host_handles_an_exception(eager):
    # the exception leaving by the epilogue's host raise: a raise of its own
    # when the host handles nothing (no ``__context__`` to keep), the save
    # and restore otherwise (tests/guest/programs/exc_frame_based_exit_context.py)
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    tail = src[src.index("        if exc is None:"):]
    fast_path = tail.index("if host_exception_() is None:")
    assert fast_path < tail.index("ctx_ = exc_context(exc)")
    # (after the function's ``finally``: no host handler entered on the way
    # out; ``exc`` cleared as it is raised: exc_frame_based_exit_frees.py)
    assert tail.index("    finally:") < fast_path
    assert "raise (exc, exc := None)[0]" in tail[fast_path:tail.index("ctx_ = exc_context(exc)")]
    host_exception = tier2._namespace()["host_exception_"]
    assert host_exception() is None
    try:
        raise KeyError(1)
    except KeyError as e:
        assert host_exception() is e


@pytest.mark.evalframe_untraced
def test_except_clause_clears_and_unwinds_in_one_tree_over_the_instruction(eager):
    # the temporaries' clearing and the static unwinding of the instruction
    # that raised: one tree of tests over ``at`` (no ``k_ = unwind_of[at]``
    # and its second tree), each leaf the clearing then the unwinding
    g = _run(_SOURCE, {"__name__": "__main__"})
    assert g["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]
    src = _source_of(g["f"])
    except_clause = src[src.index("except BaseException as e:"):]
    assert "k_ = " not in except_clause and "if k_ < " not in except_clause
    # (the tree's tests ``if at >= K: pass`` where the lower half leaves:
    # test_dispatch_and_unwinding_compares_are_followed_by_their_jump)
    assert except_clause.count("if at < ") + except_clause.count("if at >= ") >= 2
    # (over the most leaves, the two trees as before)
    tier2_merged = tier2._MERGED_LEAVES
    try:
        tier2._MERGED_LEAVES = 1
        g = _run(_SOURCE.replace("def f(i)", "def f2(i)").replace("f(i) for", "f2(i) for"),
                 {"__name__": "__main__"})
    finally:
        tier2._MERGED_LEAVES = tier2_merged
    assert g["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]
    src = _source_of(g["f2"])
    assert "k_ = " in src[src.index("except BaseException as e:"):]


@pytest.mark.evalframe_untraced
def test_block_stack_stays_in_host_locals(eager):
    # (tier2._virtual_blocks) entering a handler: its position in a host
    # local and the blocks one constant, no list operation; SETUP_FINALLY,
    # POP_BLOCK and POP_EXCEPT each one store of a constant; the frame's
    # block stack written out only where other code goes on with the frame
    # (a tracer's hand-over, catch), taken back where the body is entered
    # from such code; tests/guest/programs/exc_frame_based_virtual_blocks*.py
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    body = src[src.index("    try:"):src.index("except BaseException as e:")]
    except_clause = src[src.index("except BaseException as e:"):]
    assert "f_blockstack" not in body
    assert "h0 = f._lasti; bd = ((257, None, 0),)" in except_clause
    assert "f.f_blockstack" not in except_clause.replace("del f.f_blockstack[:]", "")
    assert "set_blocks_(f, bd, (h0," in except_clause
    assert "if start: bd = " in src and "get_blocks_(f, " in src
    # (the tail: before the tracer's or tier 1's loop goes on with the frame)
    tail = src[src.index("        if exc is None:"):]
    assert tail.index("set_blocks_(f, bd, ") < tail.index("tstate.tracer.resume(")


def test_do_raise_takes_an_instance_first_and_skips_the_context_save(monkeypatch):
    # an instance raised: no exception-class test; the host handling no
    # exception: no __context__ save and restore around the host raise
    from evalframe.interpreter.ops import exceptions as ops_exceptions
    from evalframe.objects import excslots
    asked = []
    is_class = ops_exceptions._is_exception_class
    monkeypatch.setattr(ops_exceptions, "_is_exception_class",
                        lambda obj: asked.append(obj) or is_class(obj))
    saved = []
    get_context = excslots.get_context

    def spy(e):
        if sys._getframe(1).f_code is ops_exceptions.do_raise.__code__:
            saved.append(e)
        return get_context(e)

    monkeypatch.setattr(excslots, "get_context", spy)
    g = _run("def f(i):\n"
             "    try:\n"
             "        raise KeyError(i)\n"
             "    except KeyError as e:\n"
             "        return e.args[0]\n"
             "def c():\n"
             "    try:\n"
             "        raise KeyError\n"
             "    except KeyError as e:\n"
             "        return e.args\n"
             "out = [f(i) for i in range(3)], c()\n", {"__name__": "__main__"})
    assert g["out"] == ([0, 1, 2], ())
    assert asked == [KeyError]
    assert saved == []


@pytest.mark.evalframe_untraced
def test_handled_count_written_as_an_assignment(eager):
    # the unwinding's and the handler entry's ``handled`` count: an
    # assignment (no COPY and SWAPs of an augmented one)
    g = _run(_SOURCE, {"__name__": "__main__"})
    src = _source_of(g["f"])
    assert "handled_[0] = handled_[0] + 1" in src
    assert "handled_[0] +=" not in src and "handled_[0] -=" not in src


@pytest.mark.evalframe_untraced
def test_block_dispatch_leaves_out_the_tests_that_are_always_true(eager):
    # the last chunk's test and each chunk's last block's test: ``blk`` is
    # a block start no greater than the tests before let through
    g = _run(_SOURCE, {"__name__": "__main__"})
    lines = _source_of(g["f"]).splitlines()
    tests = [ln.strip().split(":")[0] for ln in lines if ln.strip().startswith("if blk > ")]
    starts = [int(t.split()[-1]) for t in tests]
    # (one chunk: one test per block but the last, none for the chunk)
    assert starts == sorted(set(starts)) and starts[0] == 0
    last = max(int(ln.split("blk = ")[1].split(";")[0])
               for ln in lines if "blk = " in ln and "continue" in ln
               and ln.split("blk = ")[1].split(";")[0].isdigit())
    assert last not in starts


@pytest.mark.evalframe_untraced
def test_except_clause_reads_the_instruction_by_host_offset(eager, monkeypatch):
    # the head traceback entry's tb_lasti indexes a table by host bytecode
    # offset (tb_lineno walks the host code's location table from its
    # start); t2_raised still gets the line table
    seen = []
    t2_raised = tier2.t2_raised

    def spy(tstate, f, e, lines=None):
        seen.append(type(e).__name__)
        return t2_raised(tstate, f, e, lines)

    monkeypatch.setitem(tier2._namespace(), "t2_raised", spy)
    g = _run(_SOURCE, {"__name__": "__main__"})
    assert g["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]
    assert seen == []
    host = tier2.frame_based(g["f"].__code__)
    src = _source_of(g["f"])
    assert "[tb_.tb_lasti]) >= 0" in src and "[tb_.tb_lineno]" not in src
    lines = tier2.T2_LINES[id(host.__code__)]
    table = next(c.cell_contents for c in host.__closure__
                 if isinstance(c.cell_contents, list) and len(c.cell_contents) == len(host.__code__.co_code))
    for start, end, line in host.__code__.co_lines():
        for off in range(start, end):
            assert table[off] == (lines[line] if line is not None else -1)


@pytest.mark.evalframe_untraced
def test_unknown_instruction_tested_on_t2_raised_path_only(eager):
    # the inline entry knows ``at``: the ``at < 0`` test (catch's path) is
    # on t2_raised's path alone
    g = _run(_SOURCE, {"__name__": "__main__"})
    lines = _source_of(g["f"]).splitlines()
    k = next(i for i, ln in enumerate(lines) if ln.strip() == "except BaseException as e:")
    # (the inline entry's lines, then its ``else``: two or three lines
    # after the clause's head, as tracebacks.LAZY_ENTRIES decides)
    k = next(i for i in range(k + 1, k + 5) if lines[i].strip() == "else:")
    assert lines[k + 1].strip().startswith("tb_ = None; exc, at = t2_raised(")
    assert lines[k + 2].strip() == "if at < 0:"
    assert len(lines[k + 2]) - len(lines[k + 2].lstrip()) > len(lines[k]) - len(lines[k].lstrip())


_RESTORED_TB = (
    "import sys\n"
    "def depth(tb):\n"
    "    n = 0\n"
    "    while tb is not None:\n"
    "        n += 1; tb = tb.tb_next\n"
    "    return n\n"
    "def inner(i):\n"
    "    raise KeyError(i)\n"
    "def f(i):\n"
    "    try:\n"
    "        try:\n"
    "            inner(i)\n"
    "        finally:\n"
    "            e = sys.exc_info()[1]\n"
    "            if i % 2: e.__traceback__ = None\n"
    "            else:\n"
    "                try:\n"
    "                    raise e\n"
    "                except KeyError:\n"
    "                    pass\n"
    "    except KeyError as x:\n"
    "        return depth(x.__traceback__)\n"
    "out = [f(i) for i in range(6)]\n"
)


@pytest.mark.evalframe_untraced
def test_reraise_restores_the_traceback_as_tier1_does(eager, monkeypatch):
    # RERAISE puts back the traceback the exception had when the finally
    # was entered (3.10's RERAISE, the templates' set_traceback: in tier 2
    # BaseException.with_traceback, a METH_O call), as tier 1 does
    assert tier2._namespace()["set_traceback"] is BaseException.with_traceback
    g = _run(_RESTORED_TB, {"__name__": "__main__"})
    monkeypatch.setattr(tier2, "ENABLED", False)
    g1 = _run(_RESTORED_TB, {"__name__": "__main__"})
    assert g["out"] == g1["out"] == [2] * 6


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
def test_call_form_is_the_same_body(eager):
    # the call sites of a frame-based function's exact arity call its call
    # form (tier2.bound_call), no t2entry.frame_entry host frame between:
    # the resume form's body after a prologue of its own, bound to the
    # function's globals, builtins and fast-locals tail; its except clause
    # reads its own host code's offsets; both host codes registered
    g = _run(_SOURCE, {"__name__": "__main__"})
    assert g["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]
    t2 = tier2.frame_based(g["f"].__code__)
    call = g["f"]._lean1
    assert call is not None and call.__code__.co_filename == t2.__code__.co_filename
    assert call.__code__ is not t2.__code__ and call.__code__.co_name == "t2"
    assert g["f"]._lean is None         # (no lean function: the call form is not one)
    assert id(call.__code__) in tier2.T2_LINES
    lines = linecache.getlines(t2.__code__.co_filename)
    whole = "".join(lines)
    resume = whole[:whole.index("    def bind(")]
    form = whole[whole.index("    def bind("):]
    body = resume[resume.index("        try:"):]
    assert "".join("    " + ln for ln in body.splitlines(True)) in form.replace(
        _offsets_param(form), _offsets_param(resume))
    assert _offsets_param(form) != _offsets_param(resume)
    assert "func" not in form[:form.index("try:")]


def _offsets_param(src):
    k = src.index("[tb_.tb_lasti]")
    return src[src.rindex("(at := ", 0, k) + 7:k]


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
@pytest.mark.skipif(not tier2.LAZY_ENTRIES, reason="eager entries: add_entry replaces the head")
def test_handler_saves_the_traceback_the_except_clause_read(eager):
    # the except clause's handler entries save ``tb_`` (read by its test on
    # the inline path, after t2_raised on the other) for RERAISE's restore,
    # no second read of the exception's traceback; each leaf clears it
    # (tests/guest/programs/exc_handler_saved_traceback.py)
    g = _run(_SOURCE, {"__name__": "__main__"})
    assert g["out"] == [1, -2, 3, 4, -5, 6, 7, -8, 9]
    src = _source_of(g["f"])
    clause = src[src.index("except BaseException as e:"):]
    assert "= exc_traceback_(exc); " not in clause
    assert "tb_ = exc_traceback_(exc)" in clause[clause.index("t2_raised("):]
    assert clause.count("= tb_; tb_ = None; ") >= 1
    assert clause.count("tb_ = None; f.f_state = RAISED_; break") == clause.count(
        "f.f_state = RAISED_; break")


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
@pytest.mark.skipif(not tier2.LAZY_ENTRIES, reason="eager entries: add_entry at every catch")
def test_except_clause_calls_t2_caught_only_when_the_next_entry_is_not_raw(eager, monkeypatch):
    # t2_caught has nothing to do when the entry after the catching frame's
    # own is a raw one (a tier-2 callee's, which saw the exception first):
    # the except clause tests that and calls it only otherwise (an exception
    # raised in the frame itself, or with the VM's own entries after it)
    from evalframe.runtime import tracebacks
    calls = []
    t2_caught = tracebacks.t2_caught

    def spy(tstate, exc, after, *rest):
        # (the exception's name, and whether the entry after the catching
        # frame's own is none (True) or the VM's (False): never a raw one)
        nxt = after.tb_next
        assert nxt is None or id(nxt.tb_frame.f_code) not in tracebacks.RAW_KINDS
        calls.append((after.tb_frame.f_code.co_filename.split("-")[-2], nxt is None))
        nxt = None
        return t2_caught(tstate, exc, after, *rest)

    monkeypatch.setattr(tracebacks, "t2_caught", spy)
    g = _run(
        "def g(i):\n"
        "    try:\n"
        "        if i % 3 == 1:\n"
        "            raise KeyError(i)\n"
        "        return i\n"
        "    finally:\n"
        "        i += 1\n"
        "def f(i):\n"
        "    try:\n"
        "        return g(i)\n"
        "    except KeyError:\n"
        "        return -i\n"
        "out = [f(i) for i in range(9)]\n", {"__name__": "__main__"})
    assert g["out"] == [0, -1, 2, 3, -4, 5, 6, -7, 8]
    src = _source_of(g["f"])
    assert ("if tb_.tb_next is None or id(tb_.tb_next.tb_frame.f_code) not in tracebacks_.RAW_KINDS: "
            "tracebacks_.t2_caught(tstate, e, tb_, f)") in src
    # (g, frame-based, lets each KeyError leave, caught by f with g's raw
    # entry after its own: only g's except clause calls t2_caught, with no
    # entry after g's own (do_raise returns the exception for g's own raise
    # since the seventeenth session: no host entry of the VM's))
    assert calls == [("g", True)] * 3
    del calls[:]
    g = _run(
        "def f(i):\n"
        "    try:\n"
        "        return {}[i]\n"
        "    except KeyError:\n"
        "        return -i\n"
        "out = [f(i) for i in range(4)]\n", {"__name__": "__main__"})
    assert g["out"] == [0, -1, -2, -3]
    # (raised in f itself: no entry after f's, t2_caught called each time)
    assert calls == [("f", True)] * 4


_BLOCKS_SOURCE = (
    "def g(x):\n"
    "    if x == 3:\n"
    "        raise KeyError(x)\n"
    "    return x\n"
    "def f(a, b):\n"
    "    try:\n"
    "        x = g(a) + g(b) * g(a - b)\n"
    "    except KeyError:\n"
    "        x = g(a + 11) * g(b + 11) - g(a + b + 11)\n"
    "    try:\n"
    "        y = g(x) - g(a) * g(b)\n"
    "    except KeyError:\n"
    "        y = -g(b + 12) * g(a + 12) + g(a + 10)\n"
    "    return x, y\n"
    "out = [f(i, i % 2) for i in range(9)]\n"
)


@pytest.mark.evalframe_untraced
def test_blocks_reuse_the_temporaries_names(eager):
    # (tier2.translate: every block of the dispatch starts with its stack in
    # the slots, so its temporaries are named from t1 again: fewer host
    # locals, a smaller host frame for the traceback's frame object to copy)
    g = _run(_BLOCKS_SOURCE, {"__name__": "__main__"})
    host = tier2.frame_based(g["f"].__code__).__code__
    temps = [n for n in host.co_varnames if n[0] == "t" and n[1:].isdigit()]
    src = _source_of(g["f"])
    body = src[src.index("    try:"):src.index("except BaseException as e:")]
    assert body.count("if blk > ") >= 4 and temps
    # (each block's first temporary is t1 again: without the reuse t1 is
    # made in the first block only, and the function had 93 temporaries)
    firsts = [ln for ln in body.splitlines() if ln.lstrip().startswith("t1 = ") or "(t1 := " in ln]
    assert len(firsts) >= 3, firsts

@pytest.mark.evalframe_untraced
def test_installed_functions_share_the_namespace(eager):
    # (tier2.install: the namespace itself is the generated functions'
    # globals, not a copy per function: the host reads the same entries)
    g = _run(_BLOCKS_SOURCE, {"__name__": "__main__"})
    h = _run(_SOURCE, {"__name__": "__main__"})
    one = tier2.frame_based(g["f"].__code__)
    two = tier2.frame_based(h["f"].__code__)
    assert one.__globals__ is two.__globals__ is tier2._namespace()
    assert tier2._namespace()["make"] is None


@pytest.mark.evalframe_untraced
def test_pop_except_restores_the_handled_exception_inline(eager):
    # (tier2._inline_exc_value: POP_EXCEPT's set_exc_value written out, as
    # the unwinding's leaves write it; the ``handled`` count stays exact)
    from evalframe.interpreter import pystate
    before = pystate.handled[0]
    src_text = (
        "import sys\n"
        "def f(i):\n"
        "    try:\n"
        "        raise KeyError(i)\n"
        "    except KeyError:\n"
        "        try:\n"
        "            raise ValueError(i)\n"
        "        except ValueError:\n"
        "            inner = sys.exc_info()[0]\n"
        "        return inner, sys.exc_info()[0]\n"
        "out = [f(i) for i in range(9)] + [sys.exc_info()[0]]\n"
    )
    g = _run(src_text, {"__name__": "__main__"})
    assert g["out"] == [(ValueError, KeyError)] * 9 + [None]
    src = _source_of(g["f"])
    assert "set_exc_value(" not in src
    assert [ln for ln in src.splitlines() if "POP_EXCEPT" in ln and "ei_.exc_value = " in ln]
    assert pystate.handled[0] == before


_LOOPS_ONCE = (
    "def f(n):\n"
    "    t = 0\n"
    "    for i in range(n):\n"
    "        try:\n"
    "            t += 10 // (i % 3)\n"
    "        except ZeroDivisionError:\n"
    "            t -= 1\n"
    "    return t\n"
    "once = f(300)\n"
)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
def test_call_form_compiled_at_its_first_use(monkeypatch):
    # (eighteenth session: a frame-based function hot by its loop and called
    # once, a program's main, never compiles its call form, tier2.bound_call's
    # ``bind``, half its source; a call site needing it compiles it then, once,
    # with the resume form's line numbers)
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 16)
    compiled = []
    real = compile
    monkeypatch.setattr(tier2, "compile",
                        lambda src, *a: compiled.append(src) or real(src, *a), raising=False)
    g = _run(_LOOPS_ONCE, {"__name__": "__main__"})
    assert g["once"] == 1400
    made = [src for src in compiled if "def t2(f, tstate, start=0" in src]
    assert len(made) == 1 and "def bind(" not in made[0]
    text = "".join(linecache.getlines(tier2.frame_based(g["f"].__code__).__code__.co_filename))
    assert "    def bind(" in text          # (linecache and the dumps: the whole source)
    g = _run("calls = [f(9) for _ in range(40)]\n", g)
    assert g["calls"] == [42] * 40
    binds = [src for src in compiled if "def bind(" in src]
    assert len(binds) == 1
    # its lines are where the whole source has them
    start = text.index("    def bind(")
    lineno = text[:start].count("\n") + 1
    assert binds[0].split("\n")[lineno - 1] == "    def bind(globals_, builtins_, tail_):"
    assert g["f"]._lean1 is not None


_TAILS = (
    "def plain(a, b):\n"
    "    try:\n"
    "        c = a + b\n"
    "        return c * d\n"
    "    except NameError as e:\n"
    "        return (a, b, c, sorted(locals()), type(e).__name__)\n"
    "def outer(k):\n"
    "    def inner(a):\n"
    "        try:\n"
    "            return a + k\n"
    "        except TypeError:\n"
    "            w = 1\n"
    "            return w\n"
    "    return inner\n"
    "inner = outer(5)\n"
    "out = [plain(i, 1) for i in range(3)] + [inner(i) for i in range(3)] + [inner('x')]\n"
)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
def test_call_form_writes_its_nulls_into_the_list_of_locals(eager):
    # (nineteenth session: the call form's list of fast locals made at its
    # size, its unbound locals' NULLs written in, where ``[*args, *tail_]``
    # grew the list each call; a function with free variables keeps the
    # tail, which holds its cells)
    g = _run(_TAILS, {"__name__": "__main__"})
    assert g["out"] == [(0, 1, 1, ["a", "b", "c", "e"], "NameError"),
                        (1, 1, 2, ["a", "b", "c", "e"], "NameError"),
                        (2, 1, 3, ["a", "b", "c", "e"], "NameError"), 5, 6, 7, 1]
    whole = "".join(linecache.getlines(tier2.frame_based(g["plain"].__code__).__code__.co_filename))
    form = whole[whole.index("    def bind("):]
    assert "fast = [arg0_, arg1_, NULL, NULL]; del arg0_, arg1_" in form
    assert "tail_" not in form[form.index("fast = "):]
    whole = "".join(linecache.getlines(tier2.frame_based(g["inner"].__code__).__code__.co_filename))
    form = whole[whole.index("    def bind("):]
    assert "fast = [arg0_, *tail_]; del arg0_" in form


_LONG_BLOCKS = (
    "class Odd(Exception):\n"
    "    pass\n"
    "def f(i, xs):\n"
    "    total = 0\n"
    "    try:\n"
    "        total += xs[i] * 3 + xs[i - 1] * 5 - xs[i - 2] // 7 + len(xs) % 11\n"
    "        if i % 4 == 1:\n"
    "            raise Odd(i)\n"
    "        total += xs[i] * 61 + xs[i - 1] * 67 - xs[i - 2] // 71 + len(xs) % 73\n"
    "    except Odd as e:\n"
    "        total -= e.args[0] * 3 + len(xs) * 5 - xs[0] // 7 + xs[1] % 11\n"
    "        total -= e.args[0] * 13 + len(xs) * 17 - xs[0] // 19 + xs[1] % 23\n"
    "    except IndexError:\n"
    "        total = -1\n"
    "    finally:\n"
    "        total += 1\n"
    "    return total\n"
    "xs = list(range(10))\n"
    "out = [f(i, xs) for i in range(12)]\n"
)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
def test_dispatch_and_unwinding_compares_are_followed_by_their_jump(eager):
    # (nineteenth session) 3.11 specializes a COMPARE_OP (COMPARE_OP_INT_JUMP,
    # the jump taken inside it) only when a POP_JUMP follows it directly; a
    # jump over more than 255 code units has an EXTENDED_ARG between them,
    # and ``if blk <= K:`` before a long block, or ``if at < K:`` before a
    # long half of the except clause's tree, was a generic compare
    # (PyObject_RichCompare, a bool, then the POP_JUMP) every time.  The
    # dispatch writes ``if blk > K: pass`` / ``else:``, the tree ``if at >=
    # K: pass`` with its lower half under the ``else:``: short jumps.
    import dis
    g = _run(_LONG_BLOCKS, {"__name__": "__main__"})
    assert g["out"] == [668, -225, 221, 357, 493, -256, 765, 901, 1037, -289, 0, 0]
    codes = [tier2.frame_based(g["f"].__code__).__code__]
    if g["f"]._lean2 is not None:
        codes.append(g["f"]._lean2.__code__)
    text = linecache.getlines(codes[0].co_filename)
    merged = not any(ln.strip().startswith("k_ = ") for ln in text)
    blks = ats = 0
    for host in codes:
        ins = list(dis.get_instructions(host))
        for k, x in enumerate(ins):
            if (x.opname != "COMPARE_OP" or ins[k - 2].opname != "LOAD_FAST"
                    or ins[k - 2].argval not in ("blk", "at")):
                continue
            line = text[x.positions.lineno - 1].strip()
            if ins[k - 2].argval == "blk":
                blks += 1
            elif x.argval == ">=":
                ats += 1
            elif x.argval == "<" and ins[k - 1].argval != 0 and merged:
                ats += 1    # (the unwinding's tree: none, where its leaves leave)
            else:
                continue    # (``at < 0``, t2_raised's path; block_temps' tree, which falls through)
            assert ins[k + 1].opname.startswith("POP_JUMP"), (
                line, ins[k + 1].opname, "".join(text[x.positions.lineno - 1:x.positions.lineno + 40]))
    assert blks >= 4
    # (the unwinding's tree, where one tree clears and unwinds: _merged_unwinding)
    assert ats >= 2 or not merged
