"""The regrtest runner (evalframe/regrtest.py): its driver's records and its table.

The numbers of the real runs are the runner's output, not assertions; these tests
check what the runner reports and the shape of what it writes.
"""

import json
import re
import textwrap

from evalframe import regrtest


def test_driver_records_every_outcome(tmp_path, monkeypatch):
    # A synthetic test module with each unittest outcome, run by the host driver.
    (tmp_path / "fake_regr_mod.py").write_text(textwrap.dedent("""
        import unittest
        class T(unittest.TestCase):
            def test_pass(self):
                pass
            def test_fail(self):
                self.assertEqual(1, 2)
            def test_error(self):
                raise KeyError("boom")
            @unittest.skip("not here")
            def test_skip(self):
                pass
            @unittest.expectedFailure
            def test_xfail(self):
                self.fail()
            @unittest.expectedFailure
            def test_xpass(self):
                pass
            def test_subtests(self):
                for i in range(3):
                    with self.subTest(i=i):
                        self.assertLess(i, 2)
        class Broken(unittest.TestCase):
            @classmethod
            def setUpClass(cls):
                raise RuntimeError("no class")
            def test_never(self):
                pass
    """))
    monkeypatch.syspath_prepend(str(tmp_path))
    out = tmp_path / "out.jsonl"
    # run_driver prefixes names with "test.": import this one under its own name.
    monkeypatch.setattr(regrtest, "full_name", lambda m: m)
    assert regrtest.run_driver("fake_regr_mod", "host", str(out)) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    outcomes = {r["id"].split(".")[-1]: r["outcome"] for r in records if "id" in r}
    assert outcomes == {"test_pass": "pass", "test_fail": "fail", "test_error": "error",
                        "test_skip": "skip", "test_xfail": "xfail", "test_xpass": "xpass",
                        "test_subtests": "fail", "Broken)": "error"}
    details = {r["id"].split(".")[-1]: r["detail"] for r in records if "id" in r}
    assert details["test_error"] == "KeyError: 'boom'"
    assert details["test_fail"] == "AssertionError: 1 != 2"
    assert records[-1]["done"] is True


ROW = re.compile(r"^\| (test_\w+) \|( \d+ \|){6} .+ \|$")


def test_runner_on_one_module(tmp_path):
    docs = tmp_path / "regrtest.md"
    docs.write_text("# title\n\nprose kept\n")
    out_json = tmp_path / "r.json"
    status = regrtest.main(["--modules", "test_augassign", "--docs", str(docs),
                            "--json", str(out_json), "--timeout", "600",
                            "--workdir", str(tmp_path / "work")])
    assert status == 0
    text = docs.read_text()
    assert text.startswith("# title\n\nprose kept\n")
    assert text.count(regrtest.BEGIN) == 1 and text.count(regrtest.END) == 1
    lines = text.splitlines()
    header = lines.index("| module | host run | host passed | evalframe run | evalframe passed "
                         "| same outcome | regressions | evalframe status |")
    assert lines[header + 1].startswith("|---|")
    assert ROW.match(lines[header + 2]), lines[header + 2]
    assert lines[header + 2].startswith("| test_augassign |")
    assert lines[header + 3].startswith("| **total (1 modules)** |")
    data = json.loads(out_json.read_text())
    host, vm = data[0]
    assert (host["module"], host["engine"], vm["engine"]) == ("test_augassign", "host",
                                                              "evalframe")
    assert host["status"] == "ok" and host["run"] > 0
    # Rerunning replaces the generated block and keeps the rest.
    regrtest.write_docs(str(docs), [(regrtest.ModuleRun("test_x", "host"),
                                     regrtest.ModuleRun("test_x", "evalframe"))])
    text = docs.read_text()
    assert text.count(regrtest.BEGIN) == 1 and "| test_x |" in text
    assert "test_augassign" not in text and "prose kept" in text


def test_restart_after_a_crash(tmp_path):
    # A test that kills its process: recorded as a crash, and the module goes on
    # in a new process without the tests already reported.
    work = tmp_path / "work"
    (work / "rtfake").mkdir(parents=True)
    (work / "rtfake" / "__init__.py").write_text("")
    (work / "rtfake" / "test_crashing.py").write_text(textwrap.dedent("""
        import os, unittest
        class T(unittest.TestCase):
            def test_a(self):
                pass
            def test_b(self):
                os._exit(3)
            def test_c(self):
                pass
            def test_d(self):
                raise OSError("d")
    """))
    run = regrtest.run_module("rtfake.test_crashing", "host", timeout=120, workdir=str(work))
    outcomes = {tid.rsplit(".", 1)[1]: o for tid, (o, _) in run.tests.items()}
    assert outcomes == {"test_a": "pass", "test_b": "crash", "test_c": "pass",
                        "test_d": "error"}
    assert run.status == "ok after restarts (1 crash)"
    assert run.tests["rtfake.test_crashing.T.test_b"][1] == \
        "the driver died (exit 3) during this test"
