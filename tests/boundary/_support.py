"""Helpers for the boundary tests: run one program on the host and in evalframe."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")

# the execution modes every guest test runs in (docs/vm.md)
MODES = {
    "plain": {"EVALFRAME_NO_SUPERINSTRUCTIONS": "1"},
    "fused": {"EVALFRAME_EAGER_SUPERINSTRUCTIONS": "1"},
}


def env(extra=None):
    e = dict(os.environ)
    e["PYTHONHASHSEED"] = "0"
    e["PYTHONIOENCODING"] = "utf-8"
    e["PYTHONPATH"] = ROOT + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e.pop("EVALFRAME_NO_SUPERINSTRUCTIONS", None)
    e.pop("EVALFRAME_EAGER_SUPERINSTRUCTIONS", None)
    e.update(extra or {})
    return e


def run(argv, extra_env=None, timeout=120, input=None):
    return subprocess.run([sys.executable] + list(argv), cwd=PROGRAMS, env=env(extra_env),
                          capture_output=True, text=True, timeout=timeout, input=input)


def host(prog, *args, **kw):
    return run([prog] + list(args), **kw)


def vm(prog, *args, run_opts=(), **kw):
    return run(["-m", "evalframe", "run"] + list(run_opts) + [prog] + list(args), **kw)


def same(h, v):
    assert (v.stdout, v.stderr, v.returncode) == (h.stdout, h.stderr, h.returncode)
