"""co_zombieframe: a code object keeps its last finished frame for the next call (issue 12.1).

CPython up to 3.10 parks a frame that dies with nothing else holding it on its
code object (frameobject.c frame_dealloc) and the next call of that code takes
it back (_PyFrame_New_NoTrack); a frame kept alive (by sys._getframe(), a
trace function, recursion) is not reused.  A trace function sees it as the same
frame object.  evalframe models it (objects/frameobject.py frame_dealloc /
frame_new) where a frame returns in the traced loop; ``run --stats`` counts new
and reused frames, ``explain`` says when a call reuses the zombie frame.
"""

import re
import textwrap

import pytest

from evalframe_testing import reference_or_skip, run_evalframe

import subprocess
import os

# Which frames a trace function sees as the same object as the last frame of
# the same code: deterministic in CPython 3.10 for these cases (the zombie is
# reused; or the frame is still alive, so another one is made).
PROGRAM = textwrap.dedent('''
    import sys
    seen, log, kept, held = {}, [], [], []

    def tracer(frame, event, arg):
        if event == "call":
            name = frame.f_code.co_name
            if name in seen:
                log.append("%s:%s" % (name, "same" if seen[name] == id(frame) else "other"))
            seen[name] = id(frame)
            if name == "held_by_tracer":
                held.append(frame)
        return None

    def leaf(x):
        return x * 2

    def caller(n):
        return leaf(n) + leaf(n + 1)

    def escapes():
        kept.append(sys._getframe())

    def rec(n):
        return 0 if n == 0 else rec(n - 1) + 1

    def held_by_tracer():
        return 1

    class Point:
        def __init__(self, x):
            self.x = x
        def norm(self):
            return abs(self.x)

    def main():
        for i in range(3):
            caller(i)
        for i in range(3):
            escapes()
        rec(3)
        rec(3)
        for i in range(3):
            held_by_tracer()
        for i in range(3):
            Point(i).norm()

    sys.settrace(tracer)
    main()
    sys.settrace(None)
    print(" ".join(log))
''')


def test_trace_function_sees_310s_frame_reuse(tmp_path):
    python = reference_or_skip()
    path = tmp_path / "zombie.py"
    path.write_text(PROGRAM)
    env = dict(os.environ, PYENV_VERSION="3.10.13", PYTHONHASHSEED="0")
    want = subprocess.run(python + [str(path)], capture_output=True, text=True, env=env)
    assert want.returncode == 0, want.stderr
    assert "leaf:same" in want.stdout and "escapes:other" in want.stdout
    got = run_evalframe(["run", str(path)])
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, "", 0)


STATS_PROGRAM = textwrap.dedent('''
    import sys
    def f(x):
        return x + 1
    def g():
        return sys._getframe()
    kept = [g() for i in range(3)]
    for i in range(5):
        f(i)
    def gen():
        yield 1
    for i in range(2):
        list(gen())
    def raises():
        raise KeyError
    for i in range(2):
        try:
            raises()
        except KeyError:
            pass
    print(len(set(map(id, kept))))
''')


def test_stats_count_new_and_reused_frames(tmp_path):
    path = tmp_path / "prog.py"
    path.write_text(STATS_PROGRAM)
    r = run_evalframe(["run", "--stats", str(path)])
    assert r.returncode == 0, r.stderr
    assert r.stdout == "3\n"
    # <module>, <listcomp>, g x3 (kept: never reused), f x5 (one new, four
    # reused), gen x2 (a generator holds its frame), raises x2 (left by an
    # exception: a traceback holds it in 3.10)
    assert re.search(r"frames created: 14\n", r.stderr)
    assert re.search(r"new frame objects \(PyFrame_New\)\s+10\n", r.stderr)
    assert re.search(r"zombie frames reused \(co_zombieframe\)\s+4\n", r.stderr)


def test_explain_says_when_the_zombie_frame_is_reused(tmp_path):
    path = tmp_path / "prog.py"
    path.write_text("def sq(x):\n    return x * x\nfor i in range(3):\n    sq(i)\n")
    r = run_evalframe(["explain", str(path)])
    assert r.returncode == 0, r.stderr
    starts = [line for line in r.stdout.splitlines() if "frame for `sq` starts" in line]
    assert len(starts) == 3
    assert r.stdout.count("`sq`'s zombie frame, reused") == 2
    first = r.stdout.index(starts[0])
    assert "zombie frame, reused" not in r.stdout[first:r.stdout.index(starts[1])]


def test_model_in_process():
    """frameswitch.dealloc (the traced loop's frame_dealloc) parks an unheld
    frame and frame_new revives it; a held frame is not parked; the counts
    follow."""
    from evalframe.compiler import compile_source
    from evalframe.objects import frameobject as fo
    from evalframe.interpreter.frameswitch import dealloc
    from evalframe.interpreter.ceval import run_code
    ns = {"__name__": "m"}
    run_code(compile_source("def f(a, b):\n    return a + b\n"), ns)
    func = ns["f"]
    code = func.__code__
    from evalframe.interpreter.call import bind_frame
    fr = bind_frame(func, (1, 2), None)
    fr.f_state = fo.FRAME_RETURNED
    held = [fr]                          # one more reference: not parked
    assert not dealloc(fr, 1) and code.co_zombieframe is None
    held.clear()
    assert dealloc(fr, 1) and code.co_zombieframe is fr
    assert fr.f_back is None and fr.f_localsplus == () and fr.f_trace is None
    assert fr.f_locals == {}             # a zombie can be looked at by tools
    before = dict(fo.FRAME_COUNTS)
    new = bind_frame(func, (3, 4), None)
    got = fo.frame_new(new)
    assert got is fr and code.co_zombieframe is None and fo.was_reused(got)
    assert got.f_localsplus[:2] == [3, 4] and got.f_globals is ns
    assert got.f_state == fo.FRAME_CREATED and got._lasti == -1
    assert fo.FRAME_COUNTS["reused"] == before["reused"] + 1
    again = fo.frame_new(bind_frame(func, (5, 6), None))
    assert again is not fr and not fo.was_reused(again)
    assert fo.FRAME_COUNTS["new"] == before["new"] + 1


def test_plain_loop_parks_and_reuses(monkeypatch):
    """The plain loop (no tracer) parks a returned frame nothing holds and its
    fast call path takes it back; a frame sys._getframe() kept is not parked."""
    # tier 1's model: a tier-2 callee builds its frame in its own prologue and
    # does not reuse the zombie (docs/vm.md), so these fresh code objects stay in tier 1
    from evalframe.interpreter import tier2
    monkeypatch.setattr(tier2, "ENABLED", False)
    from evalframe.compiler import compile_source
    from evalframe.interpreter.ceval import run_code
    ns = {"__name__": "m"}
    run_code(compile_source(textwrap.dedent("""
        import sys
        def f(a):
            return a + 1
        def g():
            return sys._getframe()
        def h():
            return id(sys._getframe())
        def run():
            f(1)
            first = id(f.__code__.co_zombieframe)
            f(2)
            kept = g()
            return first == id(f.__code__.co_zombieframe), kept, h() == h()
        parked_again, kept, same = run()
    """)), ns)
    f_code = ns["f"].__code__
    assert f_code.co_zombieframe is not None and ns["parked_again"] is True
    assert ns["g"].__code__.co_zombieframe is None and ns["kept"].f_code is ns["g"].__code__
    assert ns["same"] is True            # as in 3.10: h's second call reuses the first frame
