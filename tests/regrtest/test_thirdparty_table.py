"""evalframe.thirdparty's bookkeeping (no download, no suite run): JUnit XML in,
outcomes and the table out, VM-only failures counted as tests that pass on the
host and not in the VM, the probe left out of the counts."""

from evalframe import thirdparty as tp

XML = """<?xml version="1.0"?>
<testsuites><testsuite>
<testcase classname="tests.test_a" name="test_ok"/>
<testcase classname="tests.test_a" name="test_vm_breaks"/>
<testcase classname="tests.test_a" name="test_skip"><skipped/></testcase>
<testcase classname="tests.test_evalframe_probe" name="test_evalframe_probe"/>
</testsuite></testsuites>
"""


def test_junit_outcomes_and_table(tmp_path):
    path = tmp_path / "host.xml"
    path.write_text(XML)
    host = tp.SuiteRun("six", "host")
    host.outcomes = tp._junit(str(path))
    host.seconds, host.status = 2.0, "exit 0"
    assert host.outcomes["tests.test_a::test_skip"] == "skip"
    assert host.passed == 3 and host.probe == "pass"
    vm = tp.SuiteRun.from_dict(dict(host.as_dict(), engine="vm", seconds=20.0))
    vm.outcomes = dict(host.outcomes, **{"tests.test_a::test_vm_breaks": "fail"})
    row = tp.table([(host, vm)]).splitlines()[2]
    assert row == "| six | 1.16.0 | 2 | 1 | 1 | pass | 10x |"
    assert tp.vm_only_failures([(host, vm)]) == ["six: tests.test_a::test_vm_breaks (fail)"]
