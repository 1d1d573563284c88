"""Recursion: guest calls never recurse in the host; limits end in RecursionError."""

import os
import subprocess
import sys

import pytest

from evalframe.interpreter.ceval import run_code
from ._diff import compile_ours, host_outcome, vm_outcome

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _run_vm_subprocess(source):
    script = ("import sys\nfrom evalframe.compiler import compile_source\n"
              "from evalframe.interpreter.ceval import run_code\n"
              "src = sys.stdin.read()\n"
              "try:\n    run_code(compile_source(src, '<rec>', 'exec', 0, True, -1), {'__name__': '__main__'})\n"
              "except RecursionError as e:\n    print('RecursionError', e)\n")
    env = dict(os.environ, PYTHONPATH=ROOT)
    return subprocess.run([sys.executable, "-c", script], input=source, capture_output=True,
                          text=True, env=env, timeout=300)


def test_deep_recursion_with_raised_limit():
    src = ("import sys\nsys.setrecursionlimit(100000)\n"
           "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(50000), sys.getrecursionlimit())\n")
    proc = _run_vm_subprocess(src)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "50000 100000\n"


def test_runaway_recursion_with_raised_limit():
    src = ("import sys\nsys.setrecursionlimit(100000)\n"
           "def f(n):\n    return f(n + 1)\nf(0)\n")
    proc = _run_vm_subprocess(src)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "RecursionError maximum recursion depth exceeded\n"


def test_runaway_host_reentry_does_not_crash():
    # every level goes guest -> host (__call__ slot) -> guest
    src = ("import sys\nsys.setrecursionlimit(100000)\n"
           "class A:\n    def __call__(self, n):\n        return self(n + 1)\nA()(0)\n")
    proc = _run_vm_subprocess(src)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("RecursionError maximum recursion depth exceeded")


def test_default_limit_depth_matches_host():
    src = ("def f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n        return n\n"
           "print(f(0) > 900)\n")
    assert vm_outcome(compile_ours(src)) == host_outcome(src)


# The last traceback line of a RecursionError at the default limit: the call
# that could not push its frame.  A fused group (LOAD_FAST self; LOAD_METHOD;
# CALL_METHOD) must be placed at its CALL_METHOD, so the carets span the whole
# call ``self.toks()`` as the host's do, not ``self`` alone (issue 12, point 4).
RECURSION_TRACEBACKS = {
    "mutual_methods": ("class P:\n    def peek(self):\n        return self.toks()\n"
                       "    def toks(self):\n        return self.peek()\nP().peek()\n"),
    "self_method": ("class S:\n    def peek(self):\n        return self.peek()\nS().peek()\n"),
    "mutual_functions": ("def a(n):\n    return b(n + 1)\ndef b(n):\n    return a(n)\na(0)\n"),
    "method_with_args": ("class T:\n    def walk(self, node, depth):\n"
                         "        return self.walk(node, depth + 1) + 1\nT().walk(None, 0)\n"),
}


@pytest.mark.parametrize("name", sorted(RECURSION_TRACEBACKS))
def test_recursion_traceback_matches_host(name, tmp_path):
    from evalframe_testing import run_evalframe, run_host
    path = tmp_path / (name + ".py")
    path.write_text(RECURSION_TRACEBACKS[name])
    want = run_host([str(path)])
    got = run_evalframe(["run", str(path)])
    assert "RecursionError" in want.stderr
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr,
                                                         want.returncode)


def test_runaway_generator_nesting_does_not_crash():
    # every level resumes the next generator from a generator body's for loop
    # (tier2gen.emit_inline_step, which counts no host re-entry below
    # INLINE_UNCOUNTED_DEPTH): the nest ends in RecursionError, not in a crash
    # of the host's C stack; a nest past that depth but within the limit runs
    src = ("import sys\nsys.setrecursionlimit(100000)\n"
           "def h(n):\n    if n:\n        for x in h(n - 1):\n            yield x\n"
           "    else:\n        yield 'bottom'\n"
           "print(list(h(5)), list(h(1500)), list(h(2500)))\n"
           "def g(n):\n    for x in g(n + 1):\n        yield x\n    yield n\n"
           "for v in g(0):\n    pass\n")
    proc = _run_vm_subprocess(src)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ("['bottom'] ['bottom'] ['bottom']\n"
                           "RecursionError maximum recursion depth exceeded\n")
