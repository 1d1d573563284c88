"""``evalframe run -m unittest``: the test modules run in the VM, the output is
python's byte for byte, and ``--explain-imports`` says what ran where.

The choice made for issue 11 point 2 ("the same for -m unittest"): unittest has no
header, and ``evalframe run`` prints what ``python`` prints, so no line is added to
its output; the report of where each module ran is ``--explain-imports`` (on
stderr at exit, after unittest's own output).  Each test module checks that it
runs in the VM under evalframe and on the host under python (a failure there
would show as a different output).
"""

import re

import pytest

from ._support import require_pipeline, run_evalframe, run_host, write_tree

TEST_MODULE = '''
import os, types, unittest
class T(unittest.TestCase):
    def test_engine(self):
        in_vm = type(T.test_engine.__code__) is not types.CodeType
        self.assertEqual(in_vm, os.environ.get("EXPECT_VM") == "1")
    def test_fails(self):
        "a docstring line"
        self.assertEqual([1, 2], [1, 3])
    @unittest.skip("why")
    def test_skip(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertEqual(1, 2)
    def test_error(self):
        {}["missing"]
'''


@pytest.fixture
def tree(tmp_path):
    require_pipeline()
    return write_tree(tmp_path, {
        "tests/__init__.py": "",
        "tests/test_x.py": TEST_MODULE,
        "test_top.py": TEST_MODULE.replace("class T", "class U").replace("T.test", "U.test"),
    })


def _norm(text):
    return re.sub(r"Ran (\d+) tests? in [0-9.]+s", r"Ran \1 tests in Ns", text)


@pytest.mark.parametrize("args", [
    ["-m", "unittest", "-v"],
    ["-m", "unittest", "discover", "-v", "-s", "tests", "-t", "."],
    ["-m", "unittest", "test_top", "tests.test_x"],
    ["-m", "unittest", "-q", "tests.test_x.T.test_fails"],
])
@pytest.mark.parametrize("policy", ["user", "all"])
def test_unittest_output_is_pythons(tree, args, policy):
    host = run_host(args, tree, extra_env={"EXPECT_VM": "0"})
    vm = run_evalframe(args, tree, vm_modules=policy, extra_env={"EXPECT_VM": "1"})
    assert "FAIL: test_engine" not in host.stderr and "ERROR: test_engine" not in host.stderr
    assert (vm.stdout, _norm(vm.stderr), vm.status) == (host.stdout, _norm(host.stderr), host.status)


def test_explain_imports_names_the_vm_modules(tree):
    vm = run_evalframe(["--explain-imports", "-m", "unittest", "test_top", "tests.test_x"],
                       tree, extra_env={"EXPECT_VM": "1"})
    report = vm.stderr[vm.stderr.index("evalframe: imports explained"):]
    rows = {line.split()[1]: line.split()[0] for line in report.splitlines()
            if line.startswith("    ")}
    assert rows["test_top"] == rows["tests"] == rows["tests.test_x"] == "vm", report
    assert rows["unittest.__main__"] == "vm", report        # the main module: run as __main__
    assert rows["unittest.case"] == "host", report          # --vm-modules=user
    assert "ERROR: test_engine" not in vm.stderr and "FAIL: test_engine" not in vm.stderr
