"""Whole programs run by the host CPython and by ``evalframe run`` (subprocesses).

Shared by the VM's program-level differential tests.  Caret lines (``^^^^``)
are left out of the comparison: they come from the compiler's positions.
"""

import os
import re
import subprocess
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_CARETS = re.compile(r"^ *[~^]+ *$")


def _env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("PYTHONWARNINGS", None)
    return env


def _run(argv, cwd):
    proc = subprocess.run([sys.executable] + argv, cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=120)
    keep = lambda text: [line for line in text.splitlines() if not _CARETS.match(line)]
    return keep(proc.stdout), keep(proc.stderr), proc.returncode




def run_both(tmp_path, source, modules=None):
    """Write ``source`` (and ``modules``: relative path -> text) into tmp_path;
    return ((stdout, stderr, status) of the host, the same of evalframe)."""
    for rel, text in (modules or {}).items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    (tmp_path / "prog.py").write_text(textwrap.dedent(source))
    host = _run(["prog.py"], tmp_path)
    vm = _run(["-m", "evalframe", "run", "prog.py"], tmp_path)
    return host, vm


def _diff(what, expected, got):
    import difflib
    return "%s differs:\n%s" % (what, "\n".join(difflib.unified_diff(
        expected, got, "host CPython", "evalframe", lineterm="")))


def assert_same(tmp_path, source, modules=None):
    host, vm = run_both(tmp_path, source, modules)
    assert vm[0] == host[0], _diff("stdout", host[0], vm[0])
    assert vm[1] == host[1], _diff("stderr", host[1], vm[1])
    assert vm[2] == host[2], "exit status: host %r, evalframe %r" % (host[2], vm[2])
