"""Host instructions per unit of work: each benchmark program on CPython and on
evalframe under callgrind, as a ratio that does not move with the machine's load.

    python bench/instructions.py [--only NAME ...] [--engines tier2,tier1]
                                 [--root DIR] [--jobs K] [--json FILE]

bench/run.py's ratios are CPU times, which a shared machine moves by 10-30% from one
run to the next; this companion counts what the host executes instead (valgrind's
callgrind, `I refs`), the figure docs/vm.md reports for each change.  Each program
runs at two sizes, its ``quick`` size N1 and N2 (twice N1; N1 + 1 for the programs
whose work grows exponentially with N: a default size of at most 40), on every
engine, and the ratio is

    (evalframe(N2) - evalframe(N1)) / (cpython(N2) - cpython(N1))

so that start-up, imports and compilation, paid once at either size, cancel.
Same environment as bench/run.py (PYTHONHASHSEED=0, the tree on PYTHONPATH, cwd =
bench/programs), the same engines (``cpython``, ``tier1``, ``tier2``), checksums
checked to agree.  Needs valgrind on PATH; about 20-60 s of CPU per program and
engine.  Not a test: nothing is asserted about the counts.
"""

import argparse
import json
import math
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ENGINES, PROGRAMS_DIR, bench_env, list_benchmarks, read_sizes  # noqa: E402

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def sizes_for(path):
    """(N1, N2) for the program at ``path``: its quick size and a larger one."""
    sizes = read_sizes(path)
    n1 = sizes["quick"]
    return (n1, n1 + 1) if sizes["default"] <= 40 else (n1, 2 * n1)


def parse_refs(stderr):
    """callgrind's total instruction count (``I refs``) from its stderr."""
    m = _REFS.search(stderr)
    if m is None:
        raise ValueError("no 'I refs' line in valgrind's output")
    return int(m.group(1).replace(",", ""))


def checksum_of(stdout):
    for line in stdout.splitlines():
        if line.startswith("checksum "):
            return line[len("checksum "):]
    raise ValueError("no checksum line in output")


def count(engine, prog, n, root=None, timeout=1800):
    """(instructions, checksum) of one run of ``prog`` at size ``n`` on ``engine``."""
    argv, extra = ENGINES[engine]
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv(prog, n)
    env = bench_env(None if engine == "cpython" else root, extra)
    proc = subprocess.run(cmd, env=env, cwd=str(PROGRAMS_DIR), capture_output=True,
                          text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError("%s %s %s failed (exit %d): %s" % (
            engine, prog.name, n, proc.returncode, proc.stderr.strip().splitlines()[-1:]))
    return parse_refs(proc.stderr), checksum_of(proc.stdout)


def ratio(engine_counts, cpython_counts):
    """The per-unit instruction ratio from (count at N1, count at N2) pairs."""
    work = cpython_counts[1] - cpython_counts[0]
    if work <= 0:
        raise ValueError("CPython did no more work at the larger size")
    return (engine_counts[1] - engine_counts[0]) / work


def geometric_mean(values):
    values = list(values)
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[],
                    help="program name(s), comma-separated; repeatable")
    ap.add_argument("--engines", default="tier2",
                    help="evalframe engines to count, comma-separated (tier1, tier2)")
    ap.add_argument("--root", help="the source tree whose evalframe runs (default: this one)")
    ap.add_argument("--jobs", type=int, default=2, help="valgrind processes at once")
    ap.add_argument("--json", help="write the counts and ratios to this file")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("bench/instructions.py: valgrind is not installed (apt-get install valgrind)",
              file=sys.stderr)
        return 2
    engines = [e for e in args.engines.split(",") if e]
    for e in engines:
        if e not in ("tier1", "tier2"):
            ap.error("unknown engine %r (tier1, tier2)" % e)
    programs = list_benchmarks()
    only = [n for item in args.only for n in item.split(",") if n]
    for name in only:
        if name not in programs:
            ap.error("no program %r (have: %s)" % (name, ", ".join(programs)))
    names = only or list(programs)
    jobs = [(name, engine, n) for name in names for engine in ["cpython"] + engines
            for n in sizes_for(programs[name])]
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {job: pool.submit(count, job[1], programs[job[0]], job[2], args.root)
                   for job in jobs}
        results = {job: f.result() for job, f in futures.items()}
    rows = []
    for name in names:
        n1, n2 = sizes_for(programs[name])
        py = (results[name, "cpython", n1][0], results[name, "cpython", n2][0])
        row = {"program": name, "sizes": [n1, n2], "cpython": list(py)}
        for engine in engines:
            ef = (results[name, engine, n1][0], results[name, engine, n2][0])
            for n in (n1, n2):
                if results[name, engine, n][1] != results[name, "cpython", n][1]:
                    raise SystemExit("%s %s: checksum %s differs from CPython's %s" % (
                        name, engine, results[name, engine, n][1],
                        results[name, "cpython", n][1]))
            row[engine] = list(ef)
            row[engine + "_ratio"] = ratio(ef, py)
        rows.append(row)
    head = "%-20s %8s %16s" % ("program", "sizes", "cpython instr/d")
    for engine in engines:
        head += " %10s" % engine
    print(head)
    for row in rows:
        line = "%-20s %8s %16s" % (row["program"], "%d,%d" % tuple(row["sizes"]),
                                   "{:,}".format(row["cpython"][1] - row["cpython"][0]))
        for engine in engines:
            line += " %9.2fx" % row[engine + "_ratio"]
        print(line)
    means = {e: geometric_mean(r[e + "_ratio"] for r in rows) for e in engines}
    print("%-20s %8s %16s" % ("geometric mean", "", "") +
          "".join(" %9.2fx" % means[e] for e in engines))
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "geometric_means": means},
                                              indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
