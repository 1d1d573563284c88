"""Start-up (docs/vm.md, "Start-up"): what evalframe does to start quickly
leaves nothing a guest can see.

* ``python -m evalframe`` pauses the garbage collector while the VM loads
  (pythonrun.pause_gc) and resumes it before any guest code runs: the guest
  finds the collector as python leaves it, under ``run`` and the other
  commands.
* The VM no longer imports ``dis`` (nor, through the guest ``dis`` routing,
  ``inspect``) at start: a guest's ``import dis`` imports no ``inspect``, as
  on CPython, and ``dis`` still shows guest code as 3.10 bytecode.

No timings here (bench/run.py measures start-up).
"""

import sys

from evalframe_testing import run_evalframe, run_host

GC_STATE = ("import gc\n"
            "print(gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())\n")


def test_the_collector_is_on_for_the_guest(tmp_path):
    (tmp_path / "prog.py").write_text(GC_STATE)
    (tmp_path / "mod.py").write_text(GC_STATE)
    want = run_host(["prog.py"], cwd=tmp_path)
    assert want.returncode == 0 and want.stdout.startswith("True ")
    for args, stdin in ((["prog.py"], None), (["-c", GC_STATE], None),
                        (["-m", "mod"], None), (["-"], GC_STATE)):
        got = run_evalframe(["run"] + args, cwd=tmp_path, input=stdin)
        assert (got.stdout, got.stderr, got.returncode) == (want.stdout, "", 0), args


def test_the_collector_is_on_under_the_other_commands(tmp_path):
    (tmp_path / "prog.py").write_text(GC_STATE)
    want = run_host(["prog.py"], cwd=tmp_path).stdout
    got = run_evalframe(["trace", "prog.py"], cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    assert want in got.stdout + got.stderr


def test_import_dis_imports_no_inspect():
    prog = ("import sys, dis\n"
            "print('inspect' in sys.modules, 'dis' in sys.modules)\n")
    want = run_host(["-c", prog])
    got = run_evalframe(["run", "-c", prog])
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, "", 0)


def test_dis_of_guest_code_still_routed():
    prog = ("import dis\n"
            "def f(x):\n"
            "    return x + 1\n"
            "dis.dis(f)\n")
    got = run_evalframe(["run", "-c", prog])
    assert got.returncode == 0, got.stderr
    # the VM's code holds 3.10 bytecode on every host (3.11+'s own dis would
    # print BINARY_OP for it, or fail)
    assert "BINARY_ADD" in got.stdout and "BINARY_OP" not in got.stdout, got.stdout
