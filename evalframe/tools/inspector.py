"""``evalframe inspect FILE [NAME]``: the code and function objects of a program.

Every ``co_*`` field of every code object (nested ones too), with its
disassembly beside it, and, after running the program in the VM, the
attributes of the function objects it made: name, qualname, module,
defaults, kwdefaults, closure cells with their contents, annotations, the
keys of its globals, and which code object it runs.  ``--no-run`` shows the
code objects only; a run is limited (``--timeout 30`` unless a limit is given).  NAME picks the code objects and functions whose name or
qualified name is NAME (or ends with ``.NAME``).

It mirrors what Objects/codeobject.c (the code_memberlist of co_* members,
co_lines), Objects/funcobject.c (func_memberlist, func_getsetlist) and
Objects/cellobject.c (cell_contents) expose, printed the way ``dis.code_info``
and ``dis.dis`` do (through evalframe.tools.disasm).  Records first
(``code_record``, ``function_record``: plain dicts, also what ``--json``
writes), text second.
"""

import argparse
import io
import json
import os
import sys

from ..objects.codeobject import Code, iter_code_objects
from .events import safe_repr

CODE_FIELDS = ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
               "co_stacksize", "co_flags", "co_code", "co_consts", "co_names", "co_varnames",
               "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname",
               "co_firstlineno", "co_linetable", "co_lnotab")


def _hex(data, limit=64):
    text = data.hex(" ")
    if len(data) > limit:
        text = data[:limit].hex(" ") + " ... (%d bytes)" % len(data)
    return text


def code_record(co):
    """Every co_* field of ``co`` as display text (dict, field order as CODE_FIELDS)."""
    from .disasm import pretty_flags
    rec = {}
    for name in CODE_FIELDS:
        value = getattr(co, name)
        if name == "co_flags":
            rec[name] = "%d (0x%x: %s)" % (value, value, pretty_flags(value))
        elif name in ("co_code", "co_linetable", "co_lnotab"):
            rec[name] = "%d bytes: %s" % (len(value), _hex(value))
        elif name == "co_consts":
            rec[name] = [_const_text(c) for c in value]
        elif isinstance(value, tuple):
            rec[name] = list(value)
        else:
            rec[name] = value
    rec["co_lines()"] = ["%d-%d: %s" % (s, e, "None" if l is None else l)
                         for s, e, l in co.co_lines()]
    return rec


def _const_text(c):
    if isinstance(c, Code):
        return "<code object %s, line %d>" % (c.co_name, c.co_firstlineno)
    return safe_repr(c, limit=60)


def disassembly(co):
    from .disasm import disassemble
    buf = io.StringIO()
    disassemble(co, file=buf)
    return buf.getvalue().rstrip("\n")


def _guest_function_type():
    from ..objects.funcobject import Function
    return Function


def function_record(func):
    """The attributes of a guest function object (funcobject.c's members and getsets)."""
    rec = {}
    rec["__name__"] = func.__name__
    rec["__qualname__"] = func.__qualname__
    rec["__module__"] = safe_repr(func.__module__)
    rec["__code__"] = "<code object %s, line %d>" % (func._code.co_name,
                                                     func._code.co_firstlineno)
    rec["__defaults__"] = safe_repr(func._defaults, limit=80)
    rec["__kwdefaults__"] = safe_repr(func._kwdefaults, limit=80)
    closure = func.__closure__
    if closure is None:
        rec["__closure__"] = "None"
    else:
        cells = []
        for name, cell in zip(func._code.co_freevars, closure):
            try:
                contents = safe_repr(cell.cell_contents)
            except ValueError:
                contents = "<empty>"
            cells.append("%s: cell -> %s" % (name, contents))
        rec["__closure__"] = cells
    try:
        ann = func.__annotations__
        rec["__annotations__"] = {k: safe_repr(v) for k, v in ann.items()}
    except Exception as exc:
        rec["__annotations__"] = "<%s>" % type(exc).__name__
    glob = func.__globals__
    rec["__globals__"] = "dict of %d keys: %s" % (
        len(glob), ", ".join(sorted(k for k in glob if isinstance(k, str))[:30]))
    rec["__builtins__"] = "dict of %d keys" % len(func.__builtins__) \
        if isinstance(func.__builtins__, dict) else safe_repr(func.__builtins__)
    rec["__doc__"] = safe_repr(func.__doc__)
    rec["__dict__"] = {k: safe_repr(v) for k, v in func.__dict__.items()}
    return rec


def find_functions(namespace, seen=None, prefix=""):
    """(dotted path, guest function) for the functions of a namespace and its classes."""
    function = _guest_function_type()
    if seen is None:
        seen = set()
    out = []
    for key, value in list(namespace.items()):
        if not isinstance(key, str) or key.startswith("__") and key.endswith("__") and prefix == "":
            continue
        target = value
        if isinstance(value, (staticmethod, classmethod)):
            target = value.__func__
        elif isinstance(value, property):
            target = value.fget
        if type(target) is function:
            if id(target) not in seen:
                seen.add(id(target))
                out.append((prefix + key, target))
        elif isinstance(value, type) and id(value) not in seen and prefix.count(".") < 4:
            module = namespace.get("__name__") if not prefix else None
            if value.__module__ == (module or value.__module__):
                seen.add(id(value))
                out.extend(find_functions(dict(vars(value)), seen, prefix + key + "."))
    return out


def _matches(name, qualname, wanted):
    if wanted is None:
        return True
    return wanted in (name, qualname) or qualname.endswith("." + wanted)


# -- printing -------------------------------------------------------------------------------

def _field_lines(rec):
    lines = []
    for key, value in rec.items():
        if isinstance(value, list):
            if not value:
                lines.append("%-20s ()" % key)
                continue
            lines.append("%-20s" % key)
            lines.extend("    %3d: %s" % (i, v) for i, v in enumerate(value))
        elif isinstance(value, dict):
            if not value:
                lines.append("%-20s {}" % key)
                continue
            lines.append("%-20s" % key)
            lines.extend("    %s: %s" % kv for kv in value.items())
        else:
            lines.append("%-20s %s" % (key, value))
    return lines


def side_by_side(left, right, width=None, gap=4):
    """Two columns of text lines: the fields on the left, the disassembly on the right."""
    if width is None:
        width = max((len(l) for l in left), default=0)
        width = min(width, 72)
    out = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        if len(a) > width:
            a = a[:width - 3] + "..."
        out.append((a.ljust(width) + " " * gap + b).rstrip())
    return out


def print_code(co, out, columns=True):
    title = "code object %s (%s, line %d)" % (co.co_qualname, os.path.basename(co.co_filename),
                                             co.co_firstlineno)
    out.write("=" * len(title) + "\n" + title + "\n" + "=" * len(title) + "\n")
    fields = _field_lines(code_record(co))
    listing = disassembly(co).splitlines()
    if columns:
        for line in side_by_side(fields, ["disassembly:"] + listing):
            out.write(line + "\n")
    else:
        out.write("\n".join(fields) + "\n\ndisassembly:\n" + "\n".join(listing) + "\n")
    out.write("\n")


def print_function(path, func, out):
    title = "function %s  (%s)" % (path, safe_repr(func))
    out.write("-" * len(title) + "\n" + title + "\n" + "-" * len(title) + "\n")
    for line in _field_lines(function_record(func)):
        out.write(line + "\n")
    out.write("\n")


# -- the command ------------------------------------------------------------------------------

def build_parser():
    p = argparse.ArgumentParser(prog="evalframe inspect",
                                description="code objects and function objects of a program")
    p.add_argument("--no-run", action="store_true",
                   help="do not run the program: code objects only")
    p.add_argument("--json", action="store_true", help="write the records as JSON")
    p.add_argument("--stacked", action="store_true",
                   help="fields above the disassembly instead of beside it")
    from .. import limits
    limits.add_arguments(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("name", metavar="NAME", nargs="?")
    return p


# Without --no-run the program runs: with no limit given, this one keeps a
# program that never ends from hanging the inspection.
DEFAULT_TIMEOUT = 30.0


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        ns = build_parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    from .tracer import prepare_main
    prepared = prepare_main(ns.file, [])
    if isinstance(prepared, int):
        return prepared
    code, main_module = prepared
    codes = [co for co in iter_code_objects(code)
             if _matches(co.co_name, co.co_qualname, ns.name)]
    functions = []
    status = 0
    if not ns.no_run:
        from .. import limits, pythonrun
        run_limits = limits.from_namespace(ns)
        if not run_limits:
            run_limits.timeout = DEFAULT_TIMEOUT
        # the program's own output is kept apart from the inspection
        saved = sys.stdout
        sys.stdout = sys.stderr
        try:
            try:
                limits.install(run_limits)      # (a --timeout may expire at once)
            except limits.AbortRun as stop:
                status = limits.report(stop)
            else:
                status = pythonrun.run_code_as_main(code, main_module)
        finally:
            sys.stdout = saved
            limits.finish()
        functions = [(path, f) for path, f in find_functions(main_module.__dict__)
                     if _matches(f.__name__, f.__qualname__, ns.name)]
    out = sys.stdout
    if ns.json:
        json.dump({"code_objects": [dict(code_record(co), disassembly=disassembly(co))
                                    for co in codes],
                   "functions": [dict(function_record(f), path=path) for path, f in functions],
                   "status": status}, out, indent=1, default=str)
        out.write("\n")
    else:
        for co in codes:
            print_code(co, out, columns=not ns.stacked)
        for path, func in functions:
            print_function(path, func, out)
        if not codes and not functions:
            sys.stderr.write("evalframe inspect: nothing named %r\n" % ns.name)
            return 1
    return 0 if status == 0 else status
