""".pyc files both ways, on whole programs of the guest corpus.

1. evalframe compiles each program to a .pyc (`evalframe compile FILE -o OUT`),
   CPython 3.10 runs that .pyc, and its output must equal `python3.10 FILE`.
2. CPython 3.10 compiles each program (py_compile), evalframe runs that .pyc
   (`evalframe run FILE.pyc`), and its output must equal the host's `python FILE`.

Both skip with a reason where CPython 3.10 is absent.
"""

import os
import subprocess

import pytest

from evalframe_testing import ROOT, reference_or_skip, run_evalframe, run_host

PROGRAMS_DIR = os.path.join(ROOT, "tests", "guest", "programs")
# Ordinary programs that finish normally and print only through stdout; their
# output does not depend on the file's name (a .pyc runs as <name>.pyc).
PROGRAMS = [
    "arith_int.py", "arith_float.py", "closures.py", "comprehensions.py",
    "decorators.py", "class_inheritance.py", "exc_finally_control.py",
    "exc_try_combinations.py", "algo_nqueens.py", "algo_sorting.py",
    "dict_methods.py", "descriptors.py", "context_managers.py", "augmented_assign.py",
]


def _run310(cmd, args, cwd):
    env = dict(os.environ, PYENV_VERSION="3.10.13", PYTHONHASHSEED="0")
    return subprocess.run(cmd + list(args), cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


def test_corpus_programs_exist():
    missing = [p for p in PROGRAMS if not os.path.exists(os.path.join(PROGRAMS_DIR, p))]
    assert not missing


@pytest.mark.parametrize("name", PROGRAMS)
def test_evalframe_pyc_runs_on_310(name, tmp_path):
    ref = reference_or_skip()
    src = os.path.join(PROGRAMS_DIR, name)
    out = tmp_path / (name[:-3] + ".pyc")
    made = run_evalframe(["compile", src, "-o", str(out)])
    assert made.returncode == 0, made.stderr
    want = _run310(ref, [src], PROGRAMS_DIR)
    got = _run310(ref, [str(out)], PROGRAMS_DIR)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode), got.stderr


@pytest.mark.parametrize("name", PROGRAMS)
def test_310_pyc_runs_on_evalframe(name, tmp_path):
    ref = reference_or_skip()
    src = os.path.join(PROGRAMS_DIR, name)
    out = tmp_path / (name[:-3] + ".cpython-310.pyc")
    made = _run310(ref, ["-c", "import py_compile, sys; py_compile.compile(sys.argv[1], sys.argv[2], doraise=True)",
                         src, str(out)], PROGRAMS_DIR)
    assert made.returncode == 0, made.stderr
    want = run_host([src], cwd=PROGRAMS_DIR)
    got = run_evalframe(["run", str(out)], cwd=PROGRAMS_DIR)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
