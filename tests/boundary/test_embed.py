"""Issue 10 point 9: the embedding API, evalframe.VM (docs/boundary.md)."""

import os
import signal
import sys
import threading

import pytest

import evalframe

SETS_STATE = ("import sys\n"
              "sys.setrecursionlimit(50)\n"
              "def t(frame, event, arg):\n"
              "    return None\n"
              "sys.settrace(t)\n"
              "def g():\n"
              "    return 1\n"
              "g()\n")
READS_STATE = ("import sys\n"
               "limit = sys.getrecursionlimit()\n"
               "trace = sys.gettrace()\n")


def test_run_source_calls_do_not_leak_settrace_or_recursionlimit():
    # the issue: a sys.settrace / sys.setrecursionlimit made by one run_source
    # call leaked into the next
    evalframe.run_source(SETS_STATE)
    g = evalframe.run_source(READS_STATE)
    assert g["limit"] == 1000 and g["trace"] is None


def test_a_vm_keeps_its_own_state_between_runs_and_from_other_vms():
    a, b = evalframe.VM(), evalframe.VM(recursion_limit=200)
    try:
        a.run_source(SETS_STATE)
        gb = b.run_source(READS_STATE)
        assert (gb["limit"], gb["trace"]) == (200, None)
        ga = a.run_source(READS_STATE)
        assert ga["limit"] == 50 and ga["trace"].__name__ == "t"
        assert a.getrecursionlimit() == 50 and a.gettrace() is ga["trace"]
        assert b.gettrace() is None
        # and nothing of either reached the host or a plain run
        assert sys.gettrace() is None or sys.gettrace().__module__ != "evalframe.runtime.signals"
        assert evalframe.run_source(READS_STATE)["limit"] == 1000
    finally:
        a.close()
        b.close()


def test_two_vms_in_two_threads():
    out = {}
    barrier = threading.Barrier(2)

    def worker(name, limit):
        with evalframe.VM(recursion_limit=limit) as vm:
            for _ in range(3):
                g = vm.run_source("import sys\n"
                                  "r = sys.getrecursionlimit()\n"
                                  "sys.setrecursionlimit(r + 1)\n")
                barrier.wait(timeout=30)
            out[name] = (g["r"], vm.getrecursionlimit())

    threads = [threading.Thread(target=worker, args=(n, lim)) for n, lim in (("x", 100), ("y", 300))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == {"x": (102, 103), "y": (302, 303)}


_TWO_THREADS_COLD = """
import threading, evalframe
out, errors = {}, []
barrier = threading.Barrier(2)
def worker(name, limit):
    try:
        with evalframe.VM(recursion_limit=limit) as vm:
            g = vm.run_source("import sys\\nr = sys.getrecursionlimit()\\n")
            barrier.wait(timeout=30)
            out[name] = g["r"]
    except BaseException as e:
        errors.append(repr(e))
        barrier.abort()
threads = [threading.Thread(target=worker, args=a) for a in (("x", 100), ("y", 300))]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(out.items()), errors)
"""


def test_two_vms_start_in_two_threads_of_a_fresh_process():
    # the first runs load the VM's lazy modules in both threads at once: the
    # handler table was built twice ("two handlers for NOP"), and one thread's
    # run unlisted the VM's modules while the other's importlib was looking
    # up their package in sys.modules (KeyError: 'evalframe.interpreter.ops')
    import subprocess
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PYTHONPATH=root)
    r = subprocess.run([sys.executable, "-c", _TWO_THREADS_COLD], capture_output=True,
                       text=True, cwd=root, env=env, timeout=120)
    assert r.stdout.strip() == "[('x', 100), ('y', 300)] []", (r.stdout, r.stderr)


def test_trace_option_and_stats():
    events = []

    def tracer(frame, event, arg):
        events.append((event, frame.f_code.co_name))
        return tracer

    with evalframe.VM(trace=tracer, stats=True) as vm:
        g = vm.run_source("def f(n):\n"
                          "    return n if n < 2 else f(n - 1) + f(n - 2)\n"
                          "x = f(5)\n")
    assert g["x"] == 5
    assert events[0] == ("call", "<module>")
    assert events.count(("call", "f")) == 15
    assert vm.stats.frames == 16 and vm.stats.total > 100
    assert vm.stats.calls["general"] + vm.stats.calls["fast"] == 15


def test_exceptions_reach_the_caller_with_guest_frames(tmp_path):
    path = tmp_path / "guest.py"
    path.write_text("def f():\n    1 / 0\nf()\n")
    with evalframe.VM() as vm:
        with pytest.raises(ZeroDivisionError) as info:
            vm.run_file(str(path))
    names = [(tb.tb_frame.f_code.co_filename, tb.tb_frame.f_code.co_name)
             for tb in _walk(info.value.__traceback__)]
    assert (str(path), "<module>") in names and (str(path), "f") in names
    assert not any("/evalframe/interpreter/" in fn or "/evalframe/objects/" in fn
                   for fn, _ in names)


def _walk(tb):
    while tb is not None:
        yield tb
        tb = tb.tb_next


def test_run_module():
    with evalframe.VM() as vm:
        g = vm.run_module("json.tool", run_name="not_main")
    assert g["__name__"] == "not_main" and callable(g["main"])
    from evalframe.objects.funcobject import Function
    assert type(g["main"]) is Function      # run in the VM
    with pytest.raises(ImportError):
        evalframe.VM().run_module("no_such_module_evalframe")


def test_closing_the_last_vm_undoes_the_host_patches():
    before = signal.getsignal(signal.SIGINT), sys.unraisablehook
    vm = evalframe.VM()
    vm.run_source("x = 1\n")
    assert signal.getsignal(signal.SIGINT) is not before[0]
    vm.close()
    assert (signal.getsignal(signal.SIGINT), sys.unraisablehook) == before
    with pytest.raises(RuntimeError):
        vm.run_source("x = 2\n")


def _patched():
    return signal.getsignal(signal.SIGINT), sys.unraisablehook


def test_host_patch_installs_are_counted():
    # one user's release never removes what another still runs with, and a
    # release called twice counts once
    from evalframe.runtime import patches
    before = _patched()
    first, second = patches.install(), patches.install()
    first()
    first()
    assert patches.active() and _patched() != before
    second()
    assert not patches.active() and _patched() == before


def test_an_in_process_main_run_releases_its_patches(monkeypatch):
    # the order-dependent failure: a run started with pythonrun.fresh_main in
    # the test process (tests/imports/test_importer_plumbing.py) held the host
    # patches forever, so closing the last VM afterwards left them installed
    from evalframe import pythonrun
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    before = _patched()
    pythonrun.fresh_main()
    vm = evalframe.VM()
    vm.run_source("x = 1\n")
    pythonrun.end_main_run()
    assert _patched() != before          # the open VM still holds them
    vm.close()
    assert _patched() == before
    pythonrun.fresh_main()
    with evalframe.VM() as vm:
        vm.run_source("x = 1\n")
    assert _patched() != before          # the main run still holds them
    pythonrun.end_main_run()
    assert _patched() == before


def test_guest_sigint_inside_a_vm_run_is_a_keyboardinterrupt():
    with evalframe.VM() as vm:
        g = vm.run_source("import os, signal\n"
                          "try:\n"
                          "    os.kill(os.getpid(), signal.SIGINT)\n"
                          "    for i in range(1000):\n"
                          "        pass\n"
                          "    caught = False\n"
                          "except KeyboardInterrupt:\n"
                          "    caught = True\n")
    assert g["caught"] is True


def test_limits_per_vm():
    # evalframe.limits is engineer serve's module (docs/limits.md); before the
    # branches are merged it is absent, and asking for limits says so
    try:
        from evalframe import limits
    except ImportError:
        with pytest.raises(NotImplementedError):
            evalframe.VM(limits={"max_steps": 500})
        return
    with evalframe.VM(limits={"max_steps": 500}) as vm:
        with pytest.raises(limits.LimitExceeded) as info:
            vm.run_source("i = 0\nwhile True:\n    i += 1\n")
    assert "500" in str(info.value)
    # the limit was this VM's only
    assert evalframe.run_source("x = sum(range(100000))\n")["x"] == 4999950000


def test_the_vms_modules_are_unlisted_during_a_run_only():
    # issue 10 point 2: the guest's sys.modules lists none of the VM's modules;
    # the embedding host sees them again when the run returns (or raises)
    names = sorted(n for n in sys.modules if n.split(".")[0] == "evalframe")
    probe = ("import sys\n"
             "seen = [n for n in sys.modules if n.split('.')[0] == 'evalframe']\n"
             "import json\n"
             "x = json.loads('[1]')\n")
    with evalframe.VM() as vm:
        g = vm.run_source(probe)
        assert g["seen"] == [] and g["x"] == [1]
        assert sorted(n for n in sys.modules if n.split(".")[0] == "evalframe") == names
        with pytest.raises(ZeroDivisionError):
            vm.run_source("import sys\nassert 'evalframe' not in sys.modules\n1/0\n")
    assert sys.modules["evalframe"] is evalframe
    assert sorted(n for n in sys.modules if n.split(".")[0] == "evalframe") == names
    assert evalframe._OwnModulesFinder not in sys.meta_path


ADDS_AUDIT_HOOK = ("import sys\n"
                   "seen = []\n"
                   "sys.addaudithook(lambda e, a: seen.append(e) if e.startswith('t.') else None)\n"
                   "sys.audit('t.one')\n")


def test_guest_audit_hooks_end_with_the_run_and_never_see_host_events_after():
    # the guest's audit hooks are the run's state (runtime/audit.py): the host's
    # own hook list never holds a guest function, and the host's later events
    # never reach a finished run's hook
    from evalframe.runtime import audit
    g = evalframe.run_source(ADDS_AUDIT_HOOK)
    assert g["seen"] == ["t.one"] and audit.hooks == []
    with evalframe.VM() as vm:
        g2 = vm.run_source(ADDS_AUDIT_HOOK)
        assert len(audit.hooks) == 1
    assert audit.hooks == []
    sys.audit("t.host")
    assert g["seen"] == g2["seen"] == ["t.one"]
