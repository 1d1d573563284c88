"""Helpers for the boundary tests: run one program on the host and in evalframe."""

import os
import subprocess
import sys

from evalframe_testing import run_limited

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")

# the execution modes every guest test runs in (docs/vm.md): the plain loop,
# fused groups from the start, and the traced loop (``run --stats`` runs the
# program on it; its report is taken off stderr)
MODES = {
    "plain": {"EVALFRAME_NO_SUPERINSTRUCTIONS": "1"},
    "fused": {"EVALFRAME_EAGER_SUPERINSTRUCTIONS": "1"},
    "traced": {"--stats": "1"},
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
    # (``timeout`` is CPU time: evalframe_testing.run_limited)
    return run_limited([sys.executable] + list(argv), timeout, cwd=PROGRAMS,
                       env=env(extra_env), capture_output=True, text=True, input=input)


def host(prog, *args, **kw):
    return run([prog] + list(args), **kw)


def vm(prog, *args, run_opts=(), extra_env=None, **kw):
    extra_env = dict(extra_env or {})
    stats = extra_env.pop("--stats", None) is not None
    if stats:
        run_opts = ["--stats"] + list(run_opts)
    r = run(["-m", "evalframe", "run"] + list(run_opts) + [prog] + list(args),
            extra_env=extra_env, **kw)
    if stats:
        r.stderr = _without_stats(r.stderr)
    return r


def _without_stats(text):
    """stderr without run --stats's report (it starts with a blank line and the
    title, and ends with the maximum depth line)."""
    start = text.find("\n-- evalframe --stats")
    assert start >= 0, text
    end = text.find("\n", text.find("maximum frame depth:", start)) + 1
    return text[:start] + text[end:]


def same(h, v):
    assert (v.stdout, v.stderr, v.returncode) == (h.stdout, h.stderr, h.returncode)
