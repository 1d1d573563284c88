"""The command line, differentially: evalframe run vs the host CPython.

Covers the seed example, -c/-m, sys.argv and sys.path[0], exit statuses, and bad
input (missing files, syntax errors) reported in CPython's words.
"""

import os
import sys
import textwrap

import pytest

from evalframe_testing import SEED, run_evalframe, run_host

pytestmark = pytest.mark.smoke


def same(tmp_path, source, args=(), name="prog.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    want = run_host([str(path)] + list(args), cwd=tmp_path)
    got = run_evalframe(["run", str(path)] + list(args), cwd=tmp_path)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
    return got


def test_seed_prints_3():
    got = run_evalframe(["run", SEED])
    assert got.stdout == "3\n" and got.returncode == 0, got.stderr


def test_missing_file_is_cpythons_message(tmp_path):
    missing = tmp_path / "nope.py"
    want = run_host([str(missing)])
    got = run_evalframe(["run", str(missing)])
    assert got.returncode == want.returncode == 2
    assert got.stderr.split(": ", 1)[1] == want.stderr.split(": ", 1)[1]
    assert "can't open file" in got.stderr


def test_syntax_error_matches_host(tmp_path):
    got = same(tmp_path, "x = 1\ndef f(:\n    pass\n")
    assert got.returncode == 1 and "SyntaxError" in got.stderr


def test_compiler_syntax_error_matches_host(tmp_path):
    got = same(tmp_path, "print('a')\nreturn 5\n")
    assert "'return' outside function" in got.stderr


def test_uncaught_exception_traceback(tmp_path):
    same(tmp_path, """\
        def f(x):
            return 1 / x

        def g():
            return f(0)

        print("before")
        g()
        """)


def test_argv_and_main_name(tmp_path):
    same(tmp_path, """\
        import sys, os
        print(__name__, sys.argv[1:], os.path.basename(sys.argv[0]))
        print(os.path.basename(__file__))
        print(sys.path[0] == os.path.dirname(os.path.realpath(__file__)))
        """, args=["a", "-b", "--c"])


@pytest.mark.parametrize("tail,status", [
    ("sys.exit(3)", 3), ("sys.exit('bye')", 1), ("raise SystemExit", 0),
    ("sys.exit(None)", 0), ("exit(4)", 4), ("sys.exit(-1)", 255),
])
def test_exit_status(tmp_path, tail, status):
    got = same(tmp_path, "import sys\nprint('x')\n" + tail + "\n")
    assert got.returncode == status


def test_run_c(tmp_path):
    code = "import sys; print(sys.argv, repr(sys.path[0]), __name__)"
    want = run_host(["-c", code, "1", "2"], cwd=tmp_path)
    got = run_evalframe(["run", "-c", code, "1", "2"], cwd=tmp_path)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)


def test_run_m_package(tmp_path):
    pkg = tmp_path / "pk"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "__main__.py").write_text(
        "import sys, os\nprint(__name__, __package__, os.path.basename(sys.argv[0]), sys.argv[1:])\n"
        "print(__spec__.name, sys.path[0] == os.getcwd())\n")
    want = run_host(["-m", "pk", "x"], cwd=tmp_path)
    got = run_evalframe(["run", "-m", "pk", "x"], cwd=tmp_path)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)


def test_run_m_missing_module(tmp_path):
    want = run_host(["-m", "no_such_module_xyz"], cwd=tmp_path)
    got = run_evalframe(["run", "-m", "no_such_module_xyz"], cwd=tmp_path)
    assert got.returncode == want.returncode == 1
    assert got.stderr.split(": ", 1)[1] == want.stderr.split(": ", 1)[1]


def test_unknown_command_is_usage_error():
    got = run_evalframe(["frobnicate"])
    assert got.returncode == 2 and "unknown command" in got.stderr
    assert "Traceback" not in got.stderr
