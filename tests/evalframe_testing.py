"""Shared test helpers: run evalframe and the host CPython as subprocesses.

Differential tests compare the two; compiler tests compare with CPython 3.10
through evalframe.reference, and skip with a reason where 3.10 is absent.
"""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "examples", "seed_add.py")


def _env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("PYTHONSTARTUP", None)
    return env


# A child that runs away is stopped by the CPU time it used, not by the clock:
# with the suite's workers (and other suites) sharing the cores, a child gets
# a fraction of one, and a wall-clock limit that fits an idle machine stopped
# programs that would have finished (audit_hook_recursion_tracing.py: 10 s of
# CPU, 60 s allowed; recursion_through_c_high_limit.py: 21 s, 120 s allowed).
# ``timeout`` arguments are CPU seconds; the clock limit is only for a child
# that waits for ever (it uses no CPU).
WALL_LIMIT = 900


def cpu_limit(seconds):
    """A ``preexec_fn``: the child (each process it starts too) may use
    ``seconds`` of CPU time, then SIGXCPU ends it."""
    def set_limit():
        import resource
        resource.setrlimit(resource.RLIMIT_CPU, (int(seconds), int(seconds) + 5))
    return set_limit


def run_limited(cmd, timeout, **kw):
    """subprocess.run of ``cmd`` under ``timeout`` CPU seconds (WALL_LIMIT of the clock)."""
    return subprocess.run(cmd, preexec_fn=cpu_limit(timeout), timeout=max(WALL_LIMIT, timeout),
                          **kw)


def run_host(args, cwd=None, input=None, timeout=60):
    """Run ``python args...`` with the host interpreter."""
    return run_limited([sys.executable] + list(args), timeout, cwd=cwd, input=input,
                       capture_output=True, text=True, env=_env())


def run_evalframe(args, cwd=None, input=None, timeout=120):
    """Run ``python -m evalframe args...``."""
    return run_limited([sys.executable, "-m", "evalframe"] + list(args), timeout, cwd=cwd,
                       input=input, capture_output=True, text=True, env=_env())


def reference_or_skip():
    """The CPython 3.10 command, or skip the calling test with the reason."""
    from evalframe.reference import reference_python
    cmd = reference_python()
    if cmd is None:
        pytest.skip("CPython 3.10 is not available (set EVALFRAME_REF_PYTHON or install it with pyenv)")
    return cmd
