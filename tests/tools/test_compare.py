"""The compare tool, checked without our compiler: 3.10 against itself, perturbed.

``--ours`` substitutes the compiler under test; here it is CPython 3.10 (via
marshal), unchanged or with a deliberate difference, so the tool's verdicts are
known in advance.
"""

import json
import os

import pytest

from evalframe.objects.codeobject import Code
from evalframe.tools import compare

from ._ref import compile_ref, need_ref, ref_python

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "dis_corpus")
ME = __name__


def compile_same(source, path, mode):
    return compile_ref(source, path, mode)


def _perturb(code, fn):
    consts = tuple(_perturb(c, fn) if isinstance(c, Code) else c for c in code.co_consts)
    return fn(code.replace(co_consts=consts))


def compile_perturbed(source, path, mode):
    """3.10's code with the stack size of every `closures` function off by one."""
    def fn(co):
        if co.co_name == "closures":
            return co.replace(co_stacksize=co.co_stacksize + 1)
        return co
    return _perturb(compile_ref(source, path, mode), fn)


def compile_swapped(source, path, mode):
    """3.10's code with the first instruction of `control` changed to NOP."""
    def fn(co):
        if co.co_name == "control":
            return co.replace(co_code=bytes([9, 0]) + co.co_code[2:])
        return co
    return _perturb(compile_ref(source, path, mode), fn)


def compile_broken(source, path, mode):
    raise NotImplementedError("not yet")


@pytest.fixture
def corpus(tmp_path):
    need_ref()
    for name in ("features.py",):
        with open(os.path.join(CORPUS, name), "rb") as f:
            (tmp_path / name).write_bytes(f.read())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "seed.py").write_text(
        "def add(x, y):\n    return x + y\n\nprint(add(1,2))\n")
    (tmp_path / "sub" / "py2.py").write_text('print "python 2"\n')
    (tmp_path / "sub" / "notes.txt").write_text("not python")
    return tmp_path


def _run(corpus, ours, *extra):
    report = str(corpus / "report.json")
    status = compare.main([str(corpus), "--ours", "%s:%s" % (ME, ours),
                           "--ref", ref_python()[0], "--report", report] + list(extra))
    with open(report) as f:
        return status, json.load(f)


def test_reference_against_itself_is_identical(corpus, capsys):
    status, report = _run(corpus, "compile_same", "-j", "1")
    assert status == 0
    s = report["summary"]
    assert (s["files"], s["files_identical"], s["files_skipped"]) == (3, 2, 1)
    assert s["files_different"] == s["files_failed"] == 0
    assert s["code_objects_compared"] == s["code_objects_identical"] > 20
    assert s["percent_identical"] == 100.0
    by_name = {os.path.basename(f["path"]): f for f in report["files"]}
    assert by_name["py2.py"]["status"] == "skipped"
    assert "SyntaxError" in by_name["py2.py"]["first_difference"]
    out = capsys.readouterr().out
    assert "code objects compared: %d" % s["code_objects_compared"] in out


def test_perturbed_stacksize_is_found_in_parallel(corpus, capsys):
    status, report = _run(corpus, "compile_perturbed", "-j", "2")
    assert status == 0
    by_name = {os.path.basename(f["path"]): f for f in report["files"]}
    bad = by_name["features.py"]
    assert bad["status"] == "different"
    assert bad["categories"] == ["co_stacksize"]
    assert bad["compared"] == bad["identical"] + 1
    assert bad["first_difference"].startswith("closures (line 29): co_stacksize differs")
    assert "-co_stacksize" in bad["first_difference"]
    assert by_name["seed.py"]["status"] == "identical"
    s = report["summary"]
    assert s["code_objects_identical"] == s["code_objects_compared"] - 1
    assert s["top_categories"] == [["co_stacksize", 1]]
    assert "features.py: different" in capsys.readouterr().out


def test_instruction_difference_shows_a_dis_diff(corpus):
    status, report = _run(corpus, "compile_swapped", "-j", "1")
    bad = {os.path.basename(f["path"]): f for f in report["files"]}["features.py"]
    assert bad["categories"] == ["co_code: NOP instead of LOAD_GLOBAL"]
    text = bad["first_difference"]
    assert "--- cpython-3.10" in text and "+++ evalframe" in text
    assert any(line.startswith("-") and "LOAD_GLOBAL" in line for line in text.splitlines())
    assert any(line.startswith("+") and "NOP" in line for line in text.splitlines())


def test_our_compiler_failing_is_reported_failed(corpus):
    status, report = _run(corpus, "compile_broken", "-j", "1")
    assert status == 0
    s = report["summary"]
    assert (s["files_failed"], s["files_skipped"], s["files_compiled"]) == (2, 1, 0)
    assert all("NotImplementedError: not yet" in f["first_difference"]
               for f in report["files"] if f["status"] == "failed")


def test_markdown_report(corpus):
    need_ref()
    report = str(corpus / "report.md")
    assert compare.main([str(corpus / "sub"), "--ours", ME + ":compile_broken",
                         "--report", report, "-j", "1"]) == 0
    text = open(report).read()
    assert text.startswith("# evalframe compare report")
    assert "## failed (1)" in text and "## skipped (1)" in text


def test_compare_code_is_type_aware():
    base = Code(co_name="f", co_consts=(1, 0.0, (1, 2)))
    for consts in [(True, 0.0, (1, 2)), (1.0, 0.0, (1, 2)), (1, -0.0, (1, 2)),
                   (1, 0.0, (1, 2.0))]:
        compared, identical, diffs = compare.compare_code(base.replace(co_consts=consts),
                                                          base)
        assert (compared, identical) == (1, 0) and diffs[0][0] == "co_consts"
    nan = Code(co_consts=(float("nan"),))
    assert compare.compare_code(nan, nan.replace())[:2] == (1, 1)


def test_missing_nested_code_object():
    inner = Code(co_name="inner", co_firstlineno=3)
    outer = Code(co_name="outer", co_consts=(inner, None))
    compared, identical, diffs = compare.compare_code(outer.replace(co_consts=(None,)), outer)
    assert compared == 2 and identical == 0
    cats = [c for c, _ in diffs]
    assert cats == ["co_consts", "extra or missing code object"]
    assert "inner (line 3): only in cpython-3.10" in diffs[1][1]


def test_collect_files(corpus):
    files = compare.collect_files([str(corpus)])
    assert [os.path.relpath(f, corpus) for f in files] == [
        "features.py", os.path.join("sub", "py2.py"), os.path.join("sub", "seed.py")]
