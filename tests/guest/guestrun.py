"""Running one guest program on two engines: the host CPython and evalframe.

Shared by the differential corpus (test_programs.py), the benchmark smoke test
(test_bench_programs.py) and the host self-check (hostcheck.py).  It mirrors no
part of CPython; it plays the role of byterun's ``assert_ok`` and MicroPython's
run-tests: one program, two engines, and everything observable compared
(stdout, stderr, exit status).

Header markers: leading ``#`` comment lines of a program may say

    # host>=3.12          run only where the host is at least 3.12
    # host<3.13           run only where the host is older than 3.13
    # argv: one "two 2"   extra command line arguments (shlex-split) for sys.argv

and a file named ``*_py311.py`` behaves as if it said ``# host>=3.11``.
"""

import difflib
import os
import re
import shlex
import signal
import subprocess
import sys
from pathlib import Path

if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))    # (hostcheck.py)
from evalframe_testing import run_limited  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
PROGRAMS_DIR = Path(__file__).resolve().parent / "programs"
DEFAULT_TIMEOUT = 60

_HOST_RE = re.compile(r"#\s*host\s*(>=|<)\s*(\d+)\.(\d+)\s*$")
_ARGV_RE = re.compile(r"#\s*argv:(.*)$")


def list_programs(directory=PROGRAMS_DIR):
    """The corpus: every top-level ``*.py`` file (subfolders hold guest modules)."""
    return sorted(p for p in Path(directory).glob("*.py") if p.is_file())


def parse_markers(path):
    """Read the header markers of a program: {'host': [(op, (maj, min))], 'argv': [...]}."""
    markers = {"host": [], "argv": []}
    if path.name.endswith("_py311.py"):
        markers["host"].append((">=", (3, 11)))
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("#"):
                break
            m = _HOST_RE.match(line)
            if m:
                markers["host"].append((m.group(1), (int(m.group(2)), int(m.group(3)))))
                continue
            m = _ARGV_RE.match(line)
            if m:
                markers["argv"].extend(shlex.split(m.group(1)))
    return markers


def host_skip_reason(markers, version=None):
    """Why this host cannot run the program, or None when it can."""
    version = tuple(version or sys.version_info[:2])
    for op, want in markers["host"]:
        if op == ">=" and version < want:
            return "needs host Python >= %d.%d (host is %d.%d)" % (want + version)
        if op == "<" and version >= want:
            return "needs host Python < %d.%d (host is %d.%d)" % (want + version)
    return None


def guest_env():
    """The environment both engines get: identical, deterministic, evalframe importable."""
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONWARNINGS", None)
    env.pop("PYTHONINSPECT", None)
    # The same PYTHONPATH on both sides, so `-m evalframe` works from the
    # program's directory even without an editable install.
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(REPO_ROOT) + (os.pathsep + path if path else "")
    return env


class Outcome:
    """What one engine did with one program."""

    def __init__(self, stdout, stderr, status):
        self.stdout, self.stderr, self.status = stdout, stderr, status

    def __eq__(self, other):
        return (self.stdout, self.stderr, self.status) == (other.stdout, other.stderr, other.status)

    def __repr__(self):
        return "Outcome(status=%r, %d chars out, %d chars err)" % (
            self.status, len(self.stdout), len(self.stderr))


def run_engine(argv, cwd, timeout=DEFAULT_TIMEOUT, env=None, python=None):
    """Run a command line with the guest environment; a timeout becomes an Outcome too."""
    cmd = [python or sys.executable] + list(argv)
    try:
        # (``timeout`` is CPU time: evalframe_testing.run_limited)
        proc = run_limited(cmd, timeout, cwd=str(cwd), env=env or guest_env(),
                           stdin=subprocess.DEVNULL, capture_output=True)
    except subprocess.TimeoutExpired as e:
        def text(b):
            return (b or b"").decode("utf-8", "backslashreplace")
        return Outcome(text(e.stdout), text(e.stderr) + "\n<<timed out after %ss>>" % e.timeout,
                       "timeout")
    if proc.returncode == -signal.SIGXCPU:
        return Outcome(proc.stdout.decode("utf-8", "backslashreplace"),
                       proc.stderr.decode("utf-8", "backslashreplace")
                       + "\n<<stopped after %ss of CPU time>>" % timeout, "timeout")
    return Outcome(proc.stdout.decode("utf-8", "backslashreplace"),
                   proc.stderr.decode("utf-8", "backslashreplace"), proc.returncode)


def run_host(path, args=(), timeout=DEFAULT_TIMEOUT, python=None):
    """``python prog.py ARGS`` with the program's directory as cwd."""
    path = Path(path)
    return run_engine([path.name] + list(args), path.parent, timeout, python=python)


def run_evalframe(path, args=(), timeout=DEFAULT_TIMEOUT):
    """``python -m evalframe run prog.py ARGS`` with the program's directory as cwd."""
    path = Path(path)
    return run_engine(["-m", "evalframe", "run", path.name] + list(args), path.parent, timeout)


def _diff(expected, actual, what, limit=200):
    lines = list(difflib.unified_diff(expected.splitlines(keepends=True),
                                      actual.splitlines(keepends=True),
                                      "%s (host CPython)" % what, "%s (evalframe)" % what))
    if len(lines) > limit:
        lines = lines[:limit] + ["... (%d more diff lines)\n" % (len(lines) - limit)]
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def explain_difference(expected, actual):
    """A readable report of how evalframe's outcome differs from the host's."""
    parts = []
    if expected.status != actual.status:
        parts.append("exit status: host %r, evalframe %r\n" % (expected.status, actual.status))
    if expected.stdout != actual.stdout:
        parts.append(_diff(expected.stdout, actual.stdout, "stdout"))
    if expected.stderr != actual.stderr:
        parts.append(_diff(expected.stderr, actual.stderr, "stderr"))
    return "\n".join(parts)
