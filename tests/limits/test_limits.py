"""Limits on every run (issue 10, point 8): --max-steps, --timeout, --max-memory, --max-depth.

Each limit stops a runaway program with one line on stderr and its own exit
status (docs/limits.md).  A stop by steps, time or depth is like a kill: the
guest's ``except`` and ``finally`` do not run.  Where CPython has an equivalent
(a process killed by a timer, RLIMIT_AS, its own recursion limit) the tests
compare with the host.
"""

import json
import os
import resource
import subprocess
import sys
import textwrap

import pytest

from evalframe_testing import ROOT, _env
from evalframe import limits

STEPS, TIMEOUT, MEMORY, DEPTH = (limits.EXIT_MAX_STEPS, limits.EXIT_TIMEOUT,
                                 limits.EXIT_MAX_MEMORY, limits.EXIT_MAX_DEPTH)


def ef(*args, input=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "evalframe"] + list(args), input=input,
                          capture_output=True, text=True, env=_env(), timeout=timeout)


def host(path, timeout=60, preexec_fn=None):
    return subprocess.run([sys.executable, "-u", path], capture_output=True, text=True,
                          env=_env(), timeout=timeout, preexec_fn=preexec_fn)


def program(tmp_path, source, name="prog.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return str(path)


RUNAWAY_LOOP = """\
    print("start", flush=True)
    try:
        while True:
            pass
    except BaseException:
        print("the guest must not see the stop")
    finally:
        print("nor run its finally")
    """

RUNAWAY_RECURSION = """\
    import sys
    print("limit", sys.getrecursionlimit())
    def down(n):
        try:
            return down(n + 1)
        finally:
            if n == 0:
                print("finally of the first frame")
    try:
        down(0)
    except BaseException as exc:
        print("caught", type(exc).__name__)
    """

THREAD_LOOP = """\
    import threading
    go = threading.Event()
    def spin():
        go.wait()           # (the main thread prints first, whatever the scheduling)
        try:
            while True:
                pass
        finally:
            print("thread finally")
    t = threading.Thread(target=spin)
    t.start()
    print("main done", flush=True)
    go.set()
    """


def one_line(stderr):
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


# -- --max-steps ------------------------------------------------------------------------

def test_max_steps_stops_a_runaway_loop(tmp_path):
    prog = program(tmp_path, RUNAWAY_LOOP)
    r = ef("run", "--max-steps", "20000", prog)
    assert r.returncode == STEPS
    assert r.stdout == "start\n"
    assert one_line(r.stderr) == \
        "evalframe: stopped after 20000 instructions (--max-steps 20000)"


def test_max_steps_is_exact(tmp_path):
    """N instructions run, not one more: the count is the trace's count."""
    prog = program(tmp_path, """\
        total = 0
        for i in range(30):
            total += i
        print(total)
        """)
    t = ef("trace", "--json", prog)
    steps = [json.loads(l) for l in t.stdout.splitlines()][-1]["steps"]
    assert steps > 100
    ok = ef("run", "--max-steps", str(steps), prog)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "435\n", "")
    short = ef("run", "--max-steps", str(steps - 1), prog)   # RETURN_VALUE is cut off
    assert short.returncode == STEPS and short.stdout == "435\n"
    assert ef("run", "--max-steps", str(steps - 5), prog).stdout == ""
    # the trace stopped by the same limit shows exactly that many instructions
    cut = ef("trace", "--json", "--max-steps", "40", prog)
    assert cut.returncode == STEPS
    records = [json.loads(l) for l in cut.stdout.splitlines()]
    assert len([e for e in records if e["kind"] == "instr"]) == 40
    assert records[-1]["kind"] == "end" and records[-1]["steps"] == 40


def test_max_steps_counts_every_thread(tmp_path):
    prog = program(tmp_path, THREAD_LOOP)
    r = ef("run", "--max-steps", "50000", prog)
    assert r.returncode == STEPS
    assert r.stdout == "main done\n"
    assert "stopped after 50000 instructions" in one_line(r.stderr)


def test_max_steps_under_stats(tmp_path):
    prog = program(tmp_path, RUNAWAY_LOOP)
    r = ef("run", "--stats", "--max-steps", "1000", prog)
    assert r.returncode == STEPS
    assert "stopped after 1000 instructions" in r.stderr
    assert "nor run" not in r.stdout


# -- --timeout ------------------------------------------------------------------------------

def test_timeout_stops_a_runaway_loop_like_a_kill(tmp_path):
    """CPython killed by a timer prints what it printed before and runs no
    finally block; evalframe --timeout does the same, then says why."""
    prog = program(tmp_path, RUNAWAY_LOOP)
    # (seconds, not one: on a loaded machine either process may need more than
    # a second to print its first line; the VM starts slower)
    with pytest.raises(subprocess.TimeoutExpired) as killed:
        host(prog, timeout=3)
    host_out = killed.value.stdout
    host_out = host_out.decode() if isinstance(host_out, bytes) else host_out
    r = ef("run", "--timeout", "6", prog)
    assert r.returncode == TIMEOUT
    assert r.stdout == host_out == "start\n"
    assert one_line(r.stderr) == "evalframe: stopped: time limit of 6 s reached (--timeout 6)"


def test_timeout_interrupts_a_blocked_main_thread(tmp_path):
    prog = program(tmp_path, """\
        import time
        try:
            time.sleep(600)
        finally:
            print("finally")
        """)
    r = ef("run", "--timeout", "0.5", prog, timeout=60)
    assert r.returncode == TIMEOUT and r.stdout == ""
    assert "--timeout 0.5" in one_line(r.stderr)


def test_timeout_ends_a_runaway_thread(tmp_path):
    prog = program(tmp_path, THREAD_LOOP)
    r = ef("run", "--timeout", "1", prog, timeout=60)
    assert r.returncode == TIMEOUT
    assert r.stdout == "main done\n"
    assert "time limit" in one_line(r.stderr)


# -- --max-depth ------------------------------------------------------------------------------

def test_max_depth_stops_a_runaway_recursion(tmp_path):
    prog = program(tmp_path, RUNAWAY_RECURSION)
    r = ef("run", "--max-depth", "60", prog)
    assert r.returncode == DEPTH
    assert r.stdout == "limit 1000\n"        # the guest sees its own limit
    assert one_line(r.stderr) == "evalframe: stopped at a depth of 60 frames (--max-depth 60)"


def test_max_depth_stops_a_runaway_recursion_through_c_code(tmp_path):
    """repr(self) inside __repr__ reaches the cap in the check of a C call on
    the way (runtime/cdepth.py): still the run's stop, not a RecursionError."""
    prog = program(tmp_path, """\
        class A:
            def __repr__(self):
                return repr(self)
        try:
            repr(A())
        finally:
            print("the stop runs no finally")
        """)
    r = ef("run", "--max-depth", "50", prog)
    assert (r.returncode, r.stdout) == (DEPTH, "")
    assert one_line(r.stderr) == "evalframe: stopped at a depth of 50 frames (--max-depth 50)"


def test_the_guests_own_lower_limit_still_raises_recursion_error(tmp_path):
    """Below the cap, recursion behaves as in CPython (differential)."""
    prog = program(tmp_path, """\
        import sys
        sys.setrecursionlimit(40)
        def down(n):
            return down(n + 1)
        try:
            down(0)
        except RecursionError:
            print("caught RecursionError", sys.getrecursionlimit())
        """)
    h = host(prog)
    r = ef("run", "--max-depth", "100", prog)
    assert (r.returncode, r.stdout, r.stderr) == (h.returncode, h.stdout, h.stderr)
    assert h.stdout == "caught RecursionError 40\n"


def test_without_max_depth_recursion_is_cpythons(tmp_path):
    prog = program(tmp_path, RUNAWAY_RECURSION)
    h = host(prog)
    r = ef("run", prog)
    assert (r.returncode, r.stdout) == (h.returncode, h.stdout)
    assert "caught RecursionError" in r.stdout


# -- --max-memory ------------------------------------------------------------------------------

MEMORY_HOG = """\
    print("start", flush=True)
    chunks = []
    try:
        while True:
            chunks.append(bytearray(10 ** 6))
    finally:
        grew = len(chunks) > 10
        chunks = None
        print("finally", grew)
    """


def _host_rlimit(mb):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (mb * 1024 * 1024, resource.RLIM_INFINITY))
    return limit


def test_max_memory_runs_finally_as_cpython_does(tmp_path):
    """RLIMIT_AS gives CPython a MemoryError whose finally blocks run; so it
    does in evalframe, then one line and exit status 5."""
    prog = program(tmp_path, MEMORY_HOG)
    h = host(prog, preexec_fn=_host_rlimit(300))
    assert h.returncode == 1 and h.stderr.rstrip().endswith("MemoryError")
    r = ef("run", "--max-memory", "100", prog)
    assert r.stdout == h.stdout == "start\nfinally True\n"
    assert r.returncode == MEMORY
    assert one_line(r.stderr) == "evalframe: stopped: out of memory (--max-memory 100)"


def test_max_memory_error_can_be_caught(tmp_path):
    prog = program(tmp_path, """\
        chunks = []
        try:
            while True:
                chunks.append(bytearray(10 ** 6))
        except MemoryError:
            chunks = None
            print("caught MemoryError")
        print("after")
        """)
    h = host(prog, preexec_fn=_host_rlimit(300))
    r = ef("run", "--max-memory", "100", prog)
    assert (r.returncode, r.stdout, r.stderr) == (h.returncode, h.stdout, h.stderr) == \
        (0, "caught MemoryError\nafter\n", "")


# -- the other commands ---------------------------------------------------------------------

def test_trace_and_explain_take_the_limits(tmp_path):
    prog = program(tmp_path, RUNAWAY_LOOP)
    r = ef("trace", "--timeout", "1", "-o", str(tmp_path / "t.txt"), prog)
    assert r.returncode == TIMEOUT and "time limit" in one_line(r.stderr)
    r = ef("explain", "--max-steps", "30", prog)
    assert r.returncode == STEPS and "stopped after 30 instructions" in r.stderr
    rec = program(tmp_path, RUNAWAY_RECURSION, "rec.py")
    r = ef("trace", "--max-depth", "20", "-o", os.devnull, rec)
    assert r.returncode == DEPTH and "depth of 20 frames" in one_line(r.stderr)


def test_inspect_runs_with_limits_and_still_shows_the_code(tmp_path):
    prog = program(tmp_path, """\
        def f():
            return 1
        while True:
            pass
        """)
    r = ef("inspect", "--max-steps", "1000", prog, "f")
    assert r.returncode == STEPS
    assert "code object f" in r.stdout and "function f" in r.stdout
    assert "stopped after 1000 instructions" in r.stderr
    r = ef("inspect", "--timeout", "0.5", prog, "f")
    assert r.returncode == TIMEOUT and "code object f" in r.stdout


def test_step_quits_at_end_of_input(tmp_path):
    prog = program(tmp_path, RUNAWAY_LOOP)
    r = ef("step", prog, input="", timeout=60)
    assert r.returncode == 0
    assert "(step) " in r.stdout and "nor run" not in r.stdout
    r = ef("step", "--max-steps", "500", prog, input="c\n", timeout=60)
    assert r.returncode == STEPS and "stopped after 500 instructions" in r.stderr


@pytest.mark.parametrize("args, message", [
    (["--max-steps", "0"], "argument --max-steps: invalid value '0': must be at least 1"),
    (["--timeout", "soon"], "argument --timeout: invalid float value: 'soon'"),
    (["--max-memory"], "argument --max-memory: expected one argument"),
    (["--max-depth=-3"], "argument --max-depth: invalid value '-3': must be at least 1"),
])
def test_bad_limit_values(tmp_path, args, message):
    prog = program(tmp_path, "print(1)\n")
    r = ef("run", *args, *([prog] if args != ["--max-memory"] else []))
    assert r.returncode == 2
    assert r.stderr.splitlines()[-1] == "evalframe: error: " + message


def test_no_limit_no_change(tmp_path):
    """Limits given but not reached change nothing."""
    prog = program(tmp_path, """\
        import sys
        def f(n):
            return n if n < 2 else f(n - 1) + f(n - 2)
        print(f(12), sys.getrecursionlimit())
        """)
    h = host(prog)
    r = ef("run", "--max-steps", "10000000", "--timeout", "100", "--max-memory", "500",
           "--max-depth", "500", prog)
    assert (r.returncode, r.stdout, r.stderr) == (h.returncode, h.stdout, h.stderr)


def test_limits_in_process_are_undone():
    """install()/uninstall() leave the VM as it was (for in-process callers)."""
    from evalframe.interpreter import ceval, pystate
    tstate = pystate.get_tstate()
    before = (tstate.tracer, tstate.recursion_limit, resource.getrlimit(resource.RLIMIT_AS))
    limits.install(limits.Limits(max_steps=10, timeout=50, max_memory=1000, max_depth=30))
    assert tstate.tracer is not None and tstate.recursion_limit == 30
    limits.uninstall()
    assert (tstate.tracer, tstate.recursion_limit,
            resource.getrlimit(resource.RLIMIT_AS)) == before
    assert ceval.depth_limit_hook is None and pystate.new_thread_hook is None


def test_max_depth_in_a_thread_stops_the_process(tmp_path):
    prog = program(tmp_path, """\
        import threading
        def down(n):
            return down(n + 1)
        def worker():
            try:
                down(0)
            finally:
                print("thread finally")
        t = threading.Thread(target=worker)
        t.start()
        t.join()
        print("main after join")
        """)
    r = ef("run", "--max-depth", "40", prog)
    assert (r.returncode, r.stdout) == (DEPTH, "")
    assert one_line(r.stderr) == "evalframe: stopped at a depth of 40 frames (--max-depth 40)"


def test_option_table_for_table_driven_parsers():
    """limits.run_options(): what a parser with a table of options (dest, convert) adds."""
    class UsageError(ValueError):
        pass
    table = limits.run_options(UsageError)
    assert {o: dest for o, (dest, _c) in table.items()} == {
        "--max-steps": "max_steps", "--timeout": "timeout", "--max-memory": "max_memory",
        "--max-depth": "max_depth"}
    assert table["--timeout"][1]("--timeout", "2.5") == 2.5
    assert table["--max-depth"][1]("--max-depth", "7") == 7
    with pytest.raises(UsageError, match="argument --max-steps: invalid value '0'"):
        table["--max-steps"][1]("--max-steps", "0")


@pytest.mark.parametrize("where", ["__del__", "weakref callback"])
def test_timeout_swallowed_by_a_finalizer_still_stops_the_run(tmp_path, where):
    """A --timeout expiring in guest code the host runs as a finalizer (whose
    errors the host only reports as unraisable) prints no "Exception ignored"
    with the VM's exception and ends the run with the stop's line and status,
    not status 0 (seen in CI: a stop arriving in importlib's weakref callback
    during start-up printed one)."""
    spin = "        while True:\n            pass\n"
    if where == "__del__":
        src = "class A:\n    def __del__(self):\n" + spin + "A()\nprint('after')\n"
    else:
        src = ("import weakref\nclass A:\n    pass\n"
               "def cb(ref):\n    if True:\n" + spin +
               "a = A()\nr = weakref.ref(a, cb)\ndel a\nprint('after')\n")
    prog = tmp_path / "fin.py"
    prog.write_text(src)
    r = ef("run", "--timeout", "0.5", str(prog), input="", timeout=60)
    assert r.returncode == TIMEOUT, r.stderr
    assert "Exception ignored" not in r.stderr and "Traceback" not in r.stderr
    assert one_line(r.stderr) == ("evalframe: stopped: time limit of 0.5 s reached "
                                  "(--timeout 0.5)")


@pytest.mark.parametrize("command", ["run", "run --stats", "trace", "trace --format pytutor",
                                     "explain", "inspect", "step"])
@pytest.mark.parametrize("timeout", ["0.001", "0.000001"])     # (the latter: inside install())
def test_timeout_before_the_guest_starts_is_the_same_stop(tmp_path, command, timeout):
    """A --timeout shorter than the VM's own start-up (compiling, installing the
    importer) stops the run with the same line and status, not a traceback
    from inside evalframe."""
    prog = program(tmp_path, """\
        import time
        time.sleep(600)
        """)
    r = ef(*command.split(), "--timeout", timeout, prog, input="", timeout=60)
    assert r.returncode == TIMEOUT, r.stderr
    assert "Traceback" not in r.stderr
    shown = limits._number(float(timeout))
    assert one_line(r.stderr) == ("evalframe: stopped: time limit of %s s reached (--timeout %s)"
                                  % (shown, shown))
