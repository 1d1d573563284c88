"""Benchmark harness: each program in bench/programs/ timed on the host CPython and on
evalframe's tier 1 and tier 2, plus start-up and compile throughput, in one run.

    python bench/run.py [--quick | --size tiny|quick|default] [--only NAME ...]
                        [--repeat K] [--json FILE] [--timeout SECONDS] [--host-only]
                        [--root DIR] [--before DIR] [--startup-runs K] [--no-startup]
                        [--no-compile]

All engines run in the same invocation, as subprocesses with the same environment
(PYTHONHASHSEED=0, the repository on PYTHONPATH, cwd = bench/programs):

    python prog.py N                                        # host CPython
    EVALFRAME_TIER2=off  python -m evalframe run prog.py N  # evalframe, tier 1
    EVALFRAME_TIER2=auto python -m evalframe run prog.py N  # evalframe, tier 2

Tier 2 is measured only where evalframe.interpreter.tier2 exists in the tree being
run; otherwise the report says so (no number is made up).  ``--before DIR`` adds
tier 1 of another source tree (an export of an older commit) as a column measured
right next to the others, for before/after tables.  Each program times its
own benchmark body with time.perf_counter and time.process_time and prints
``checksum ...``, ``elapsed SECONDS`` and ``cpu SECONDS``; the harness also
measures the whole process (wall, and CPU from the child's rusage) and its peak
memory (VmHWM of that child, sampled from /proc every 5 ms).  The ratios use the
in-program CPU times (wall time where a program prints none), so that compile and
start-up costs are reported separately and the time a process waits for a core on
a shared machine does not count: start-up as ``evalframe run`` of an empty file
against ``python`` of it, and compile throughput as ``evalframe compile`` against
``python3.10 -m py_compile`` over a fixed set of CPython 3.10 stdlib files (one
process per file each).  With --repeat K the engines run interleaved, K rounds of
one run each, and the best and the median of each time are kept.  All checksums
must agree.  Mirrors the role of pyperformance's runner, without its statistics.
Not a test: no timing is asserted.
"""

import argparse
import ast
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
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


def bench_env(root=None, extra=None):
    """The environment of every benchmark process: deterministic, ``root``'s
    evalframe importable (the bench's own repository by default)."""
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(root or REPO_ROOT) + (os.pathsep + path if path else "")
    if extra:
        env.update(extra)
    return env


def _evalframe(prog, n):
    return [sys.executable, "-m", "evalframe", "run", prog.name, str(n)]


# engine -> (command line for (program, N), environment overrides)
ENGINES = {
    "cpython": (lambda prog, n: [sys.executable, prog.name, str(n)], {}),
    "evalframe": (_evalframe, {}),                        # as configured by the environment
    "tier1": (_evalframe, {"EVALFRAME_TIER2": "off"}),
    "tier2": (_evalframe, {"EVALFRAME_TIER2": "auto"}),
}
EF_ENGINES = ("tier1", "tier2")


def tier2_available(root=None):
    """Whether the evalframe under ``root`` has a tier 2 (evalframe.interpreter.tier2)."""
    proc = subprocess.run([sys.executable, "-c",
                           "import importlib.util, sys; "
                           "sys.exit(importlib.util.find_spec('evalframe.interpreter.tier2') is None)"],
                          env=bench_env(root), capture_output=True, cwd=str(PROGRAMS_DIR))
    return proc.returncode == 0


def parse_output(stdout):
    """(checksum string, elapsed float, cpu float or None) from a benchmark's
    stdout, or raise ValueError.  ``cpu`` is the body's time.process_time()
    (a program without a ``cpu`` line gives None)."""
    checksum = elapsed = cpu = None
    for line in stdout.splitlines():
        if line.startswith("checksum "):
            checksum = line[len("checksum "):]
        elif line.startswith("elapsed "):
            elapsed = float(line[len("elapsed "):])
        elif line.startswith("cpu "):
            cpu = float(line[len("cpu "):])
    if checksum is None or elapsed is None:
        raise ValueError("no checksum/elapsed lines in output")
    return checksum, elapsed, cpu


def _peak_sampler(pid, done, found):
    """Sample the child's VmHWM (the high-water mark of its own memory, in KiB) from
    /proc until it ends.  ru_maxrss cannot be used: a child spawned from this
    process starts from a copy of the harness's memory, whose high-water mark the
    kernel carries across exec, so every small program would show the harness's size."""
    path = "/proc/%d/status" % pid
    while True:
        try:
            with open(path, "rb") as f:
                for line in f:
                    if line.startswith(b"VmHWM:"):
                        found[0] = max(found[0], int(line.split()[1]))
                        break
        except (OSError, ValueError):
            return
        if done.wait(0.005):
            return


def spawn(cmd, cwd, env, timeout):
    """Run ``cmd``; (returncode or None on timeout, stdout, stderr, seconds, peak RSS in
    KiB or None).  The peak is the child's own VmHWM, sampled every 5 ms (Linux);
    ``spawn.cpu`` is then the child's CPU time (user + system, from os.wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=str(cwd), env=env, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        done, found = threading.Event(), [0]
        sampler = None
        if os.path.exists("/proc/self/status"):
            sampler = threading.Thread(target=_peak_sampler, args=(proc.pid, done, found),
                                       daemon=True)
            sampler.start()
        cpu = None
        try:
            if hasattr(os, "wait4"):
                # reaped here for the child's CPU time (user + system)
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                cpu = usage.ru_utime + usage.ru_stime
            else:
                proc.wait()
        finally:
            done.set()
            timed_out = not timer.is_alive()
            timer.cancel()
        elapsed = time.perf_counter() - t0
        if sampler is not None:
            sampler.join()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "backslashreplace")
        stderr = err.read().decode("utf-8", "backslashreplace")
    spawn.cpu = cpu     # the last child's CPU seconds, for callers that want them
    return (None if timed_out else proc.returncode), stdout, stderr, elapsed, (found[0] or None)


def run_once(engine, prog, n, timeout, root=None):
    """One process: {'checksum', 'body', 'cpu', 'total', 'total_cpu', 'maxrss_kb'}
    or {'error'}.  ``body`` and ``cpu`` are the program's own wall and CPU
    time of main(N); ``total`` and ``total_cpu`` the whole process's (wall,
    and user + system from the child's rusage)."""
    build, extra = ENGINES[engine]
    status, stdout, stderr, total, maxrss = spawn(build(prog, n), prog.parent,
                                                  bench_env(root, extra), timeout)
    if status is None:
        return {"error": "timeout after %ss" % timeout}
    if status != 0:
        tail = (stderr.strip().splitlines() or ["(no stderr)"])[-1]
        return {"error": "exit status %s: %s" % (status, tail)}
    try:
        checksum, body, cpu = parse_output(stdout)
    except ValueError as e:
        return {"error": str(e)}
    return {"checksum": checksum, "body": body, "cpu": cpu, "total": total,
            "total_cpu": spawn.cpu, "maxrss_kb": maxrss}


# What is kept of the runs of one engine: the best (minimum) and the median of each time.
TIMES = ("body", "cpu", "total", "total_cpu")


def summarize(runs):
    """The runs of one engine on one program -> {'checksum', TIME: best, TIME +
    '_median': median, 'maxrss_kb': the largest peak, 'runs': the run count} or
    {'error'}; the checksums must agree between the runs."""
    for r in runs:
        if "error" in r:
            return r
    first = runs[0]["checksum"]
    for r in runs[1:]:
        if r["checksum"] != first:
            return {"error": "checksum changed between runs: %r vs %r" % (first, r["checksum"])}
    out = {"checksum": first, "runs": len(runs),
           "maxrss_kb": max(r["maxrss_kb"] or 0 for r in runs) or None}
    for key in TIMES:
        values = [r[key] for r in runs if r.get(key) is not None]
        if len(values) == len(runs):
            out[key] = min(values)
            out[key + "_median"] = _median(values)
    return out


def measure_interleaved(columns, prog, n, repeat, timeout):
    """Each column (name, engine, root) run once per round, in turn, ``repeat``
    rounds: a change in the machine's load during the runs hits every engine
    alike, where engine after engine would give it to one of them.  A column
    that failed is not run again.  {name: summarize(its runs)}."""
    runs = {name: [] for name, _, _ in columns}
    for _ in range(repeat):
        for name, engine, root in columns:
            done = runs[name]
            if done and "error" in done[-1]:
                continue
            done.append(run_once(engine, prog, n, timeout, root))
    return {name: summarize(done) for name, done in runs.items()}


def ratio_basis(cp, r):
    """The key the ratios use: the body's CPU time when both engines report
    it (a shared machine's load moves it far less than wall time), else the
    wall time."""
    return "cpu" if cp.get("cpu") and r.get("cpu") is not None else "body"


def geometric_mean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_time(r, key):
    return "%.4f" % r[key] if r and key in r else "-"


def fmt_mem(r):
    return "%.1f" % (r["maxrss_kb"] / 1024.0) if r and r.get("maxrss_kb") else "-"


def fmt_ratio(row, engine, key="ratio"):
    ratio = row.get(key, {}).get(engine)
    return "%.1fx" % ratio if ratio else "-"


def _write_table(lines, left, out):
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for i, line in enumerate(lines):
        out.write("  ".join(cell.ljust(w) if j in left else cell.rjust(w)
                            for j, (cell, w) in enumerate(zip(line, widths))).rstrip() + "\n")
        if i == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def print_table(rows, size_name, engines, out=sys.stdout):
    """One line per program: the body's CPU time (best, and the median of the
    runs), ratios to CPython on it and on wall time, peak memory, whole-process
    wall time, check."""
    header = ["program", "N", "cpy cpu", "cpy med"]
    for e in engines:
        header += ["%s cpu" % e, "%s med" % e, "%s/cpy" % e, "wall"]
    header += ["cpy MB"] + ["%s MB" % e for e in engines]
    header += ["cpy total"] + ["%s total" % e for e in engines] + ["check"]
    lines = [header]
    for row in rows:
        cp = row["cpython"]
        line = [row["name"], str(row["n"]), fmt_time(cp, "cpu"), fmt_time(cp, "cpu_median")]
        for e in engines:
            line += [fmt_time(row.get(e), "cpu"), fmt_time(row.get(e), "cpu_median"),
                     fmt_ratio(row, e), fmt_ratio(row, e, "ratio_wall")]
        line += [fmt_mem(cp)] + [fmt_mem(row.get(e)) for e in engines]
        line += [fmt_time(cp, "total")] + [fmt_time(row.get(e), "total") for e in engines]
        line.append(row["status"])
        lines.append(line)
    out.write("size: %s; times in seconds, best of the runs (med: their median); "
              "ENGINE/cpy: ratio of the best CPU times of the benchmark body, wall: of "
              "the best wall times\n" % size_name)
    _write_table(lines, (0, len(header) - 1), out)


# -- start-up ------------------------------------------------------------------------

def measure_startup(runs, timeout, root=None):
    """Best and median wall (and CPU) time of ``python empty.py`` and
    ``python -m evalframe run empty.py``, the two run in turn."""
    tmp = Path(tempfile.mkdtemp(prefix="evalframe-bench-"))
    try:
        empty = tmp / "empty.py"
        empty.write_text("", encoding="utf-8")
        engines = (("cpython", [sys.executable, empty.name]),
                   ("evalframe", [sys.executable, "-m", "evalframe", "run", empty.name]))
        for name, cmd in engines:
            # One run first that may write bytecode caches, as an installed
            # package has them: the timed runs (bench_env sets
            # PYTHONDONTWRITEBYTECODE) would otherwise compile every module of
            # a clean clone again at each start.
            warm = bench_env(root)
            warm.pop("PYTHONDONTWRITEBYTECODE", None)
            spawn(cmd, tmp, warm, timeout)
        walls = {name: [] for name, _ in engines}
        cpus = {name: [] for name, _ in engines}
        for _ in range(runs):
            # (in turn: a change in the machine's speed hits both alike)
            for name, cmd in engines:
                status, _, stderr, elapsed, maxrss = spawn(cmd, tmp, bench_env(root), timeout)
                if status != 0:
                    return {"error": "%s: exit status %s: %s" % (name, status, stderr.strip()[-200:])}
                walls[name].append(elapsed)
                if spawn.cpu is not None:
                    cpus[name].append(spawn.cpu)
        result = {}
        for name, _ in engines:
            result[name] = min(walls[name])
            result[name + "_median"] = _median(walls[name])
            result[name + "_cpu"] = min(cpus[name]) if cpus[name] else None
        result["ratio"] = result["evalframe"] / result["cpython"]
        # each round's two runs were made a moment apart: the median of the
        # rounds' ratios holds when the machine's load changes during the runs
        result["ratio_median"] = _median([e / c for e, c in zip(walls["evalframe"],
                                                                 walls["cpython"])])
        if cpus["evalframe"] and len(cpus["evalframe"]) == len(cpus["cpython"]):
            result["ratio_cpu_median"] = _median([e / c for e, c in zip(cpus["evalframe"],
                                                                         cpus["cpython"])])
        else:
            result["ratio_cpu_median"] = None
        result["ratio_cpu"] = (result["evalframe_cpu"] / result["cpython_cpu"]
                               if result["cpython_cpu"] else None)
        result["runs"] = runs
        return result
    finally:
        shutil.rmtree(str(tmp), ignore_errors=True)


def _median(values):
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


# -- compile throughput ----------------------------------------------------------------

# A fixed set of CPython 3.10 stdlib modules (about 19,000 lines): varied, mid-sized.
COMPILE_FILES = (
    "argparse.py", "ast.py", "collections/__init__.py", "dataclasses.py", "difflib.py",
    "fractions.py", "inspect.py", "json/decoder.py", "pprint.py", "shlex.py", "string.py",
    "textwrap.py", "tokenize.py", "typing.py",
)


def _python310():
    sys.path.insert(0, str(REPO_ROOT))
    try:
        from evalframe.reference import reference_python, _ref_env
    finally:
        sys.path.pop(0)
    cmd = reference_python()
    return (cmd, _ref_env()) if cmd else (None, None)


# The compilers alone, in one process over all the files: CPU seconds spent compiling.
_COMPILE_OURS = r"""
import sys, time
from evalframe.compiler import compile_source
total = 0.0
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        src = f.read()
    t = time.process_time()
    compile_source(src, path, "exec")
    total += time.process_time() - t
print(total)
"""
_COMPILE_310 = _COMPILE_OURS.replace("from evalframe.compiler import compile_source\n", "").replace(
    'compile_source(src, path, "exec")', 'compile(src, path, "exec", dont_inherit=True)')


def measure_compile(timeout, root=None):
    """``evalframe compile`` vs ``python3.10 -m py_compile`` over COMPILE_FILES.

    Both run one process per file on copies of the files (so 3.10's own
    __pycache__ is left alone); start-up is measured on an empty file for
    each tool and also reported subtracted."""
    ref, ref_env = _python310()
    if ref is None:
        return {"error": "CPython 3.10 is not available: compile throughput not measured"}
    proc = subprocess.run(ref + ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                          capture_output=True, text=True, env=ref_env)
    lib = Path(proc.stdout.strip())
    tmp = Path(tempfile.mkdtemp(prefix="evalframe-compile-"))
    try:
        files, lines = [], 0
        for i, rel in enumerate(COMPILE_FILES):
            src = lib / rel
            if not src.is_file():
                return {"error": "%s is missing from %s" % (rel, lib)}
            dst = tmp / ("m%02d_%s" % (i, rel.replace("/", "_")))
            shutil.copyfile(str(src), str(dst))
            lines += len(dst.read_bytes().splitlines())
            files.append(dst)
        (tmp / "empty.py").write_text("", encoding="utf-8")
        env_ef = bench_env(root)
        env_ref = dict(ref_env)
        env_ref["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")

        def ours(path):
            return [sys.executable, "-m", "evalframe", "compile", path.name, "-o",
                    str(tmp / (path.stem + ".ef.pyc"))]

        def theirs(path):
            return ref + ["-m", "py_compile", path.name]

        result = {"files": len(files), "lines": lines}
        names = [p.name for p in files]
        for name, build, env, inproc in (
                ("evalframe", ours, env_ef, [sys.executable, "-c", _COMPILE_OURS] + names),
                ("cpython310", theirs, env_ref, ref + ["-c", _COMPILE_310] + names)):
            startup = startup_cpu = None
            for _ in range(3):
                status, _, err, elapsed, _ = spawn(build(tmp / "empty.py"), tmp, env, timeout)
                if status != 0:
                    return {"error": "%s on an empty file: %s" % (name, err.strip()[-300:])}
                startup = elapsed if startup is None else min(startup, elapsed)
                if spawn.cpu is not None:
                    startup_cpu = spawn.cpu if startup_cpu is None else min(startup_cpu, spawn.cpu)
            total = cpu = 0.0
            for path in files:
                status, _, err, elapsed, _ = spawn(build(path), tmp, env, timeout)
                if status != 0:
                    return {"error": "%s %s: %s" % (name, path.name, err.strip()[-300:])}
                total += elapsed
                cpu += spawn.cpu or 0.0
            # the compiler alone: one process compiles every file, CPU time inside
            status, out, err, _, _ = spawn(inproc, tmp, env, timeout)
            if status != 0:
                return {"error": "%s in one process: %s" % (name, err.strip()[-300:])}
            result[name] = {"total": total, "startup": startup, "cpu": cpu,
                            "startup_cpu": startup_cpu, "compile_cpu_inproc": float(out.split()[-1])}
        ef, cp = result["evalframe"], result["cpython310"]
        result["ratio_total"] = ef["total"] / cp["total"]
        result["ratio_cpu"] = ef["cpu"] / cp["cpu"] if cp["cpu"] else None
        result["ratio_inproc"] = ef["compile_cpu_inproc"] / cp["compile_cpu_inproc"]
        return result
    finally:
        shutil.rmtree(str(tmp), ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Time bench/programs on CPython and evalframe.")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    group.add_argument("--size", choices=SIZE_NAMES, default=None, help="size set to use (default: default)")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="run only this benchmark (repeatable, or comma-separated)")
    parser.add_argument("--repeat", type=int, default=1, metavar="K",
                        help="rounds, each running every engine once; the best and the median are kept")
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per process (default 600)")
    parser.add_argument("--host-only", action="store_true", help="time CPython only (checks the programs)")
    parser.add_argument("--root", metavar="DIR", default=None,
                        help="run the evalframe of this source tree (default: this repository), "
                             "e.g. an export of an older commit for a before/after table")
    parser.add_argument("--before", metavar="DIR", default=None,
                        help="also time tier 1 of the evalframe in DIR (an export of an older "
                             "commit), side by side with this one: a before/after table")
    parser.add_argument("--startup-runs", type=int, default=15, metavar="K",
                        help="start-up: K runs per engine, in turn (default 15)")
    parser.add_argument("--no-startup", action="store_true", help="do not measure start-up")
    parser.add_argument("--no-compile", action="store_true", help="do not measure compile throughput")
    args = parser.parse_args(argv)
    size_name = "quick" if args.quick else (args.size or "default")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    root = str(Path(args.root).resolve()) if args.root else None
    if root is not None and not (Path(root) / "evalframe" / "__init__.py").is_file():
        parser.error("--root %s: no evalframe package there" % args.root)

    before = str(Path(args.before).resolve()) if args.before else None
    if before is not None and not (Path(before) / "evalframe" / "__init__.py").is_file():
        parser.error("--before %s: no evalframe package there" % args.before)

    for tree in (root or str(REPO_ROOT), before):
        if tree is not None:
            # the processes run with PYTHONDONTWRITEBYTECODE: byte-compile the
            # tree once (a clean clone too), or each run would compile evalframe itself
            subprocess.run([sys.executable, "-m", "compileall", "-q",
                            str(Path(tree) / "evalframe")], capture_output=True)

    available = list_benchmarks()
    wanted = [n for item in args.only for n in item.split(",") if n]
    unknown = [n for n in wanted if n not in available]
    if unknown:
        parser.error("unknown benchmark(s): %s (have: %s)" % (", ".join(unknown), ", ".join(available)))
    names = wanted or list(available)

    engines = [] if args.host_only else ["tier1"]
    has_tier2 = False
    if not args.host_only:
        has_tier2 = tier2_available(root)
        if has_tier2:
            engines.append("tier2")
        if before is not None:
            engines.insert(0, "before")     # tier 1 of the older tree
    rows, failures = [], 0
    for name in names:
        prog = available[name]
        n = read_sizes(prog)[size_name]
        sys.stderr.write("%s (N=%s) ...\n" % (name, n))
        row = {"name": name, "n": n, "ratio": {}, "ratio_wall": {}, "ratio_median": {}}
        # (the engines in turn within each of the --repeat rounds)
        columns = [("cpython", "cpython", root)] + [
            (e, "tier1", before) if e == "before" else (e, e, root) for e in engines]
        row.update(measure_interleaved(columns, prog, n, args.repeat, args.timeout))
        cp = row["cpython"]
        problems = []
        if "error" in cp:
            problems.append("cpython: " + cp["error"])
        for e in engines:
            r = row[e]
            if "error" in r:
                problems.append("%s: %s" % (e, r["error"]))
            elif "error" not in cp and r["checksum"] != cp["checksum"]:
                problems.append("%s: CHECKSUM MISMATCH %r vs %r" % (e, cp["checksum"], r["checksum"]))
            elif "error" not in cp and cp["body"] > 0:
                key = ratio_basis(cp, r)
                row["ratio_basis"] = key
                row["ratio"][e] = r[key] / cp[key]
                row["ratio_wall"][e] = r["body"] / cp["body"]
                if cp[key + "_median"] > 0:
                    row["ratio_median"][e] = r[key + "_median"] / cp[key + "_median"]
        row["status"] = "; ".join(problems) if problems else (
            "ok" if engines else "ok (host only)")
        failures += bool(problems)
        rows.append(row)

    print_table(rows, size_name, engines)
    if not args.host_only and not has_tier2:
        print("tier 2: not measured, evalframe.interpreter.tier2 does not exist in %s"
              % (root or REPO_ROOT))
    gmeans = {}
    for e in engines:
        ok = [r for r in rows if r["ratio"].get(e)]
        body = geometric_mean([r["ratio"][e] for r in ok])
        total = geometric_mean([r[e]["total"] / r["cpython"]["total"] for r in ok])
        gmeans[e] = {"body": body, "total": total, "programs": len(ok),
                     "basis": "cpu" if ok and all(r["ratio_basis"] == "cpu" for r in ok) else "wall",
                     "body_wall": geometric_mean([r["ratio_wall"][e] for r in ok]),
                     "body_median": geometric_mean([r["ratio_median"].get(e) for r in ok]),
                     "max": max((r["ratio"][e] for r in ok), default=None)}
        if body is not None:
            g = gmeans[e]
            print("%s: geometric mean of ratios %.2fx (benchmark body, best %s time; "
                  "best wall time %.2fx, median %s time %.2fx), %.2fx (whole process, wall), "
                  "worst %.1fx, over %d programs"
                  % (e, body, "CPU" if g["basis"] == "cpu" else "wall", g["body_wall"] or 0,
                     "CPU" if g["basis"] == "cpu" else "wall", g["body_median"] or 0,
                     total, g["max"], len(ok)))
    if failures:
        print("%d program(s) failed" % failures)

    startup = compile_tp = None
    startup_before = None
    if not args.host_only and not args.no_startup:
        startup = measure_startup(max(1, args.startup_runs), args.timeout, root)
        if before is not None:
            startup_before = measure_startup(max(1, args.startup_runs), args.timeout, before)
        for label, st in (("start-up", startup), ("start-up (before)", startup_before)):
            if st is None:
                continue
            if "error" in st:
                print("%s: not measured: %s" % (label, st["error"]))
            else:
                print("%s (empty file, %d runs each, in turn): best python %.1f ms, "
                      "evalframe run %.1f ms, ratio %.2fx; medians %.1f / %.1f ms, median "
                      "ratio of a round %.2fx; CPU time best %.1f ms vs %.1f ms, ratio %.2fx, "
                      "median ratio of a round %.2fx"
                      % (label, st["runs"], st["cpython"] * 1000, st["evalframe"] * 1000,
                         st["ratio"], st["cpython_median"] * 1000,
                         st["evalframe_median"] * 1000, st["ratio_median"],
                         (st["cpython_cpu"] or 0) * 1000,
                         (st["evalframe_cpu"] or 0) * 1000, st["ratio_cpu"] or 0,
                         st["ratio_cpu_median"] or 0))
    if not args.host_only and not args.no_compile:
        compile_tp = measure_compile(args.timeout, root)
        if "error" in compile_tp:
            print("compile throughput: not measured: %s" % compile_tp["error"])
        else:
            ef, cp = compile_tp["evalframe"], compile_tp["cpython310"]
            lines = compile_tp["lines"]
            print("compile throughput (%d stdlib files, %d lines), one process per file: "
                  "evalframe compile %.2f s wall / %.2f s CPU, python3.10 -m py_compile "
                  "%.2f s wall / %.2f s CPU: ratio %.1fx wall, %.1fx CPU"
                  % (compile_tp["files"], lines, ef["total"], ef["cpu"], cp["total"], cp["cpu"],
                     compile_tp["ratio_total"], compile_tp["ratio_cpu"] or 0))
            print("compile throughput, the compilers alone (one process, CPU time): evalframe "
                  "%.2f s (%.0f lines/s), CPython 3.10 compile() %.3f s (%.0f lines/s): ratio %.1fx"
                  % (ef["compile_cpu_inproc"], lines / ef["compile_cpu_inproc"],
                     cp["compile_cpu_inproc"], lines / cp["compile_cpu_inproc"],
                     compile_tp["ratio_inproc"]))

    if args.json:
        report = {
            "size": size_name, "repeat": args.repeat, "root": root or str(REPO_ROOT),
            "host": {"python": platform.python_version(), "implementation": platform.python_implementation(),
                     "executable": sys.executable, "machine": platform.machine()},
            "engines": engines, "tier2_available": has_tier2, "before": before,
            "geometric_means": gmeans,
            # the tier-1 figures under the names earlier reports used
            "geometric_mean_ratio": gmeans.get("tier1", {}).get("body"),
            "geometric_mean_total_ratio": gmeans.get("tier1", {}).get("total"),
            "startup": startup, "startup_before": startup_before,
            "compile_throughput": compile_tp,
            "results": rows,
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
