"""Benchmark harness: each program in bench/programs/ timed on the host CPython and on evalframe.

    python bench/run.py [--quick | --size tiny|quick|default] [--only NAME ...]
                        [--repeat K] [--json FILE] [--timeout SECONDS] [--host-only]

Both engines run in the same invocation, as subprocesses with the same environment
(PYTHONHASHSEED=0, the repository on PYTHONPATH, cwd = bench/programs):

    python prog.py N                      # host CPython
    python -m evalframe run prog.py N     # evalframe

Each program times its own benchmark body with time.perf_counter and prints
``checksum ...`` and ``elapsed SECONDS``; the harness also measures the whole
process (startup, compiling, imports).  The ratio uses the in-program times so
that compile and startup costs are reported separately.  With --repeat K the
minimum over K runs is kept.  The two checksums must agree.  Mirrors the role of
pyperformance's runner, without its statistics.  Not a test: no timing is asserted.
"""

import argparse
import ast
import json
import math
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROGRAMS_DIR = BENCH_DIR / "programs"
REPO_ROOT = BENCH_DIR.parent
SIZE_NAMES = ("tiny", "quick", "default")


def list_benchmarks():
    """Every bench/programs/*.py, by name."""
    return {p.stem: p for p in sorted(PROGRAMS_DIR.glob("*.py"))}


def read_sizes(path):
    """The program's SIZES dict, read without running it (it must be a literal)."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "SIZES" for t in node.targets):
            sizes = ast.literal_eval(node.value)
            missing = [s for s in SIZE_NAMES if s not in sizes]
            if missing:
                raise ValueError("%s: SIZES lacks %s" % (path, ", ".join(missing)))
            return sizes
    raise ValueError("%s has no SIZES literal" % path)


def bench_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(REPO_ROOT) + (os.pathsep + path if path else "")
    return env


ENGINES = {
    "cpython": lambda prog, n: [sys.executable, prog.name, str(n)],
    "evalframe": lambda prog, n: [sys.executable, "-m", "evalframe", "run", prog.name, str(n)],
}


def parse_output(stdout):
    """(checksum string, elapsed float) from a benchmark's stdout, or raise ValueError."""
    checksum = elapsed = None
    for line in stdout.splitlines():
        if line.startswith("checksum "):
            checksum = line[len("checksum "):]
        elif line.startswith("elapsed "):
            elapsed = float(line[len("elapsed "):])
    if checksum is None or elapsed is None:
        raise ValueError("no checksum/elapsed lines in output")
    return checksum, elapsed


def run_once(engine, prog, n, timeout):
    """One process: {'checksum', 'body', 'total'} or {'error'}."""
    cmd = ENGINES[engine](prog, n)
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=str(prog.parent), env=bench_env(), capture_output=True,
                              text=True, encoding="utf-8", errors="backslashreplace",
                              stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": "timeout after %ss" % timeout}
    total = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        return {"error": "exit status %s: %s" % (proc.returncode, tail)}
    try:
        checksum, body = parse_output(proc.stdout)
    except ValueError as e:
        return {"error": str(e)}
    return {"checksum": checksum, "body": body, "total": total}


def measure(engine, prog, n, repeat, timeout):
    """Best of `repeat` runs; checksums must agree between the runs."""
    best = None
    for _ in range(repeat):
        r = run_once(engine, prog, n, timeout)
        if "error" in r:
            return r
        if best is not None and r["checksum"] != best["checksum"]:
            return {"error": "checksum changed between runs: %r vs %r" % (best["checksum"], r["checksum"])}
        if best is None:
            best = r
        else:
            best = {"checksum": r["checksum"], "body": min(best["body"], r["body"]),
                    "total": min(best["total"], r["total"])}
    return best


def geometric_mean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_time(r, key):
    return "%.4f" % r[key] if r and key in r else "-"


def print_table(rows, size_name, out=sys.stdout):
    header = ("program", "N", "cpython s", "evalframe s", "ratio", "cpy total", "ef total", "check")
    lines = [header]
    for row in rows:
        cp, ef = row["cpython"], row.get("evalframe")
        ratio = "%.1fx" % row["ratio"] if row.get("ratio") else "-"
        lines.append((row["name"], str(row["n"]), fmt_time(cp, "body"), fmt_time(ef, "body"), ratio,
                      fmt_time(cp, "total"), fmt_time(ef, "total"), row["status"]))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out.write("size: %s\n" % size_name)
    for i, line in enumerate(lines):
        out.write("  ".join(cell.ljust(w) if j in (0, 7) else cell.rjust(w)
                            for j, (cell, w) in enumerate(zip(line, widths))).rstrip() + "\n")
        if i == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Time bench/programs on CPython and evalframe.")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    group.add_argument("--size", choices=SIZE_NAMES, default=None, help="size set to use (default: default)")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="run only this benchmark (repeatable, or comma-separated)")
    parser.add_argument("--repeat", type=int, default=1, metavar="K", help="runs per engine; the minimum is kept")
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per process (default 600)")
    parser.add_argument("--host-only", action="store_true", help="time CPython only (checks the programs)")
    args = parser.parse_args(argv)
    size_name = "quick" if args.quick else (args.size or "default")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    available = list_benchmarks()
    wanted = [n for item in args.only for n in item.split(",") if n]
    unknown = [n for n in wanted if n not in available]
    if unknown:
        parser.error("unknown benchmark(s): %s (have: %s)" % (", ".join(unknown), ", ".join(available)))
    names = wanted or list(available)

    rows, failures = [], 0
    for name in names:
        prog = available[name]
        n = read_sizes(prog)[size_name]
        sys.stderr.write("%s (N=%s) ...\n" % (name, n))
        row = {"name": name, "n": n, "cpython": measure("cpython", prog, n, args.repeat, args.timeout)}
        if not args.host_only:
            row["evalframe"] = measure("evalframe", prog, n, args.repeat, args.timeout)
        cp, ef = row["cpython"], row.get("evalframe")
        if "error" in cp:
            row["status"] = "cpython: " + cp["error"]
        elif ef is None:
            row["status"] = "ok (host only)"
        elif "error" in ef:
            row["status"] = "evalframe: " + ef["error"]
        elif ef["checksum"] != cp["checksum"]:
            row["status"] = "CHECKSUM MISMATCH %r vs %r" % (cp["checksum"], ef["checksum"])
        else:
            row["status"] = "ok"
            row["ratio"] = ef["body"] / cp["body"] if cp["body"] > 0 else None
        failures += not row["status"].startswith("ok")
        rows.append(row)

    print_table(rows, size_name)
    gmean = geometric_mean([r.get("ratio") for r in rows])
    total_ratio = geometric_mean([r["evalframe"]["total"] / r["cpython"]["total"]
                                  for r in rows if r.get("ratio")])
    if gmean is not None:
        print("geometric mean of ratios (benchmark body): %.2fx over %d programs"
              % (gmean, sum(1 for r in rows if r.get("ratio"))))
        print("geometric mean of ratios (whole process):  %.2fx" % total_ratio)
    if failures:
        print("%d program(s) failed" % failures)

    if args.json:
        report = {
            "size": size_name, "repeat": args.repeat,
            "host": {"python": platform.python_version(), "implementation": platform.python_implementation(),
                     "executable": sys.executable, "machine": platform.machine()},
            "geometric_mean_ratio": gmean, "geometric_mean_total_ratio": total_ratio,
            "results": rows,
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
