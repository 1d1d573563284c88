"""Helpers for the import tests: write a package tree, run it on the host and on evalframe.

Mirrors no part of CPython; it plays the role of Lib/test/test_importlib/util.py's
temporary module trees plus a differential runner (same command line on both engines).
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def write_tree(root, files):
    """Create ``{relative path: source}`` under ``root`` (sources are dedented)."""
    root = Path(root)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def env(extra=None, dont_write_bytecode=True):
    e = dict(os.environ)
    e["PYTHONHASHSEED"] = "0"
    e["PYTHONIOENCODING"] = "utf-8"
    for name in ("PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONINSPECT",
                 "EVALFRAME_VM_MODULES_EXTRA", "PYTHONPYCACHEPREFIX"):
        e.pop(name, None)
    if dont_write_bytecode:
        e["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        e.pop("PYTHONDONTWRITEBYTECODE", None)
    path = e.get("PYTHONPATH")
    e["PYTHONPATH"] = str(REPO_ROOT) + (os.pathsep + path if path else "")
    e.update(extra or {})
    return e


class Outcome:
    def __init__(self, proc):
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.status = proc.returncode

    def key(self):
        return (self.stdout, self.stderr, self.status)

    def __repr__(self):
        return "Outcome(status=%r)\n--- stdout\n%s--- stderr\n%s" % (
            self.status, self.stdout, self.stderr)


def run(argv, cwd, extra_env=None, timeout=180, dont_write_bytecode=True):
    proc = subprocess.run([sys.executable] + list(argv), cwd=str(cwd),
                          env=env(extra_env, dont_write_bytecode), capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=timeout)
    return Outcome(proc)


def run_host(argv, cwd, **kw):
    """``python ARGV`` on the host; python's messages name the program as evalframe's do."""
    out = run(argv, cwd, **kw)
    out.stderr = out.stderr.replace(sys.executable + ": ", "evalframe: ")
    return out


def run_evalframe(argv, cwd, vm_modules=None, **kw):
    """``python -m evalframe run [--vm-modules=X] ARGV``."""
    opts = ["--vm-modules=%s" % vm_modules] if vm_modules else []
    return run(["-m", "evalframe", "run"] + opts + list(argv), cwd, **kw)


def assert_same(host, vm):
    assert vm.key() == host.key(), "host:\n%r\nevalframe:\n%r" % (host, vm)


def require_pipeline():
    """Skip (with the reason) while the compiler or the VM has not landed in the repo."""
    for name in ("evalframe.compiler", "evalframe.interpreter.ceval"):
        try:
            mod = __import__(name, fromlist=["_"])
        except ImportError as exc:
            pytest.skip("the evalframe pipeline is not available yet (%s)" % exc)
    from evalframe import compiler
    if not hasattr(compiler, "compile_source"):
        pytest.skip("evalframe.compiler.compile_source is not written yet")
