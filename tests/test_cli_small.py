"""Small command-line defects (issue 10, point 11), each with its regression test.

``compile -o`` to a directory or a missing directory, ``compare`` of a missing
file, ``x is 1 is 2`` warning once, and .pyc errors naming their file.
"""

import sys

from evalframe_testing import run_evalframe, run_host


def test_compile_to_a_directory(tmp_path):
    (tmp_path / "p.py").write_text("print(1)\n")
    (tmp_path / "out").mkdir()
    got = run_evalframe(["compile", "p.py", "-o", "out"], cwd=tmp_path)
    assert got.returncode == 1
    assert got.stderr == "evalframe compile: cannot write 'out': Is a directory\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "p.py"]


def test_compile_into_a_missing_directory(tmp_path):
    (tmp_path / "p.py").write_text("print(1)\n")
    got = run_evalframe(["compile", "p.py", "-o", "missing/dir/x.pyc"], cwd=tmp_path)
    assert got.returncode == 1
    assert got.stderr == ("evalframe compile: cannot write 'missing/dir/x.pyc': "
                          "No such file or directory\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.py"]


def test_compare_missing_file_fails(tmp_path):
    got = run_evalframe(["compare", str(tmp_path / "nonexist.py"), "--ref", sys.executable])
    assert got.returncode == 2
    assert "cannot open" in got.stderr and "nonexist.py" in got.stderr


def test_chained_is_literal_warns_once(tmp_path):
    prog = tmp_path / "w.py"
    prog.write_text("x = 1\nprint(x is 1 is 2, 1 is x is not 2)\nif x is 1 is 2: pass\n")
    want = run_host([str(prog)])
    got = run_evalframe(["run", str(prog)])
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
    assert got.stderr.count("SyntaxWarning") == 3


def test_pyc_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.pyc"
    bad.write_bytes(b"garbage-not-a-pyc")
    got = run_evalframe(["run", str(bad)])
    assert got.returncode == 1
    assert got.stderr == "evalframe: bad magic number in %r: b'garb'\n" % str(bad)
    (tmp_path / "p.py").write_text("print(1)\n")
    assert run_evalframe(["compile", "p.py", "-o", "good.pyc"], cwd=tmp_path).returncode == 0
    truncated = tmp_path / "trunc.pyc"
    truncated.write_bytes((tmp_path / "good.pyc").read_bytes()[:25])
    got = run_evalframe(["run", str(truncated)])
    assert got.returncode == 1
    assert got.stderr == ("evalframe: bad marshal data in %r: marshal data too short\n"
                          % str(truncated))
