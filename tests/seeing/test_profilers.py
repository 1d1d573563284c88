"""Profilers see guest code: ``evalframe run -m cProfile`` / ``-m profile``.

Regression tests for issue 11 point 4: the profilers reported the VM's own
functions (the host's C profiler timed evalframe) instead of the guest's.
Counts are deterministic; timings are not compared.
"""

import pstats
import re

from evalframe_testing import run_evalframe, run_host

WORK = '''\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def main():
    total = 0
    for i in range(15):
        total += fib(i)
    print(sorted([total, 3]))
main()
'''


def _rows(text):
    """{function label: ncalls} of a pstats listing."""
    rows = {}
    for line in text.splitlines():
        m = re.match(r"\s*(\d+(?:/\d+)?)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(.*)$", line)
        if m:
            rows[m.group(2)] = m.group(1)
    return rows


def _check(tmp_path, module):
    (tmp_path / "work.py").write_text(WORK)
    vm = run_evalframe(["run", "-m", module, "-s", "ncalls", "work.py"], cwd=tmp_path)
    assert vm.returncode == 0, vm.stderr
    assert "evalframe" not in vm.stdout
    host = run_host(["-m", module, "-s", "ncalls", "work.py"], cwd=tmp_path)
    rows, host_rows = _rows(vm.stdout), _rows(host.stdout)
    for label in ("work.py:1(fib)", "work.py:3(main)", "work.py:1(<module>)"):
        assert rows.get(label) == host_rows.get(label), (label, vm.stdout, host.stdout)
    assert rows["work.py:1(fib)"] == "3177/15"
    return rows


def test_cprofile_reports_guest_functions(tmp_path):
    rows = _check(tmp_path, "cProfile")
    assert rows["{built-in method builtins.sorted}"] == "1"


def test_profile_reports_guest_functions(tmp_path):
    rows = _check(tmp_path, "profile")
    assert rows[":0(sorted)"] == "1"


def test_cprofile_output_file_is_read_by_host_pstats(tmp_path):
    (tmp_path / "work.py").write_text(WORK)
    vm = run_evalframe(["run", "-m", "cProfile", "-o", "out.prof", "work.py"], cwd=tmp_path)
    assert vm.returncode == 0, vm.stderr
    stats = pstats.Stats(str(tmp_path / "out.prof")).stats
    fib = [v for k, v in stats.items() if k[2] == "fib"]
    assert len(fib) == 1 and fib[0][1] == 3177 and fib[0][0] == 15
    callers = fib[0][4]
    assert {k[2] for k in callers} == {"fib", "main"}
    assert not any("evalframe" in k[0] for k in stats)


def test_cprofile_rows_are_the_hosts(tmp_path):
    """Every row python -m cProfile prints, with its call count: also the C calls
    of the frame that enabled the profiler (cProfile's ``exec`` and its
    ``disable``), which the VM missed while that frame ran on in the plain
    loop (issue 11: the frame calling sys.setprofile is profiled)."""
    (tmp_path / "work.py").write_text(WORK)
    vm = run_evalframe(["run", "-m", "cProfile", "-s", "ncalls", "work.py"], cwd=tmp_path)
    host = run_host(["-m", "cProfile", "-s", "ncalls", "work.py"], cwd=tmp_path)
    assert vm.returncode == 0, vm.stderr
    rows, host_rows = _rows(vm.stdout), _rows(host.stdout)
    assert rows == host_rows, (vm.stdout, host.stdout)
    assert rows["{built-in method builtins.exec}"] == "1"
    assert rows["{method 'disable' of '_lsprof.Profiler' objects}"] == "1"
