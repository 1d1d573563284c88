"""``run --stats``: instructions by opname, calls by kind, frames and depth."""

import re
import subprocess
import sys

from ._run import env, write_program

PROGRAM = """\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def kw(a, b=1):
    return a + b

def gen():
    yield 1

class A:
    def __init__(self, v):
        self.v = v

    def m(self):
        return self.v

a = A(fib(5))
f = a.m
print(a.m(), f(), kw(1, b=2), list(gen()), len([1]))
"""


def run_stats(path):
    return subprocess.run([sys.executable, "-m", "evalframe.tools.stats", path],
                          capture_output=True, text=True, env=env(), timeout=120)


def counts(stderr):
    out = {}
    for line in stderr.splitlines():
        m = re.match(r"\s+(.*?)\s+(\d+)(?:\s+[\d.]+%)?$", line)
        if m:
            out[m.group(1)] = int(m.group(2))
    return out


def test_stats_counts(tmp_path):
    prog = write_program(tmp_path, PROGRAM)
    r = run_stats(prog)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "5 5 3 [1] 1\n"
    c = counts(r.stderr)
    # fib(5) makes 15 calls, all on the fast path; kw(1, b=2) uses the binder
    assert c["fast-path function (PCALL_FAST_FUNCTION)"] == 15
    assert c["general function (PCALL_FUNCTION, argument binder)"] == 1
    assert c["generator/coroutine function (PCALL_GENERATOR)"] == 1
    assert c["bound method (PCALL_BOUND_METHOD)"] == 1          # f()
    assert c["method via LOAD_METHOD (PCALL_METHOD)"] == 1      # a.m()
    assert c["type (PCALL_TYPE)"] == 2                          # A(...), list(...)
    assert c["host builtin (PCALL_CFUNCTION)"] == 3             # print, len, __build_class__
    assert c["CALL_FUNCTION"] >= 15 and c["RETURN_VALUE"] >= 15
    m = re.search(r"instructions executed: (\d+)", r.stderr)
    assert int(m.group(1)) == sum(v for k, v in c.items() if k.isupper())
    # <module>, class body, fib x15, __init__, m x2, kw, gen
    assert re.search(r"frames created: 22\b", r.stderr)
    assert re.search(r"maximum frame depth: 5\b", r.stderr)
