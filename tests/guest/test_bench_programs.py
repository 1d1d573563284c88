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


def test_harness_reports_tiers_memory_and_startup(tmp_path):
    # One small run of bench/run.py as a user runs it: the JSON report has
    # CPython and tier 1 per program with peak memory, tier 2 only where
    # evalframe.interpreter.tier2 exists (otherwise the text says so), and the
    # start-up ratio.  Compile throughput is left out here (it takes a while).
    out = tmp_path / "report.json"
    status = bench.main(["--size", "tiny", "--only", "fib", "--startup-runs", "1",
                         "--repeat", "2", "--no-compile", "--json", str(out)])
    assert status == 0
    import json
    report = json.loads(out.read_text())
    row = report["results"][0]
    assert row["status"] == "ok", row
    for engine in ["cpython"] + report["engines"]:
        assert row[engine]["maxrss_kb"] > 0 and row[engine]["body"] >= 0
    assert report["engines"] == (["tier1", "tier2"] if report["tier2_available"] else ["tier1"])
    assert report["tier2_available"] == bench.tier2_available()
    assert row["ratio"]["tier1"] > 0
    assert report["startup"]["ratio"] > 0
    assert report["compile_throughput"] is None
    # the ratios use the body's CPU time; best and median of each time are kept
    assert row["ratio_basis"] == "cpu"
    for engine in ["cpython"] + report["engines"]:
        r = row[engine]
        assert r["runs"] == 2
        for key in ("body", "cpu", "total", "total_cpu"):
            assert r[key] <= r[key + "_median"], (engine, key, r)
    assert row["ratio_wall"]["tier1"] > 0 and row["ratio_median"]["tier1"] > 0
    assert report["geometric_means"]["tier1"]["basis"] == "cpu"


def test_cpu_line_is_optional():
    assert bench.parse_output("checksum 5\nelapsed 0.5\ncpu 0.25\n") == ("5", 0.5, 0.25)
    assert bench.parse_output("checksum 5\nelapsed 0.5\n") == ("5", 0.5, None)
    # without the programs' CPU time, the ratios fall back to wall time
    assert bench.ratio_basis({"cpu": None, "body": 1.0}, {"cpu": None, "body": 2.0}) == "body"
    assert bench.ratio_basis({"cpu": 0.5, "body": 1.0}, {"cpu": 0.7, "body": 2.0}) == "cpu"


def test_engines_run_in_turn_each_round(monkeypatch):
    # --repeat K: K rounds, each running every engine once, so that a change in
    # the machine's load reaches all of them; a failed engine is not run again
    calls = []

    def fake_run_once(engine, prog, n, timeout, root=None):
        calls.append((engine, root))
        if engine == "tier2":
            return {"error": "exit status 1: boom"}
        t = 1.0 + len(calls)
        return {"checksum": "7", "body": t, "cpu": t / 2, "total": t + 1,
                "total_cpu": t, "maxrss_kb": 100 + len(calls)}

    monkeypatch.setattr(bench, "run_once", fake_run_once)
    columns = [("cpython", "cpython", None), ("before", "tier1", "/old"),
               ("tier1", "tier1", None), ("tier2", "tier2", None)]
    got = bench.measure_interleaved(columns, BENCHMARKS["fib"], 5, 3, TIMEOUT)
    assert calls == [("cpython", None), ("tier1", "/old"), ("tier1", None), ("tier2", None),
                     ("cpython", None), ("tier1", "/old"), ("tier1", None),
                     ("cpython", None), ("tier1", "/old"), ("tier1", None)]
    assert got["tier2"] == {"error": "exit status 1: boom"}
    cp = got["cpython"]
    assert (cp["body"], cp["body_median"], cp["cpu"], cp["runs"]) == (2.0, 6.0, 1.0, 3)
    assert cp["maxrss_kb"] == 108


def test_a_checksum_that_changes_between_runs_is_an_error():
    runs = [{"checksum": "1", "body": 1.0, "cpu": 1.0, "total": 1.0, "total_cpu": 1.0,
             "maxrss_kb": None},
            {"checksum": "2", "body": 1.0, "cpu": 1.0, "total": 1.0, "total_cpu": 1.0,
             "maxrss_kb": None}]
    assert "checksum changed" in bench.summarize(runs)["error"]


def test_compile_throughput_on_one_file(monkeypatch):
    from evalframe.reference import reference_python
    if reference_python() is None:
        pytest.skip("CPython 3.10 is not available (set EVALFRAME_REF_PYTHON or install it with pyenv)")
    monkeypatch.setattr(bench, "COMPILE_FILES", ("string.py",))
    result = bench.measure_compile(TIMEOUT)
    assert "error" not in result, result
    assert result["files"] == 1 and result["lines"] > 100
    for tool in ("evalframe", "cpython310"):
        assert result[tool]["total"] > 0 and result[tool]["compile_cpu_inproc"] > 0
