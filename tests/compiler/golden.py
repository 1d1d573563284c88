"""Helpers for the compiler goldens: CPython 3.10 in one subprocess for many sources,
a strict field-by-field comparison of code objects, and a dis-like listing.

Used by tests/compiler/test_golden*.py and runnable as a script to measure
identity over a directory tree:

    python tests/compiler/golden.py [--jobs N] [DIR ...]   (default: 3.10's Lib)
"""

import os
import pickle
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from evalframe import opcodes as op                      # noqa: E402
from evalframe.objects.codeobject import Code            # noqa: E402
from evalframe.reference import reference_python, _ref_env  # noqa: E402

FIELDS = ("co_name", "co_qualname", "co_argcount", "co_posonlyargcount",
          "co_kwonlyargcount", "co_nlocals", "co_flags", "co_stacksize",
          "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames",
          "co_freevars", "co_cellvars", "co_linetable")

_DUMPER = r'''
import sys, pickle, warnings
warnings.simplefilter("ignore")
def qual(c, prefix):
    return prefix
def dump(c):
    consts = []
    for k in c.co_consts:
        if hasattr(k, "co_code"):
            consts.append(("code", dump(k)))
        else:
            consts.append(("value", k))
    return dict(co_argcount=c.co_argcount, co_posonlyargcount=c.co_posonlyargcount,
                co_kwonlyargcount=c.co_kwonlyargcount, co_nlocals=c.co_nlocals,
                co_stacksize=c.co_stacksize, co_flags=c.co_flags, co_code=c.co_code,
                co_consts=consts, co_names=c.co_names, co_varnames=c.co_varnames,
                co_freevars=c.co_freevars, co_cellvars=c.co_cellvars,
                co_filename=c.co_filename, co_name=c.co_name,
                co_firstlineno=c.co_firstlineno, co_linetable=c.co_linetable)
jobs = pickle.load(sys.stdin.buffer)
out = []
for src, filename, mode in jobs:
    if src is None:
        try:
            with open(filename, "rb") as f:
                src = f.read()
        except OSError as e:
            out.append(("oserror", str(e)))
            continue
    try:
        code = compile(src, filename, mode, dont_inherit=True)
    except SyntaxError as e:
        out.append(("error", type(e).__name__, e.msg, e.lineno, e.offset))
    except Exception as e:
        out.append(("exception", type(e).__name__, str(e)))
    else:
        out.append(("ok", dump(code)))
pickle.dump(out, sys.stdout.buffer, protocol=4)
'''


def _revive(d):
    consts = tuple(_revive(v) if kind == "code" else v for kind, v in d["co_consts"])
    return Code(**dict(d, co_consts=consts))


def reference_many(jobs):
    """Compile [(source or None, filename, mode)] with CPython 3.10, in one process.

    A None source means: read ``filename``.  Returns, per job, a Code or a tuple
    ("error", type, msg, lineno, offset) / ("exception", ...).
    """
    cmd = reference_python()
    if cmd is None:
        raise RuntimeError("CPython 3.10 is not available")
    proc = subprocess.run(cmd + ["-c", _DUMPER], input=pickle.dumps(jobs, protocol=4),
                          capture_output=True, env=_ref_env())
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode(errors="replace"))
    out = []
    for item in pickle.loads(proc.stdout):
        out.append(_revive(item[1]) if item[0] == "ok" else item)
    return out


# -- comparison ---------------------------------------------------------------

def strict_key(v):
    """A key that tells 0 from 0.0 from -0.0 from False, recursively."""
    t = type(v)
    if t is tuple:
        return (t, tuple(strict_key(x) for x in v))
    if t is frozenset:
        return (t, frozenset(strict_key(x) for x in v))
    if t is float or t is complex:
        return (t, repr(v))
    if t is Code:
        return (t, id(v))
    return (t, v)


def _qualify(ref_code, ours_code):
    # co_qualname does not exist in 3.10: the reference copies ours.
    return ref_code


def diff_code(ours, ref, path="", check_qualname=False, out=None, pairs=None):
    """Differences between two code trees, as readable lines (empty if identical)."""
    if out is None:
        out = []
    where = path + ours.co_name
    bad = []
    for f in FIELDS:
        if f == "co_consts":
            a, b = ours.co_consts, ref.co_consts
            if len(a) != len(b) or any(
                    (type(x) is Code) != (type(y) is Code) or
                    (type(x) is not Code and strict_key(x) != strict_key(y))
                    for x, y in zip(a, b)):
                bad.append(f)
        elif f == "co_qualname":
            continue
        elif getattr(ours, f) != getattr(ref, f):
            bad.append(f)
    if pairs is not None:
        pairs.append((ours, ref, not bad))
    if bad:
        out.append("%s: differs in %s" % (where, ", ".join(bad)))
        for f in bad:
            if f not in ("co_code", "co_linetable"):
                out.append("   ours %s = %r" % (f, getattr(ours, f)))
                out.append("   3.10 %s = %r" % (f, getattr(ref, f)))
        if "co_code" in bad or "co_linetable" in bad or "co_stacksize" in bad:
            out.append(side_by_side(ours, ref))
    sub_a = [c for c in ours.co_consts if type(c) is Code]
    sub_b = [c for c in ref.co_consts if type(c) is Code]
    for x, y in zip(sub_a, sub_b):
        diff_code(x, y, where + ".", check_qualname, out, pairs)
    if len(sub_a) != len(sub_b):
        out.append("%s: %d nested code objects vs %d" % (where, len(sub_a), len(sub_b)))
    return out


def listing(co):
    """A dis-like listing: one line per instruction with its line number."""
    lines = {}
    for start, end, line in co.co_lines():
        for off in range(start, end, 2):
            lines[off] = line
    rows = []
    code = co.co_code
    ext = 0
    for off in range(0, len(code), 2):
        opc, arg = code[off], code[off + 1]
        full = arg | ext
        ext = (full << 8) if opc == op.EXTENDED_ARG else 0
        name = op.opname[opc]
        kind = op.argkind[opc]
        extra = ""
        if kind == op.ARG_CONST and full < len(co.co_consts):
            c = co.co_consts[full]
            extra = "<code %s>" % c.co_name if type(c) is Code else repr(c)
        elif kind == op.ARG_NAME and full < len(co.co_names):
            extra = co.co_names[full]
        elif kind == op.ARG_LOCAL and full < len(co.co_varnames):
            extra = co.co_varnames[full]
        elif kind == op.ARG_JREL:
            extra = "to %d" % (off + 2 + 2 * full)
        elif kind == op.ARG_JABS:
            extra = "to %d" % (2 * full)
        elif kind == op.ARG_NONE:
            full = ""
        rows.append("%4s %4d %-24s %s %s" % (lines.get(off), off, name, full,
                                              extra[:40]))
    return rows


def side_by_side(a, b):
    la, lb = listing(a), listing(b)
    n = max(len(la), len(lb))
    out = ["      %-58s | %s" % ("ours (stacksize %d)" % a.co_stacksize,
                                 "3.10 (stacksize %d)" % b.co_stacksize)]
    rows = []
    for i in range(n):
        x = la[i] if i < len(la) else ""
        y = lb[i] if i < len(lb) else ""
        rows.append((x == y, x, y))
    keep = set()
    for i, (same, _, _) in enumerate(rows):
        if not same:
            keep.update(range(i - 3, i + 4))
    skipped = False
    for i, (same, x, y) in enumerate(rows):
        if i not in keep and n > 40:
            if not skipped:
                out.append("      ...")
            skipped = True
            continue
        skipped = False
        out.append("   %s %-58s | %s" % ("  " if same else "!!", x, y))
    return "\n".join(out)


# -- whole-tree measurement ------------------------------------------------------

def _compile_ours(path):
    from evalframe.compiler import compile_source
    with open(path, "rb") as f:
        src = f.read()
    return compile_source(src, path, "exec")


def measure(paths, verbose=False, show=0):
    """Compile every file both ways; print identity figures; return (same, total)."""
    import warnings
    warnings.simplefilter("ignore")
    t0 = time.time()
    refs = []
    CH = 200
    for i in range(0, len(paths), CH):
        refs.extend(reference_many([(None, p, "exec") for p in paths[i:i + CH]]))
    t1 = time.time()
    same = total = 0
    files_ok = files_same = 0
    failures = []
    first_diffs = []
    for path, ref in zip(paths, refs):
        if not isinstance(ref, Code):
            continue
        try:
            ours = _compile_ours(path)
        except Exception as e:  # a crash is a failed file
            failures.append((path, "%s: %s" % (type(e).__name__, e)))
            continue
        files_ok += 1
        pairs = []
        lines = diff_code(ours, ref, pairs=pairs)
        total += len(pairs)
        same += sum(1 for p in pairs if p[2])
        if not lines:
            files_same += 1
        elif len(first_diffs) < show:
            first_diffs.append((path, lines))
    t2 = time.time()
    print("files: %d compiled by 3.10, %d by us, %d identical"
          % (sum(isinstance(r, Code) for r in refs), files_ok, files_same))
    print("code objects: %d/%d identical (%.3f%%)" % (same, total,
                                                       100.0 * same / max(total, 1)))
    print("time: reference %.1fs, ours+compare %.1fs" % (t1 - t0, t2 - t1))
    for path, err in failures[:30]:
        print("CRASH", path, err)
    for path, lines in first_diffs:
        print("=" * 70)
        print(path)
        print("\n".join(lines[:60]))
    return same, total


def lib_files(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        for fn in sorted(filenames):
            if fn.endswith(".py"):
                out.append(os.path.join(dirpath, fn))
    return out


LIB310 = "/root/.pyenv/versions/3.10.13/lib/python3.10"

if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--show", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--skip", type=int, default=0)
    ns = ap.parse_args()
    files = []
    for p in ns.paths or [LIB310]:
        files.extend(lib_files(p) if os.path.isdir(p) else [p])
    if ns.skip:
        files = files[ns.skip:]
    if ns.limit:
        files = files[:ns.limit]
    measure(files, show=ns.show)
