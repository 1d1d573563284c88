"""``evalframe trace FILE [ARGS]``: an instruction-level execution trace.

For every executed instruction: the frame (function name, depth), offset,
line, opname and argument, and the value stack after it, with short safe
reprs (evalframe.tools.events.safe_repr: never a guest __repr__).  Filters:
``--function NAME``, ``--show-depth N``, ``--lines`` (line events only, by the
rule of 3.10's maybe_call_line_trace: a new line or a backward jump); the run
limits of evalframe.limits (``--max-steps N`` ...).  Output: Rich colours and
columns on a terminal, plain text
when piped, or ``--json``: the event stream of evalframe.tools.events, one JSON
object per line, for other tools (a time-travelling visualizer).

It mirrors what CPython prints with an LLTRACE build (ceval.c ``lltrace``:
each opcode and the stack) and what clox's ``DEBUG_TRACE_EXECUTION`` shows:
the disassembler line of the instruction beside the stack.  Records first
(``TraceObserver`` builds events on the traced loop's hooks), printers
second (``PlainPrinter``, ``RichPrinter``, ``JsonPrinter``).  The explainer
(``evalframe explain``) is this command with a different observer.
"""

import argparse
import io
import os
import sys

from .. import limits, opcodes
from ..interpreter.traced import AbortRun
from .events import Event, SCHEMA, safe_repr, exception_summary
from ..objects.frameobject import guest_back

EXIT_MAX_STEPS = limits.EXIT_MAX_STEPS     # the status when --max-steps stops the program

_STORES = {
    "STORE_FAST": "local", "DELETE_FAST": "local", "STORE_DEREF": "free",
    "DELETE_DEREF": "free", "STORE_NAME": "name", "DELETE_NAME": "name",
    "STORE_GLOBAL": "global", "DELETE_GLOBAL": "global",
}


# -- running a program under an observer ---------------------------------------------

def prepare_main(path, args):
    """Compile ``path`` and make its ``__main__``, as ``evalframe run`` does.

    Returns (code, main_module) or an int exit status after printing the error.
    """
    from .. import pythonrun
    abspath = os.path.abspath(path)
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as err:
        return pythonrun.can_not_open(abspath, err)
    sys.argv[:] = [path] + list(args)
    sys.path[0:0] = [os.path.dirname(os.path.realpath(abspath))]
    main = pythonrun.fresh_main(abspath)
    try:
        code = pythonrun.compile_program(source, abspath)
    except BaseException as exc:
        return pythonrun.finish(pythonrun.without_traceback(exc))
    return code, main


def run_observed(code, main, observers, run_limits=None):
    """Run ``code`` in ``main`` with the observers on the traced loop; the exit status.

    ``run_limits`` (evalframe.limits.Limits) are in force while it runs."""
    from .. import pythonrun
    from ..interpreter import traced
    from ..interpreter.ceval import run_code
    from ..runtime import settrace
    settrace.install()
    loop = None
    try:
        try:
            if run_limits:      # (none given: limits a caller installed stay in force)
                limits.install(run_limits)      # (a --timeout may expire at once)
            loop = traced.loop_for()
            for o in observers:
                loop.add_observer(o)
            run_code(code, main.__dict__)
        except BaseException as exc:  # the guest's outcome, reported as CPython does
            return pythonrun.finish(exc)       # (an AbortRun: its one line, its status)
        return 0
    finally:
        if loop is not None:
            for o in observers:
                loop.remove_observer(o)
        traced.release()
        if run_limits:
            limits.finish()


def _flush():
    try:
        sys.stdout.flush()
    except Exception:
        pass


# -- the records ---------------------------------------------------------------------------

class TraceObserver:
    """Builds the event stream from the traced loop's hooks and hands it to a sink.

    ``sink(event)`` receives each Event.  Filters decide which frames count;
    ``max_steps`` counts executed instructions of all frames and stops the
    program with AbortRun when exceeded.
    """

    wants_instructions = True

    def __init__(self, sink, function=None, max_depth=None, lines_only=False,
                 max_steps=None, locals_changes=True, filename=None):
        self.sink = sink
        self.function = function
        self.max_depth = max_depth
        self.lines_only = lines_only
        self.max_steps = max_steps
        self.locals_changes = locals_changes
        self.filename = filename
        self.step = 0
        self.executed = 0
        self._prev = {}          # frame -> index of its last instruction (for --lines)
        self._lines = {}         # code -> per-index line table
        self._base_depth = None

    # which frames are shown
    def depth(self, loop, frame):
        d = loop.depth_of(frame)
        if self._base_depth is None:
            self._base_depth = d
        return d - self._base_depth

    def shown(self, loop, frame):
        code = frame.f_code
        if self.function is not None and self.function not in (code.co_name, code.co_qualname):
            return False
        if self.max_depth is not None and self.depth(loop, frame) > self.max_depth:
            return False
        return True

    def _event(self, kind, loop, frame, **fields):
        parent = guest_back(frame)
        ev = Event(kind, self.step, frame=loop.frame_id(frame),
                   parent=loop.frame_id(parent) if parent is not None else 0,
                   depth=self.depth(loop, frame), code=frame.f_code.co_name,
                   qualname=frame.f_code.co_qualname, file=frame.f_code.co_filename,
                   **fields)
        self.step += 1
        self.emit(ev)
        return ev

    def emit(self, ev):
        """Hand ``ev`` to the sink; a failing sink stops the run, never the guest's code."""
        try:
            self.sink(ev)
        except AbortRun:
            raise
        except BrokenPipeError:
            raise AbortRun(1, "")
        except Exception as exc:
            raise AbortRun(1, "evalframe: trace output failed: %s: %s"
                           % (type(exc).__name__, exc))

    def line_table(self, code):
        lines = self._lines.get(code)
        if lines is None:
            lines = self._lines[code] = line_table(code)
        return lines

    # hooks
    def call(self, loop, frame):
        if not self.shown(loop, frame):
            return
        lasti = frame._lasti
        if lasti < 0:
            line = frame.f_code.co_firstlineno
            note = None
        else:
            line = self.line_table(frame.f_code)[lasti]
            note = "resumed"
        self._event("call", loop, frame, line=line, value=args_summary(frame), note=note)
        self._prev[frame] = lasti

    def before(self, loop, frame, index, stack):
        self.executed += 1
        if self.max_steps is not None and self.executed > self.max_steps:
            raise AbortRun(EXIT_MAX_STEPS, "evalframe trace: stopped after %d instructions "
                           "(--max-steps %d)" % (self.max_steps, self.max_steps))
        if self.lines_only and self.shown(loop, frame):
            lines = self.line_table(frame.f_code)
            line = lines[index]
            prev = self._prev.get(frame, -1)
            lastline = lines[prev] if 0 <= prev < len(lines) else None
            if line is not None and (index < prev or line != lastline):
                self._event("line", loop, frame, line=line, offset=2 * index)
            self._prev[frame] = index

    def after(self, loop, frame, index, stack, jumped):
        if self.lines_only or not self.shown(loop, frame):
            return
        code = frame.f_code
        op = code.co_code[2 * index]
        name = opcodes.opname[op]
        arg, argrepr = arg_of(code, index, op)
        fields = {}
        if self.locals_changes and name in _STORES:
            changed, deleted = _store_effect(frame, name, code, index, op)
            if changed:
                fields["locals"] = changed
            if deleted:
                fields["deleted"] = deleted
        self._event("instr", loop, frame, line=self.line_table(code)[index], offset=2 * index,
                    opname=name, arg=arg, argrepr=argrepr,
                    stack=[safe_repr(v) for v in stack], **fields)

    def exception(self, loop, frame, exc):
        if not self.shown(loop, frame):
            return
        index = frame._lasti
        line = self.line_table(frame.f_code)[index] if index >= 0 else None
        self._event("exception", loop, frame, line=line, offset=2 * index if index >= 0 else None,
                    value=exception_summary(exc))

    def exit(self, loop, frame, value, how):
        self._prev.pop(frame, None)
        if not self.shown(loop, frame):
            return
        index = frame._lasti
        if how != "exception" and not self.lines_only and index >= 0:
            # RETURN_VALUE / YIELD_VALUE / YIELD_FROM ended the run: the loop has
            # popped the value, so the frame's stack is the stack after it
            if how == "yield" and frame.f_code.co_code[2 * index + 2:2 * index + 3] == \
                    bytes((opcodes.YIELD_FROM,)):
                index += 1     # YIELD_FROM keeps f_lasti one before itself
            self.after(loop, frame, index, frame.f_valuestack, False)
        line = self.line_table(frame.f_code)[index] if index >= 0 else None
        self._event("return", loop, frame, line=line, offset=2 * index if index >= 0 else None,
                    value=None if how == "exception" else safe_repr(value),
                    note=None if how == "return" else how)


def line_table(code):
    """The source line of every instruction index of ``code`` (None: no line)."""
    n = len(code.co_code) // 2
    lines = [None] * n
    for start, end, line in code.co_lines():
        for i in range(start // 2, min(end // 2, n)):
            lines[i] = line
    return lines


def arg_of(code, index, op):
    """(arg, argrepr) of instruction ``index``, as dis shows them."""
    if op < opcodes.HAVE_ARGUMENT:
        return None, ""
    from .disasm import describe_arg
    raw = code.co_code
    arg = raw[2 * index + 1]
    shift = 8
    j = index - 1
    while j >= 0 and raw[2 * j] == opcodes.EXTENDED_ARG:
        arg |= raw[2 * j + 1] << shift
        shift += 8
        j -= 1
    try:
        _argval, argrepr = describe_arg(op, arg, 2 * index, code.co_varnames, code.co_names,
                                         code.co_consts, code.co_cellvars + code.co_freevars)
    except Exception:
        argrepr = ""
    if opcodes.argkind[op] == opcodes.ARG_CONST:
        argrepr = safe_repr(code.co_consts[arg])
    return arg, argrepr


def _store_effect(frame, name, code, index, op):
    """({name: repr} bound, [names] unbound) by a STORE_*/DELETE_* instruction."""
    arg, argrepr = arg_of(code, index, op)
    target = argrepr
    kind = _STORES[name]
    value = _MISSING
    try:
        if kind == "local":
            value = frame.f_localsplus[arg]
        elif kind == "free":
            cell = frame.f_localsplus[code.co_nlocals + arg]
            value = getattr(cell, "ob_ref", _MISSING)
        elif kind == "name":
            value = frame._f_locals.get(target, _MISSING) if isinstance(frame._f_locals, dict) \
                else _MISSING
        elif kind == "global":
            value = frame.f_globals.get(target, _MISSING)
    except Exception:
        value = _MISSING
    if name.startswith("DELETE") or value is _MISSING or _is_null(value):
        return {}, [target]
    return {target: safe_repr(value)}, []


_MISSING = object()


def _is_null(value):
    return type(value).__name__ == "_Null"


def args_summary(frame):
    """The arguments a new frame was called with: 'x=1, y=2' (short reprs)."""
    code = frame.f_code
    if not code.co_flags & 0x1 or frame._lasti >= 0:   # not a function, or resumed
        return None
    n = code.co_argcount + code.co_kwonlyargcount
    n += bool(code.co_flags & 0x4) + bool(code.co_flags & 0x8)
    parts = []
    fast = frame.f_localsplus
    cell_index = {name: code.co_nlocals + i for i, name in enumerate(code.co_cellvars)}
    for i, name in enumerate(code.co_varnames[:n]):
        value = fast[i] if i < len(fast) else None
        if _is_null(value) and name in cell_index:
            value = getattr(fast[cell_index[name]], "ob_ref", value)
        parts.append("%s=%s" % (name, safe_repr(value)))
    return ", ".join(parts)


# -- printers ----------------------------------------------------------------------------------

class PlainPrinter:
    """One line per record, columns as in a dis listing, stack on the right."""

    def __init__(self, out, show_file=False):
        self.out = out
        self.show_file = show_file

    def __call__(self, ev):
        self.out.write(format_plain(ev) + "\n")

    def close(self):
        pass


def format_plain(ev):
    indent = "  " * (ev.depth or 0)
    where = "%s%s" % (indent, ev.code)
    line = "" if ev.line is None else str(ev.line)
    if ev.kind == "instr":
        arg = "" if ev.arg is None else str(ev.arg)
        argrepr = "(%s)" % ev.argrepr if ev.argrepr else ""
        text = "%5d %-24s %4s %4d %-20s %5s %-22s | %s" % (
            ev.step, where, line, ev.offset, ev.opname, arg, argrepr, " ".join(ev.stack or ()))
        if ev.locals:
            text += "   " + ", ".join("%s=%s" % kv for kv in ev.locals.items())
        if ev.deleted:
            text += "   del " + ", ".join(ev.deleted)
        return text.rstrip()
    if ev.kind == "call":
        what = "resume" if ev.note == "resumed" else "call"
        return "%5d %-24s %4s      --> %s %s(%s)" % (ev.step, where, line, what, ev.qualname,
                                                  ev.value or "")
    if ev.kind == "return":
        if ev.note == "exception":
            return "%5d %-24s %4s      <-- %s left by an exception" % (ev.step, where, line,
                                                                    ev.qualname)
        verb = "yield" if ev.note == "yield" else "return"
        return "%5d %-24s %4s      <-- %s %s" % (ev.step, where, line, verb, ev.value)
    if ev.kind == "exception":
        return "%5d %-24s %4s      !!! %s" % (ev.step, where, line, ev.value)
    if ev.kind == "line":
        return "%5d %-24s %4s      line %s" % (ev.step, where, line, line)
    if ev.kind == "output":
        return ""
    return "%5d %s %s" % (ev.step, ev.kind, ev.as_dict())


class RichPrinter:
    """The same columns with colours, through Rich, for terminals."""

    STYLES = {"call": "bold green", "return": "bold cyan", "exception": "bold red",
              "line": "yellow"}

    def __init__(self, out, force=False):
        from rich.console import Console
        self.console = Console(file=out, highlight=False, soft_wrap=True,
                               force_terminal=True if force else None)

    def __call__(self, ev):
        from rich.text import Text
        if ev.kind == "instr":
            t = Text()
            t.append("%5d " % ev.step, style="dim")
            t.append("%-24s " % ("  " * (ev.depth or 0) + ev.code), style="blue")
            t.append("%4s %4d " % ("" if ev.line is None else ev.line, ev.offset), style="dim")
            t.append("%-20s " % ev.opname, style="bold")
            t.append("%5s " % ("" if ev.arg is None else ev.arg))
            t.append("%-22s" % ("(%s)" % ev.argrepr if ev.argrepr else ""), style="magenta")
            t.append(" | ", style="dim")
            t.append(" ".join(ev.stack or ()), style="green")
            if ev.locals:
                t.append("   " + ", ".join("%s=%s" % kv for kv in ev.locals.items()),
                         style="yellow")
            if ev.deleted:
                t.append("   del " + ", ".join(ev.deleted), style="yellow")
            self.console.print(t)
        elif ev.kind != "output":
            self.console.print(Text(format_plain(ev), style=self.STYLES.get(ev.kind, "")))

    def close(self):
        pass


class JsonPrinter:
    """The event stream, one JSON object per line (schema evalframe-trace/1)."""

    def __init__(self, out):
        self.out = out

    def __call__(self, ev):
        self.out.write(ev.to_json() + "\n")

    def close(self):
        try:
            self.out.flush()
        except Exception:
            pass


class _OutputTee(io.TextIOBase):
    """The guest's stdout in --json mode: each write becomes an 'output' record."""

    def __init__(self, observer, stream_name):
        self.observer = observer
        self.stream_name = stream_name

    def writable(self):
        return True

    def write(self, s):
        obs = self.observer
        ev = Event("output", obs.step, value=str(s), note=self.stream_name)
        obs.step += 1
        obs.emit(ev)
        return len(s)

    @property
    def encoding(self):
        return "utf-8"


# -- the command ------------------------------------------------------------------------------

def build_parser(prog="trace"):
    p = argparse.ArgumentParser(prog="evalframe " + prog, description=__doc__.split("\n\n")[0])
    p.add_argument("--function", metavar="NAME", help="only frames of functions named NAME")
    p.add_argument("--show-depth", type=int, metavar="N",
                   help="only frames at most N calls deep")
    p.add_argument("--lines", action="store_true", help="line events only")
    p.add_argument("--json", action="store_true", help="write the event stream as JSON lines")
    p.add_argument("--format", choices=("text", "json", "pytutor"), default=None,
                   help="text (the default), json (as --json) or pytutor (Python Tutor's "
                        "trace JSON, docs/web.md)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the trace to FILE")
    p.add_argument("--color", dest="color", action="store_true", default=None,
                   help="colours even when not on a terminal")
    p.add_argument("--no-color", dest="color", action="store_false")
    p.add_argument("--no-locals", action="store_true", help="leave out locals changes")
    p.add_argument("--explain", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--no-c", action="store_true", help=argparse.SUPPRESS)
    limits.add_arguments(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS")
    return p


def main(argv=None, prog="trace"):
    try:
        return _main(argv, prog)
    except BrokenPipeError:
        # the reader went away (``| head``): stop quietly, as the Unix tools do
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except Exception:
            pass
        return 1


def _main(argv, prog):
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(prog)
    try:
        ns = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    if ns.format == "json":
        ns.json = True
    if ns.format == "pytutor" and not ns.explain:
        from . import pytutor
        out = open(ns.output, "w", encoding="utf-8") if ns.output else sys.stdout
        try:
            return pytutor.main(ns, out)
        finally:
            if out is not sys.stdout:
                out.close()
    prepared = prepare_main(ns.file, ns.args)
    if isinstance(prepared, int):
        return prepared
    code, main_module = prepared
    out = open(ns.output, "w", encoding="utf-8") if ns.output else sys.stdout
    try:
        if ns.explain:
            from .explain import ExplainObserver
            observer = ExplainObserver(out, function=ns.function, max_depth=ns.show_depth,
                                       show_c=not ns.no_c)
            return run_observed(code, main_module, [observer], limits.from_namespace(ns))
        if ns.json:
            printer = JsonPrinter(out)
        elif _use_color(ns.color, out):
            printer = RichPrinter(out, force=bool(ns.color))
        else:
            printer = PlainPrinter(out)
        observer = TraceObserver(printer, function=ns.function, max_depth=ns.show_depth,
                                 lines_only=ns.lines, locals_changes=not ns.no_locals)
        if ns.json:
            printer(Event("header", 0, note=SCHEMA, program=os.path.abspath(ns.file),
                          argv=[ns.file] + list(ns.args), schema=SCHEMA))
            observer.step = 1
        saved = sys.stdout
        if ns.json and out is sys.stdout:
            sys.stdout = _OutputTee(observer, "stdout")
        try:
            status = run_observed(code, main_module, [observer], limits.from_namespace(ns))
        finally:
            sys.stdout = saved
        if ns.json:
            printer(Event("end", observer.step, note="status %d" % status, status=status,
                          steps=observer.executed))
        printer.close()
        return status
    finally:
        if out is not sys.stdout:
            out.close()


def _use_color(choice, out):
    if choice is not None:
        return choice and _have_rich()
    try:
        return out.isatty() and _have_rich() and not os.environ.get("NO_COLOR")
    except Exception:
        return False


def _have_rich():
    try:
        import rich  # noqa: F401
    except ImportError:
        return False
    return True
