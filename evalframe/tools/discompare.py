"""``evalframe compare --dis``: ``evalframe dis FILE`` against ``python3.10 -m dis FILE``, as text.

Mirrors no CPython file; it is the text-level companion of compare.py.  Where
``evalframe compare`` checks code objects field by field, this checks what a
reader sees: for every .py file the listing ``python3.10 -m dis FILE`` prints
(run as exactly that command, one fresh 3.10 process per file) and the one
``evalframe dis FILE`` prints (compiled and listed in a forked child, so each
file starts from the same process state, as a fresh ``evalframe dis`` would)
must be the same text once code objects' addresses (``at 0x...``) are removed.

Frozenset constants print in their iteration order, which depends on the hash
seed; both sides must run under the same fixed ``PYTHONHASHSEED`` (the tool
refuses a random one) and evalframe shows them in the order 3.10 has
(objects/setorder.py).
"""

import argparse
import collections
import difflib
import io
import os
import re
import subprocess
import sys
import time
import warnings

from ..objects import setorder
from . import compare, disasm

__all__ = ["main", "compare_dis_one"]

_ADDRESS = re.compile(r" at 0x[0-9a-f]+")

DisResult = collections.namedtuple("DisResult", "path status lines differing first_difference")

_REF = []


def _ours_in_child(path):
    """(status, text) of ``evalframe dis path``, computed in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                        # the child: list, send, leave at once
        status = 0
        try:
            os.close(read)
            warnings.simplefilter("ignore")     # (3.10's go to its stderr, unread)
            out = io.StringIO()
            try:
                disasm.dis_file(path, file=out)
                payload = b"O" + out.getvalue().encode("utf-8", "surrogateescape")
            except SyntaxError as err:
                payload = b"E%s: %s" % (type(err).__name__.encode(), str(err).encode())
            with os.fdopen(write, "wb") as f:
                f.write(payload)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as f:
        payload = f.read()
    os.waitpid(pid, 0)
    if payload[:1] == b"O":
        return "ok", payload[1:].decode("utf-8", "surrogateescape")
    return "error", payload[1:].decode("utf-8", "replace") or "evalframe dis crashed"


def compare_dis_one(path):
    """Run both listings of ``path`` and compare them line by line."""
    env = dict(os.environ, PYENV_VERSION="3.10.13")
    ref = subprocess.run(_REF[0] + ["-m", "dis", path], capture_output=True, env=env)
    if ref.returncode != 0:
        return DisResult(path, "skipped", 0, 0, ref.stderr.decode("utf-8", "replace")[-300:])
    want = _ADDRESS.sub("", ref.stdout.decode("utf-8", "surrogateescape")).splitlines()
    status, text = _ours_in_child(path)
    if status != "ok":
        return DisResult(path, "failed", len(want), len(want), text)
    got = _ADDRESS.sub("", text).splitlines()
    if got == want:
        return DisResult(path, "identical", len(want), 0, None)
    diff = list(difflib.unified_diff(want, got, "python3.10 -m dis", "evalframe dis",
                                     n=1, lineterm=""))
    differing = sum(1 for line in diff[2:] if line[:1] == "-")
    if len(diff) > 30:
        diff = diff[:30] + ["... (%d more lines)" % (len(diff) - 30)]
    return DisResult(path, "different", len(want), differing, "\n".join(diff))


def _init(ref_command):
    _REF[:] = [list(ref_command)]


def run(files, ref_command, jobs, out):
    progress = compare.Progress(len(files), out)
    results = {}
    try:
        if jobs <= 1:
            _init(ref_command)
            for path in files:
                r = compare_dis_one(path)
                results[path] = r
                progress.note(r)
        else:
            import multiprocessing
            with multiprocessing.Pool(jobs, _init, (ref_command,)) as pool:
                for r in pool.imap_unordered(compare_dis_one, files, chunksize=4):
                    results[r.path] = r
                    progress.note(r)
    finally:
        progress.close()
    return [results[p] for p in files]


def summarize(results):
    counts = collections.Counter(r.status for r in results)
    listed = counts["identical"] + counts["different"]
    lines = sum(r.lines for r in results if r.status in ("identical", "different"))
    bad = sum(r.differing for r in results if r.status == "different")
    return {
        "files": len(results), "files_listed": listed,
        "files_identical": counts["identical"], "files_different": counts["different"],
        "files_failed": counts["failed"], "files_skipped": counts["skipped"],
        "lines": lines, "lines_differing": bad,
        "percent_files_identical": round(100.0 * counts["identical"] / listed, 2) if listed else 0.0,
        "percent_lines_identical": round(100.0 * (lines - bad) / lines, 3) if lines else 0.0,
    }


def format_totals(s):
    return ("files: %(files)d (listed by both: %(files_listed)d, identical: %(files_identical)d, "
            "different: %(files_different)d, failed: %(files_failed)d, skipped: %(files_skipped)d)\n"
            "files identical: %(percent_files_identical).2f%%; listing lines: %(lines)d, "
            "differing: %(lines_differing)d (%(percent_lines_identical).3f%% identical)" % s)


def main(argv=None):
    """``evalframe compare --dis FILE_OR_DIR... [--ref PYTHON] [-j N] [-v]``."""
    parser = argparse.ArgumentParser(
        prog="evalframe compare --dis",
        description="Compare `evalframe dis FILE` with `python3.10 -m dis FILE` as text.")
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    parser.add_argument("--ref", metavar="PYTHON")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if setorder.fixed_secret() is None:
        print("evalframe compare --dis: frozenset constants print in hash order; "
              "run with a fixed PYTHONHASHSEED (e.g. PYTHONHASHSEED=0)", file=sys.stderr)
        return 2
    if args.ref:
        ref_command = [args.ref]
    else:
        from ..reference import reference_python
        ref_command = reference_python()
        if ref_command is None:
            print("evalframe compare: CPython 3.10 not found (use --ref)", file=sys.stderr)
            return 2
    files = compare.collect_files(args.paths)
    start = time.monotonic()
    results = run(files, ref_command, max(1, args.jobs), sys.stdout)
    elapsed = time.monotonic() - start
    if args.verbose:
        for r in results:
            if r.status in ("different", "failed"):
                print("== %s: %s\n%s\n" % (r.path, r.status, r.first_difference))
    print(format_totals(summarize(results)))
    print("time: %.1f s" % elapsed)
    return 0
