"""The benchmark programs as tests: they run, print a checksum, and evalframe agrees.

Not timing tests (nothing about speed is asserted).  For every bench/programs/*.py:
the host CPython runs it at its ``quick`` size and prints ``checksum``/``elapsed``;
then host and evalframe both run it at its ``tiny`` size and must print the same
checksum.  Reuses bench/run.py's runner so the harness itself is exercised too.
"""

import importlib.util
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("evalframe_bench_run", REPO_ROOT / "bench" / "run.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

BENCHMARKS = bench.list_benchmarks()
TIMEOUT = 120


def test_benchmarks_are_present():
    assert len(BENCHMARKS) >= 16, sorted(BENCHMARKS)
    # the styles issue 8 asked for: exceptions across frames, a generator
    # pipeline, a class model with properties and super(), formatting and dicts
    for name in ("exceptions", "generator_pipeline", "class_model", "string_format"):
        assert name in BENCHMARKS, name


@pytest.mark.parametrize("name", sorted(BENCHMARKS))
def test_runs_on_host_at_quick_size(name):
    prog = BENCHMARKS[name]
    sizes = bench.read_sizes(prog)
    assert sizes["tiny"] <= sizes["quick"] <= sizes["default"], sizes
    result = bench.run_once("cpython", prog, sizes["quick"], TIMEOUT)
    assert "error" not in result, result
    assert result["checksum"].strip(), result
    assert result["body"] >= 0


@pytest.mark.parametrize("name", sorted(BENCHMARKS))
def test_evalframe_checksum_matches_at_tiny_size(name):
    prog = BENCHMARKS[name]
    n = bench.read_sizes(prog)["tiny"]
    host = bench.run_once("cpython", prog, n, TIMEOUT)
    assert "error" not in host, host
    guest = bench.run_once("evalframe", prog, n, TIMEOUT)
    assert "error" not in guest, guest
    assert guest["checksum"] == host["checksum"]
