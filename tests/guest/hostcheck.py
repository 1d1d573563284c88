"""Self-check of the corpus on host CPythons only (no evalframe involved).

    python tests/guest/hostcheck.py [NAME_SUBSTRING ...] [--python CMD ...]

Runs each program twice under every host interpreter given (default: this one),
and reports a program whose two runs differ (non-determinism), that takes too
long, or that prints nothing.  Not a test: a tool for whoever adds programs.
"""

import argparse
import sys
import time

from guestrun import host_skip_reason, list_programs, parse_markers, run_host


def interpreter_version(cmd):
    import subprocess
    out = subprocess.run([cmd, "-c", "import sys; print(*sys.version_info[:2])"],
                         capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), int(out[1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--python", action="append", default=None)
    parser.add_argument("--slow", type=float, default=0.5, help="seconds counted as too slow")
    args = parser.parse_args(argv)
    pythons = args.python or [sys.executable]
    bad = 0
    for path in list_programs():
        if args.names and not any(n in path.name for n in args.names):
            continue
        markers = parse_markers(path)
        for py in pythons:
            reason = host_skip_reason(markers, interpreter_version(py))
            if reason:
                print("skip %-40s %s: %s" % (path.name, py, reason))
                continue
            t0 = time.perf_counter()
            first = run_host(path, markers["argv"], python=py)
            elapsed = time.perf_counter() - t0
            second = run_host(path, markers["argv"], python=py)
            problems = []
            if first != second:
                problems.append("NON-DETERMINISTIC")
            if elapsed > args.slow:
                problems.append("slow %.2fs" % elapsed)
            if not first.stdout:
                problems.append("no stdout")
            if first.status == "timeout":
                problems.append("timeout")
            bad += bool(problems)
            print("%-4s %-40s %-10s status=%s %.2fs %s" % (
                "BAD" if problems else "ok", path.name, py.rsplit("/", 1)[-1], first.status,
                elapsed, " ".join(problems)))
    print("%d problem(s)" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
