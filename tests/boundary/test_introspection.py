"""Issue 10 point 2: guest-visible introspection shows guest frames only."""

import re

import pytest

from ._support import MODES, host, vm


def _norm(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


def _same(h, v):
    assert (_norm(v.stdout), _norm(v.stderr), v.returncode) == \
        (_norm(h.stdout), _norm(h.stderr), h.returncode)


@pytest.mark.parametrize("mode", sorted(MODES))
def test_finalizer_callback_thread_tracebacks_and_current_frames(mode):
    h = host("introspection_guest_frames.py")
    assert "__del__" in h.stderr
    _same(h, vm("introspection_guest_frames.py", extra_env=MODES[mode]))


@pytest.mark.parametrize("mode", sorted(MODES))
def test_deleting_vm_modules_from_sys_modules(mode):
    h = host("sysmodules_deleted.py")
    assert h.returncode == 1 and "boom" in h.stderr
    _same(h, vm("sysmodules_deleted.py", extra_env=MODES[mode]))


@pytest.mark.parametrize("mode", sorted(MODES))
def test_current_frames_of_other_threads(mode):
    h = host("current_frames_threads.py")
    assert h.stdout == "<module>\n['spin_here', 'worker']\n", h.stderr
    _same(h, vm("current_frames_threads.py", extra_env=MODES[mode]))


@pytest.mark.parametrize("mode", sorted(MODES))
def test_vm_modules_unlisted_and_sys_modules_cleared(mode):
    h = host("sysmodules_cleared.py")
    assert h.stdout.startswith("[]\nTrue True\n2021\nTrue\n") and \
        'raise ValueError("end")' in h.stderr, h.stdout + h.stderr
    _same(h, vm("sysmodules_cleared.py", extra_env=MODES[mode]))


def test_a_guest_importing_evalframe_gets_the_vms_own_modules(tmp_path):
    # (a second copy of the VM, with its own classes and tables, would break it)
    prog = ("import sys\n"
            "print([n for n in sys.modules if n.startswith('evalframe')])\n"
            "import evalframe.interpreter.ceval as c, evalframe\n"
            "print(c.run_code.__module__, evalframe.VM.__name__)\n"
            "def f():\n    return sys._getframe().f_code.co_name\n"
            "print(f(), type(f).__module__)\n")
    path = tmp_path / "imports_evalframe.py"
    path.write_text(prog)
    r = vm(str(path))
    assert r.returncode == 0, r.stderr
    assert r.stdout == "[]\nevalframe.interpreter.ceval VM\nf builtins\n", r.stdout


@pytest.mark.parametrize("mode", sorted(MODES))
def test_hooks_the_guest_installs_get_what_cpython_passes(mode):
    h = host("unraisable_hooks.py")
    assert "hook: None function A.__del__ ValueError in del ['__del__']" in h.stdout, h.stdout
    assert "Exception ignored in sys.unraisablehook: <function bad" in h.stderr
    assert "Exception in threading.excepthook:" in h.stderr
    _same(h, vm("unraisable_hooks.py", extra_env=MODES[mode]))


@pytest.mark.parametrize("mode", sorted(MODES))
def test_stacks_seen_from_guest_code_that_host_code_called(mode):
    h = host("stack_through_host_code.py")
    assert "cm ['cm', '__enter__', 'use', '<module>']" in h.stdout, h.stdout
    assert "thread ['target', 'run', '_bootstrap_inner', '_bootstrap']" in h.stdout
    _same(h, vm("stack_through_host_code.py", extra_env=MODES[mode]))


@pytest.mark.parametrize("mode", sorted(MODES))
def test_f_back_of_a_guest_frame_that_host_python_code_called(mode):
    # a thread's target, a contextmanager, total_ordering, json's default,
    # heapq.merge's generators and an asyncio coroutine: f_back is the host
    # frame that called (CPython's previous Python frame); sorted's key (C)
    # has the guest caller
    h = host("f_back_through_host_code.py")
    assert ("thread ['f_back_through_host_code.py:target', 'threading.py:run', "
            "'threading.py:_bootstrap_inner', 'threading.py:_bootstrap']") in h.stdout, h.stdout
    assert "'contextlib.py:__enter__', 'f_back_through_host_code.py:use'" in h.stdout
    assert "sorted key ['f_back_through_host_code.py:key', 'f_back_through_host_code.py:sort'" \
        in h.stdout
    _same(h, vm("f_back_through_host_code.py", extra_env=MODES[mode]))


@pytest.mark.parametrize("mode", sorted(MODES))
def test_hooked_modules_pickle_as_modules_and_vm_modules_stay_unlisted(mode):
    h = host("hooked_modules_pickle.py")
    assert "sys 2 cannot pickle 'module' object" in h.stdout, h.stdout
    _same(h, vm("hooked_modules_pickle.py", extra_env=MODES[mode]))
