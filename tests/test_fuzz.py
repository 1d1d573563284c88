"""The differential fuzzer (python3 -m evalframe.fuzz): a small fixed-seed budget.

The budget here takes seconds; ``python3 -m evalframe.fuzz -n 5000`` is the
long run (docs/cli.md).  Also: the fuzzer does find and shrink a mismatch,
the generator writes valid 3.10-syntax programs, and the .pyc checker flags
a reader that fails the wrong way.
"""

import argparse
import os

import pytest

from evalframe.fuzz import __main__ as fuzz_main
from evalframe.fuzz import pycmutate
from evalframe.fuzz.generator import generate_seeded


def test_fixed_seed_budget_has_no_mismatch(tmp_path, capsys):
    status = fuzz_main.main(["-n", "12", "--seed", "ci", "--hypothesmith", "0.25",
                             "--pyc", "150", "--out", str(tmp_path / "found"),
                             "--progress", "1000",
                             "--vm-modes", "fused,plain,eager,traced"])
    out = capsys.readouterr().out
    assert status == 0, out
    try:
        import hypothesmith  # noqa: F401  (installed by the 'fuzz' extra)
        drawn = "programs 12 (ours 9, hypothesmith 3)"
    except ImportError:
        drawn = "programs 9 (ours 9, hypothesmith 0)"
        assert "hypothesmith is not installed" in out
    assert drawn + "; run mismatches 0" in out
    assert "pyc mutants 150, findings 0" in out
    assert not (tmp_path / "found").exists()


def _args(tmp_path, **kw):
    args = argparse.Namespace(no_dis=True, out=str(tmp_path / "found"), shrink_budget=200,
                              progress=1000, seed="t")
    vars(args).update(kw)
    return args


def test_a_mismatch_is_found_and_shrunk(tmp_path, capsys):
    # A stand-in "VM" that differs from the host on every host version: the
    # host itself under -O (asserts are gone).
    import sys
    from evalframe.fuzz.runner import Worker
    filler = "\n".join("v%d = %d\nprint(v%d)" % (i, i, i) for i in range(8))
    program = filler + "\ntry:\n    assert v1 == 0, 'v1'\nexcept AssertionError as e:\n" \
        "    print('assert', e)\n" + filler
    fuzzer = fuzz_main.Fuzzer(_args(tmp_path))
    fuzzer.differ.vm.close()
    fuzzer.differ.vm = Worker("host", [sys.executable, "-O"])
    try:
        fuzzer.check(program, "ours")
    finally:
        fuzzer.close()
    assert fuzzer.counts["run_mismatches"] == 1
    [(kind, path, what)] = fuzzer.findings
    assert kind == "run" and "assert v1" in what
    with open(path) as f:
        small = f.read()
    assert "assert v1 == 0" in small and "v5" not in small
    assert len(small.splitlines()) < len(program.splitlines()) // 3


def test_generated_programs_are_valid_310_syntax():
    import ast
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i in range(300):
            source = generate_seeded("syntax", i)
            ast.parse(source, feature_version=(3, 10))
            compile(source, "p%d" % i, "exec")


def test_generator_covers_its_features():
    text = "".join(generate_seeded("cover", i) for i in range(200))
    for feature in ("/,", "*args", "**kw", "nonlocal", "finally", "yield from", ".throw(",
                    "super().", "@property", "match ", "case ", "with CM(", "raise ",
                    "from e", ":= ", "async def", "await ", "async for", "metaclass=",
                    "__set_name__", "__slots__", ".format("):
        assert feature in text, feature


def test_pyc_checker_flags_a_reader_that_fails_the_wrong_way(monkeypatch):
    image = pycmutate.seeds("t", 1)[0]
    assert pycmutate.check(image) is None
    assert pycmutate.check(image[:20]) is None          # PycError: fine

    def broken(data, name=None):
        raise IndexError("index out of range")
    monkeypatch.setattr(pycmutate.pyc, "load_pyc", broken)
    assert pycmutate.check(image) == "IndexError: index out of range"


def test_dis_comparison_with_310(tmp_path, monkeypatch):
    from evalframe_testing import reference_or_skip
    from evalframe.fuzz import runner
    reference_or_skip()
    fuzzer = fuzz_main.Fuzzer(_args(tmp_path, no_dis=False))
    try:
        assert fuzzer.ref is not None
        program = generate_seeded("dis", 1)
        assert fuzzer.dis_mismatch(program) is None
        # a listing that reads differently from python3.10 -m dis is reported
        real = runner.our_listing
        monkeypatch.setattr(runner, "our_listing",
                            lambda path: real(path).replace("LOAD_NAME", "LOAD_GLOBAL", 1))
        what = fuzzer.dis_mismatch(program)
        assert what is not None and "+" in what and "LOAD_GLOBAL" in what
    finally:
        fuzzer.close()


def test_traced_mode_runs_under_a_guest_tracer(tmp_path):
    from evalframe.fuzz.runner import Differ
    path = tmp_path / "t.py"
    path.write_text("import sys\nprint(sys.gettrace() is None)\n")
    differ = Differ(("fused", "traced"))
    try:
        host, (fused, traced) = differ.outcomes(str(path))
    finally:
        differ.close()
    assert host["out"] == fused["out"] == "True\n"
    assert traced["out"] == "False\n"
