"""``evalframe compare``: our compiler's code objects against CPython 3.10's, file by file.

Mirrors no CPython file; it is the differential harness for the compiler.  Each
.py file is compiled twice: by ``evalframe.compiler.compile_source`` and by
CPython 3.10 (a long-running ``python3.10`` worker per job that answers file
paths with marshalled code objects, read back with ``evalframe.pyc.loads``).
The two trees of code objects are compared field by field (instructions and
their arguments, constants by type and value, names, flags, stack size,
argument counts, first line and line table).  Each file is reported identical,
different (with the first difference as a unified diff of the two dis
listings of that code object), failed (our compiler raised where 3.10 did
not) or skipped (3.10 itself cannot compile it).
"""

import argparse
import collections
import difflib
import io
import json
import os
import re
import struct
import subprocess
import sys
import time
import warnings

from .. import pyc
from ..objects.codeobject import Code
from . import disasm

__all__ = ["main", "compare_code", "compare_files", "FileResult"]

# The worker run inside python3.10: one request per line (a path), one framed
# answer per request: a status byte (M: marshal data, E: error) and a length.
_REF_WORKER = r"""
import marshal, struct, sys, warnings
warnings.simplefilter("ignore")
out = sys.stdout.buffer
for line in sys.stdin.buffer:
    path = line.rstrip(b"\n").decode("utf-8", "surrogateescape")
    try:
        with open(path, "rb") as f:
            source = f.read()
        payload = b"M" + marshal.dumps(compile(source, path, "exec", dont_inherit=True))
    except BaseException as e:
        payload = b"E" + ("%s: %s" % (type(e).__name__, e)).encode("utf-8", "replace")
    out.write(struct.pack("<I", len(payload)) + payload)
    out.flush()
"""

# The fields compared, in the order differences are reported.
FIELDS = ("co_code", "co_consts", "co_names", "co_varnames", "co_freevars",
          "co_cellvars", "co_flags", "co_stacksize", "co_argcount",
          "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
          "co_firstlineno", "co_linetable", "co_name")


class Worker:
    """A python3.10 subprocess running ``script``: a path per line in, a
    length-prefixed answer per path out (RefWorker here, the fuzzer's DisWorker)."""

    script = None
    what = "worker"

    def __init__(self, command):
        env = dict(os.environ)
        env["PYENV_VERSION"] = "3.10.13"
        self.proc = subprocess.Popen(list(command) + ["-c", self.script],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     env=env)

    def ask(self, path):
        """The worker's answer (bytes) for the file at ``path``."""
        self.proc.stdin.write(path.encode("utf-8", "surrogateescape") + b"\n")
        self.proc.stdin.flush()
        head = self.proc.stdout.read(4)
        if len(head) < 4:
            raise RuntimeError("the CPython 3.10 %s died" % self.what)
        (n,) = struct.unpack("<I", head)
        return self.proc.stdout.read(n)

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


class RefWorker(Worker):
    """A python3.10 subprocess that compiles paths and returns marshalled code."""

    script = _REF_WORKER

    def compile(self, path):
        """("ok", Code) or ("error", message) for the file at ``path``."""
        payload = self.ask(path)
        if payload[:1] == b"M":
            return "ok", pyc.loads(payload[1:])
        return "error", payload[1:].decode("utf-8", "replace")


# -- comparing code objects ---------------------------------------------------------

def _const_key(v):
    """A constant as 3.10's code equality sees it: type-aware, recursively.

    1 and 1.0 and True differ; 0.0 and -0.0 differ; NaN equals NaN.
    """
    t = type(v)
    if t is float:
        return (t, struct.pack("<d", v))
    if t is complex:
        return (t, struct.pack("<dd", v.real, v.imag))
    if t is tuple:
        return (t, tuple(_const_key(x) for x in v))
    if t is frozenset:
        return (t, frozenset(_const_key(x) for x in v))
    if t is Code:
        return (t, "code")       # nested code objects are compared on their own
    return (t, v)


def _field_differs(a, b, name):
    x, y = getattr(a, name), getattr(b, name)
    if name == "co_consts":
        if len(x) != len(y):
            return True
        return any(_const_key(p) != _const_key(q) for p, q in zip(x, y))
    return x != y


_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def _listing(co):
    """The dis listing of one code object, without code objects' addresses."""
    out = io.StringIO()
    disasm.disassemble(co, file=out)
    return _ADDRESS.sub("", out.getvalue()).splitlines()


def describe_difference(ours, ref, field, context=2, limit=40):
    """The first difference of two code objects: a heading and a small unified diff."""
    head = "%s (line %d): %s differs" % (ref.co_name, ref.co_firstlineno, field)
    if field in ("co_code", "co_consts", "co_names", "co_varnames", "co_freevars",
                 "co_cellvars", "co_linetable"):
        diff = list(difflib.unified_diff(_listing(ref), _listing(ours),
                                         "cpython-3.10", "evalframe", n=context,
                                         lineterm=""))
        if field == "co_consts" and not diff[2:]:
            diff = ["-co_consts " + repr(ref.co_consts), "+co_consts " + repr(ours.co_consts)]
        elif field == "co_linetable" and not diff[2:]:
            diff = ["-co_linetable " + ref.co_linetable.hex(),
                    "+co_linetable " + ours.co_linetable.hex()]
        elif not diff[2:]:
            diff = ["-%s %r" % (field, getattr(ref, field)),
                    "+%s %r" % (field, getattr(ours, field))]
    else:
        diff = ["-%s %r" % (field, getattr(ref, field)),
                "+%s %r" % (field, getattr(ours, field))]
    if len(diff) > limit:
        diff = diff[:limit] + ["... (%d more lines)" % (len(diff) - limit)]
    return head + "\n" + "\n".join(diff)


def _category(ours, ref, field):
    """A short label for a difference, for the totals' top categories."""
    if field != "co_code":
        return field
    a = list(disasm.get_instructions(ours))
    b = list(disasm.get_instructions(ref))
    for x, y in zip(a, b):
        if x.opname != y.opname:
            return "co_code: %s instead of %s" % (x.opname, y.opname)
        if x.arg != y.arg:
            return "co_code: %s argument" % x.opname
    return "co_code: length"


def compare_code(ours, ref):
    """Compare two trees of code objects.

    Returns (compared, identical, differences) where differences lists
    (category, text) for every code object that differs, outermost first.
    """
    compared = identical = 0
    differences = []
    pending = [(ours, ref)]
    while pending:
        a, b = pending.pop(0)
        compared += 1
        if a is None or b is None:
            which = b if a is None else a
            text = "%s (line %d): only in %s" % (
                which.co_name, which.co_firstlineno,
                "cpython-3.10" if a is None else "evalframe")
            differences.append(("extra or missing code object", text))
        else:
            field = next((f for f in FIELDS if _field_differs(a, b, f)), None)
            if field is None:
                identical += 1
            else:
                differences.append((_category(a, b, field),
                                    describe_difference(a, b, field)))
            sub_a = [c for c in a.co_consts if isinstance(c, Code)]
            sub_b = [c for c in b.co_consts if isinstance(c, Code)]
            for i in range(max(len(sub_a), len(sub_b))):
                pending.append((sub_a[i] if i < len(sub_a) else None,
                                sub_b[i] if i < len(sub_b) else None))
    return compared, identical, differences


# -- one file -----------------------------------------------------------------------

FileResult = collections.namedtuple(
    "FileResult", "path status compared identical categories first_difference")

_STATE = {}


def _resolve(spec):
    """'module:function' -> the function (how tests substitute the compiler)."""
    import importlib
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def _worker_init(ref_command, ours_spec):
    _STATE["ref"] = RefWorker(ref_command)
    _STATE["ours"] = ours_spec
    import atexit
    atexit.register(_STATE["ref"].close)


def _compile_ours(source, path):
    spec = _STATE.get("ours")
    if spec:
        return _resolve(spec)(source, path, "exec")
    from ..compiler import compile_source
    return compile_source(source, path, "exec")


def compare_one(path):
    """Compile ``path`` both ways (in this process's workers) and compare."""
    status, ref = _STATE["ref"].compile(path)
    if status != "ok":
        return FileResult(path, "skipped", 0, 0, [], ref)
    try:
        with open(path, "rb") as f:
            source = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ours = _compile_ours(source, path)
    except RecursionError:
        return FileResult(path, "failed", 0, 0, ["our compiler: RecursionError"],
                          "RecursionError: maximum recursion depth exceeded")
    except Exception as err:
        msg = "%s: %s" % (type(err).__name__, err)
        return FileResult(path, "failed", 0, 0,
                          ["our compiler: " + type(err).__name__], msg)
    if not isinstance(ours, Code):
        return FileResult(path, "failed", 0, 0, ["our compiler: not a Code"],
                          "compile_source returned %r" % type(ours).__name__)
    compared, identical, differences = compare_code(ours, ref)
    status = "identical" if not differences else "different"
    return FileResult(path, status, compared, identical,
                      [c for c, _ in differences],
                      differences[0][1] if differences else None)


# -- driving ------------------------------------------------------------------------

def collect_files(paths):
    """The .py files named or found (recursively, sorted) under ``paths``."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files.extend(os.path.join(root, n) for n in sorted(names)
                             if n.endswith(".py"))
        else:
            files.append(p)
    return files


class Progress:
    """Rich's progress bar on a terminal; otherwise a plain line now and then."""

    def __init__(self, total, out):
        self.total, self.out, self.done = total, out, 0
        self.rich = None
        if out.isatty():
            try:
                from rich.progress import Progress as RichProgress
            except ImportError:
                RichProgress = None
            if RichProgress is not None:
                self.rich = RichProgress(transient=True)
                self.rich.start()
                self.task = self.rich.add_task("comparing", total=total)
        self.last = time.monotonic()

    def note(self, result):
        self.done += 1
        if result.status in ("different", "failed"):
            line = "%s: %s" % (result.path, result.status)
            if self.rich is not None:
                self.rich.console.print(line, markup=False, highlight=False)
            else:
                print(line, file=self.out)
        if self.rich is not None:
            self.rich.update(self.task, advance=1)
        elif self.done == self.total or time.monotonic() - self.last > 5:
            self.last = time.monotonic()
            print("[%d/%d files]" % (self.done, self.total), file=self.out, flush=True)

    def close(self):
        if self.rich is not None:
            self.rich.stop()


def compare_files(files, ref_command, jobs=2, ours_spec=None, progress=None):
    """Compare every file; return the FileResults in the order of ``files``."""
    results = {}
    if jobs <= 1 or len(files) <= 1:
        _worker_init(ref_command, ours_spec)
        try:
            for path in files:
                r = compare_one(path)
                results[path] = r
                if progress:
                    progress.note(r)
        finally:
            _STATE.pop("ref").close()
    else:
        import multiprocessing
        with multiprocessing.Pool(jobs, _worker_init, (ref_command, ours_spec)) as pool:
            for r in pool.imap_unordered(compare_one, files, chunksize=2):
                results[r.path] = r
                if progress:
                    progress.note(r)
    return [results[p] for p in files]


def summarize(results):
    counts = collections.Counter(r.status for r in results)
    compared = sum(r.compared for r in results)
    identical = sum(r.identical for r in results)
    categories = collections.Counter(c for r in results for c in r.categories)
    compiled = counts["identical"] + counts["different"]
    return {
        "files": len(results),
        "files_compiled": compiled,
        "files_identical": counts["identical"],
        "files_different": counts["different"],
        "files_failed": counts["failed"],
        "files_skipped": counts["skipped"],
        "code_objects_compared": compared,
        "code_objects_identical": identical,
        "percent_identical": round(100.0 * identical / compared, 2) if compared else 0.0,
        "percent_files_identical": (round(100.0 * counts["identical"] / compiled, 2)
                                    if compiled else 0.0),
        "top_categories": categories.most_common(15),
    }


def format_totals(summary):
    lines = [
        "files: %(files)d (compiled by both: %(files_compiled)d, identical: "
        "%(files_identical)d, different: %(files_different)d, failed: %(files_failed)d, "
        "skipped: %(files_skipped)d)" % summary,
        "code objects compared: %(code_objects_compared)d, identical: "
        "%(code_objects_identical)d (%(percent_identical).2f%%)" % summary,
    ]
    if summary["top_categories"]:
        lines.append("top differences:")
        lines.extend("  %6d  %s" % (n, c) for c, n in summary["top_categories"])
    return "\n".join(lines)


def write_report(path, results, summary, elapsed):
    """The report: JSON if ``path`` ends in .json, else Markdown text."""
    if path.endswith(".json"):
        with open(path, "w") as f:
            json.dump({"summary": summary, "seconds": round(elapsed, 1),
                       "files": [r._asdict() for r in results]}, f, indent=1)
        return
    with open(path, "w") as f:
        f.write("# evalframe compare report\n\n```\n%s\n```\n\n" % format_totals(summary))
        f.write("Time: %.1f s\n\n" % elapsed)
        for status in ("failed", "different", "skipped"):
            chosen = [r for r in results if r.status == status]
            if not chosen:
                continue
            f.write("## %s (%d)\n\n" % (status, len(chosen)))
            for r in chosen:
                f.write("### %s\n\n" % r.path)
                if r.status == "different":
                    f.write("%d of %d code objects identical\n\n"
                            % (r.identical, r.compared))
                f.write("```\n%s\n```\n\n" % (r.first_difference or ""))


def main(argv=None):
    """``evalframe compare FILE_OR_DIR... [--ref PYTHON] [-j N] [--report FILE]``."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if "--dis" in argv:
        # the text of the two dis listings instead of the code objects
        from . import discompare
        argv.remove("--dis")
        return discompare.main(argv)
    parser = argparse.ArgumentParser(
        prog="evalframe compare",
        description="Compare evalframe's code objects with CPython 3.10's.")
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    parser.add_argument("--ref", metavar="PYTHON",
                        help="the CPython 3.10 interpreter (default: found via pyenv)")
    parser.add_argument("-j", "--jobs", type=int, default=2,
                        help="parallel jobs (default 2)")
    parser.add_argument("--report", metavar="FILE",
                        help="write a report (Markdown, or JSON for *.json)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print each difference, not only the totals")
    parser.add_argument("--dis", action="store_true",
                        help="compare `evalframe dis` with `python3.10 -m dis` as text "
                             "(needs a fixed PYTHONHASHSEED; tools/discompare.py)")
    # Tests substitute the compiler under test: module:function(source, path, mode).
    parser.add_argument("--ours", metavar="MODULE:FUNC", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.ref:
        ref_command = [args.ref]
    else:
        from ..reference import reference_python
        ref_command = reference_python()
        if ref_command is None:
            print("evalframe compare: CPython 3.10 not found (use --ref)", file=sys.stderr)
            return 2
    for path in args.paths:
        if not os.path.exists(path):
            print("evalframe compare: cannot open %r: No such file or directory" % path,
                  file=sys.stderr)
            return 2
    files = collect_files(args.paths)
    start = time.monotonic()
    progress = Progress(len(files), sys.stdout)
    try:
        results = compare_files(files, ref_command, max(1, args.jobs), args.ours, progress)
    finally:
        progress.close()
    elapsed = time.monotonic() - start
    summary = summarize(results)
    if args.verbose:
        for r in results:
            if r.status in ("different", "failed"):
                print("== %s: %s\n%s\n" % (r.path, r.status, r.first_difference))
    print(format_totals(summary))
    print("time: %.1f s" % elapsed)
    if args.report:
        write_report(args.report, results, summary, elapsed)
    return 0
