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


def run_host(args, cwd=None, input=None, timeout=60):
    """Run ``python args...`` with the host interpreter."""
    return subprocess.run([sys.executable] + list(args), cwd=cwd, input=input,
                          capture_output=True, text=True, env=_env(), timeout=timeout)


def run_evalframe(args, cwd=None, input=None, timeout=120):
    """Run ``python -m evalframe args...``."""
    return subprocess.run([sys.executable, "-m", "evalframe"] + list(args), cwd=cwd,
                          input=input, capture_output=True, text=True, env=_env(),
                          timeout=timeout)


def reference_or_skip():
    """The CPython 3.10 command, or skip the calling test with the reason."""
    from evalframe.reference import reference_python
    cmd = reference_python()
    if cmd is None:
        pytest.skip("CPython 3.10 is not available (set EVALFRAME_REF_PYTHON or install it with pyenv)")
    return cmd
