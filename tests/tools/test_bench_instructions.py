"""bench/instructions.py: host instructions per unit of work under callgrind.

Not a timing test: nothing about the counts' size is asserted beyond what any
correct count must satisfy (evalframe runs more host instructions than the
CPython it runs on, and the sizes are the ones documented).
"""

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("evalframe_bench_instructions",
                                               REPO_ROOT / "bench" / "instructions.py")
instructions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(instructions)
PROGRAMS = instructions.list_benchmarks()


def test_sizes_double_the_quick_size_or_add_one_for_exponential_programs():
    assert instructions.sizes_for(PROGRAMS["call_heavy"]) == (3000, 6000)
    assert instructions.sizes_for(PROGRAMS["fib"]) == (20, 21)          # default 31
    assert instructions.sizes_for(PROGRAMS["fannkuch"]) == (7, 8)       # default 9
    for path in PROGRAMS.values():
        n1, n2 = instructions.sizes_for(path)
        assert n2 > n1


def test_parse_refs_and_ratio():
    stderr = ("==12== Callgrind, a call-graph generating cache profiler\n"
              "==12== Events    : Ir\n==12== Collected : 1234567\n==12==\n"
              "==12== I   refs:      1,234,567\n")
    assert instructions.parse_refs(stderr) == 1234567
    with pytest.raises(ValueError):
        instructions.parse_refs("no counts here")
    # start-up (the constant part) cancels: 1000 + 10*n against 100 + 2*n
    assert instructions.ratio((1000 + 10 * 5, 1000 + 10 * 9), (100 + 2 * 5, 100 + 2 * 9)) == 5.0
    with pytest.raises(ValueError):
        instructions.ratio((1, 2), (5, 5))
    assert instructions.geometric_mean([2.0, 8.0]) == pytest.approx(4.0)


@pytest.mark.skipif(shutil.which("valgrind") is None,
                    reason="valgrind is not installed (apt-get install valgrind)")
def test_counts_fib_on_cpython_and_tier2(tmp_path, capsys):
    out = tmp_path / "counts.json"
    assert instructions.main(["--only", "fib", "--json", str(out)]) == 0
    table = capsys.readouterr().out
    assert "fib" in table and "geometric mean" in table
    data = json.loads(out.read_text())
    (row,) = data["rows"]
    assert row["program"] == "fib" and row["sizes"] == [20, 21]
    assert row["cpython"][1] > row["cpython"][0] > 0
    assert row["tier2"][1] > row["tier2"][0]
    assert row["tier2_ratio"] > 1.0
    assert data["geometric_means"]["tier2"] == pytest.approx(row["tier2_ratio"])


def test_unknown_program_is_a_usage_error(capsys):
    if shutil.which("valgrind") is None:
        assert instructions.main(["--only", "nosuch"]) == 2
        return
    with pytest.raises(SystemExit) as exc:
        instructions.main(["--only", "nosuch"])
    assert exc.value.code == 2
    assert "no program 'nosuch'" in capsys.readouterr().err
