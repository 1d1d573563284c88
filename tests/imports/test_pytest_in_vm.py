"""Test suites really run in the VM: ``evalframe run -m pytest`` and the plugin.

Regression tests for issue 11 point 2: with assertion rewriting on (pytest's
default) and with xdist, ``evalframe run -m pytest`` ran the test modules on the
host.  A probe test checks from inside that it runs in the VM, and that its
assert was rewritten; ``--explain-imports`` says where each module ran.
"""

import pytest

from ._support import require_pipeline, run, run_evalframe, write_tree

pytestmark = pytest.mark.usefixtures("pipeline")


@pytest.fixture
def pipeline():
    require_pipeline()


PROBE = {
    "test_probe.py": """
        import sys, types
        import helper

        def test_module_runs_in_vm():
            assert type(test_module_runs_in_vm.__code__) is not types.CodeType
            assert type(sys._getframe().f_code) is not types.CodeType
            assert type(helper.twice.__code__) is not types.CodeType

        def test_assert_was_rewritten():
            x = [1, 2]
            try:
                assert x == [1, 3]
            except AssertionError as e:
                msg = str(e)
            assert "[1, 2] == [1, 3]" in msg, msg

        def test_fails_with_rewritten_message():
            d = {"a": 1}
            assert helper.twice(d["a"]) == 3
        """,
    "helper.py": """
        def twice(x):
            return 2 * x
        """,
}


def _check(out):
    assert "2 passed, 1 failed" in out.stdout or "1 failed, 2 passed" in out.stdout, out
    assert "assert 2 == 3" in out.stdout, out.stdout


def test_run_m_pytest_runs_tests_and_rewritten_asserts_in_vm(tmp_path):
    write_tree(tmp_path, PROBE)
    out = run_evalframe(["-m", "pytest", "-p", "no:cacheprovider", "test_probe.py"], tmp_path)
    assert out.status == 1, out
    _check(out)
    assert "evalframe: test modules and conftest files compiled by evalframe" in out.stdout
    assert any("ran in the VM" in line and "test_probe" in line
               for line in out.stdout.splitlines()), out.stdout


def test_xdist_workers_run_tests_in_vm(tmp_path):
    pytest.importorskip("xdist")
    write_tree(tmp_path, PROBE)
    out = run_evalframe(["-m", "pytest", "-p", "no:cacheprovider", "-n", "2", "test_probe.py"],
                        tmp_path)
    assert out.status == 1, out
    _check(out)


def test_plugin_in_a_host_pytest(tmp_path):
    write_tree(tmp_path, PROBE)
    out = run(["-m", "pytest", "-p", "no:cacheprovider", "-p", "evalframe.pytest_plugin",
               "test_probe.py"], tmp_path)
    assert out.status == 1, out
    _check(out)
    assert "plugin loaded into a host pytest" in out.stdout


def test_explain_imports_says_where_each_module_ran(tmp_path):
    write_tree(tmp_path, {"prog.py": "import json, helper\nprint(helper.twice(2))\n",
                          "helper.py": "def twice(x):\n    return 2 * x\n"})
    out = run(["-m", "evalframe", "run", "--explain-imports", "prog.py"], tmp_path)
    assert out.status == 0 and out.stdout == "4\n", out
    lines = out.stderr.splitlines()
    assert any(line.split()[:2] == ["vm", "helper"] for line in lines), out.stderr
    assert any(line.split()[:2] == ["host", "json"] and "--vm-modules=user" in line
               for line in lines), out.stderr
    assert not any("evalframe." in line for line in lines[1:]), out.stderr
