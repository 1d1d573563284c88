"""``evalframe step FILE [ARGS]``: an interactive stepper at the instruction level.

Stops before instructions and lets you look at the machine: the value stack,
the frame stack (f_back chain), locals, cells and globals of the current
frame, and the value of an expression evaluated by the VM in that frame's
globals and locals.  Movement: by instruction into calls (``s``/``si``), by
instruction over calls (``ni``), by line over calls (``n``), by line into
calls (``sl``), out of the current frame (``o``), or on to a line
breakpoint (``b LINE``, ``c``).

It plays the role of pdb for the VM itself (Lib/pdb.py's commands and
prompt style, on bdb's stop rules: step, next, return, continue), with the
stop decision made on the traced loop's ``before`` hook instead of a trace
function, so it can stop between any two instructions.  Lines are found
with the rule of ceval.c's maybe_call_line_trace (3.10): an instruction
starts a line when its line differs from the previous instruction's or it
is the target of a backward jump.
"""

import io
import os
import sys

from .. import opcodes
from ..interpreter.traced import AbortRun
from .events import safe_repr, exception_summary
from .tracer import line_table as _line_table
from ..objects.frameobject import guest_back

HELP = """\
commands:
  s, si        step one instruction (into calls)
  ni           next instruction in this frame (over calls)
  n            next line in this frame (over calls)
  sl           next line anywhere (into calls)
  o, out       run until the current frame returns
  c            continue to a breakpoint (or the end)
  b [LINE | FILE:LINE]   set a breakpoint (no argument: list them)
  cl LINE      clear a breakpoint
  stack        the value stack of the current frame
  bt, frames   the frame stack
  locals       the current frame's locals (fast locals or the locals dict)
  cells        cell and free variables with their contents
  globals      the current frame's globals
  p EXPR       evaluate EXPR in the VM, in the current frame's globals and locals
  dis          the disassembly of the current code object, current instruction marked
  w, where     show where execution stopped
  q            quit (the program is stopped; so does end of input)
  h, help      this text
(an empty line repeats the last movement command)
"""

_MOVES = {"s", "si", "ni", "n", "sl", "o", "out", "c", "cont", "continue", "step", "next"}


class Stepper:
    """The traced loop observer that stops, shows and reads commands."""

    wants_instructions = True

    def __init__(self, stdin=None, stdout=None, main_file=None):
        self.stdin = stdin or sys.stdin
        self.out = stdout or sys.stdout
        self.main_file = main_file
        self.mode = "instr"          # stop at the very first instruction
        self.target = None           # the frame a 'n'/'ni'/'o' command is about
        self.target_depth = 0
        self.breaks = set()          # (canonical filename, line)
        self.busy = False            # evaluating an expression: never stop
        self.last_move = "s"
        self._prev = {}
        self._lines = {}
        self.loop = None
        self.frame = None
        self.index = None
        self.stack = None

    # -- where lines start ----------------------------------------------------------

    def line_table(self, code):
        lines = self._lines.get(code)
        if lines is None:
            lines = self._lines[code] = _line_table(code)
        return lines

    def _starts_line(self, frame, index):
        lines = self.line_table(frame.f_code)
        prev = self._prev.get(frame, -1)
        line = lines[index]
        lastline = lines[prev] if 0 <= prev < len(lines) else None
        return line is not None and (index < prev or line != lastline)

    # -- the hooks ---------------------------------------------------------------------

    def call(self, loop, frame):
        self._prev[frame] = frame._lasti

    def exit(self, loop, frame, value, how):
        self._prev.pop(frame, None)
        if self.busy:
            return
        if self.mode == "instr":
            if how == "exception":
                self._say("<-- %s left by an exception" % frame.f_code.co_qualname)
            else:
                self._say("<-- %s %s %s" % (frame.f_code.co_qualname,
                                            "yields" if how == "yield" else "returns",
                                            safe_repr(value)))

    def exception(self, loop, frame, exc):
        if not self.busy and self.mode in ("instr", "line", "sline", "ninstr"):
            self._say("!!! %s in %s" % (exception_summary(exc), frame.f_code.co_qualname))

    def after(self, loop, frame, index, stack, jumped):
        pass

    def before(self, loop, frame, index, stack):
        if self.busy:
            return
        starts = self._starts_line(frame, index)
        self._prev[frame] = index
        depth = loop.depth_of(frame)
        stop = False
        mode = self.mode
        if mode == "instr":
            stop = True
        elif mode == "ninstr":
            stop = frame is self.target or depth < self.target_depth
        elif mode == "line":
            stop = (frame is self.target and starts) or depth < self.target_depth
        elif mode == "sline":
            stop = starts
        elif mode == "out":
            stop = depth < self.target_depth
        if not stop and starts and self.breaks:
            key = (self._canonic(frame.f_code.co_filename), self.line_table(frame.f_code)[index])
            if key in self.breaks:
                stop = True
                self._say("Breakpoint at %s:%d" % (os.path.basename(key[0]), key[1]))
        if stop:
            self.interact(loop, frame, index, stack, depth)

    # -- the prompt ------------------------------------------------------------------------

    def _say(self, text):
        self.out.write(text + "\n")
        try:
            self.out.flush()
        except Exception:
            pass

    def _canonic(self, filename):
        if filename.startswith("<") and filename.endswith(">"):
            return filename
        return os.path.normcase(os.path.abspath(filename))

    def where(self):
        frame, index = self.frame, self.index
        code = frame.f_code
        line = self.line_table(code)[index]
        op = code.co_code[2 * index]
        from .tracer import arg_of
        arg, argrepr = arg_of(code, index, op)
        text = "> %s(%s)%s() offset %d: %s" % (code.co_filename, line, code.co_name, 2 * index,
                                             opcodes.opname[op])
        if arg is not None:
            text += " %d" % arg
            if argrepr:
                text += " (%s)" % argrepr
        self._say(text)
        source = _source_line(code.co_filename, line, frame.f_globals)
        if source:
            self._say("-> " + source.strip())
        self._say("   stack: [%s]" % ", ".join(safe_repr(v) for v in self.stack))

    def interact(self, loop, frame, index, stack, depth):
        self.loop, self.frame, self.index, self.stack = loop, frame, index, stack
        self.where()
        while True:
            self.out.write("(step) ")
            try:
                self.out.flush()
            except Exception:
                pass
            line = self.stdin.readline()
            if not line:
                # EOF: quit, as pdb's do_EOF does (running on could never end)
                self._say("")
                raise AbortRun(0, "")
            line = line.strip()
            if not line:
                line = self.last_move
            cmd, _, rest = line.partition(" ")
            rest = rest.strip()
            if cmd in _MOVES:
                self.last_move = line
                self._move(cmd, frame, depth)
                return
            try:
                self.command(cmd, rest)
            except AbortRun:
                raise
            except Exception as exc:   # a broken command must not end the session
                self._say("*** %s: %s" % (type(exc).__name__, exc))

    def _move(self, cmd, frame, depth):
        self.target = frame
        self.target_depth = depth
        if cmd in ("s", "si", "step"):
            self.mode = "instr"
        elif cmd == "ni":
            self.mode = "ninstr"
        elif cmd in ("n", "next"):
            self.mode = "line"
        elif cmd == "sl":
            self.mode = "sline"
        elif cmd in ("o", "out"):
            self.mode = "out"
        else:
            self.mode = "continue"

    def command(self, cmd, rest):
        frame = self.frame
        code = frame.f_code
        if cmd in ("h", "help", "?"):
            self.out.write(HELP)
        elif cmd in ("w", "where"):
            self.where()
        elif cmd == "q" or cmd == "quit":
            raise AbortRun(0, "")
        elif cmd == "stack":
            if not self.stack:
                self._say("(empty)")
            for i, v in enumerate(self.stack):
                self._say("  [%d] %s%s" % (i, safe_repr(v, limit=70),
                                           "   <- top" if i == len(self.stack) - 1 else ""))
        elif cmd in ("bt", "frames"):
            f = frame
            n = 0
            while f is not None:
                idx = f._lasti if f is not frame else self.index
                line = self.line_table(f.f_code)[idx] if idx >= 0 else f.f_code.co_firstlineno
                self._say("%s#%d %s at %s:%s (offset %d, %d on the value stack)" % (
                    ">" if f is frame else " ", n, f.f_code.co_qualname,
                    os.path.basename(f.f_code.co_filename), line, 2 * max(idx, 0),
                    len(f.f_valuestack)))
                f = guest_back(f)
                n += 1
        elif cmd == "locals":
            self._show_locals(frame)
        elif cmd == "cells":
            names = code.co_cellvars + code.co_freevars
            if not names:
                self._say("(no cells)")
            for i, name in enumerate(names):
                cell = frame.f_localsplus[code.co_nlocals + i]
                kind = "cell" if i < len(code.co_cellvars) else "free"
                try:
                    contents = safe_repr(cell.cell_contents)
                except ValueError:
                    contents = "<empty>"
                except Exception:
                    contents = safe_repr(cell)
                self._say("  %s %s = %s" % (kind, name, contents))
        elif cmd == "globals":
            for key, value in frame.f_globals.items():
                if key == "__builtins__":
                    continue
                self._say("  %s = %s" % (key, safe_repr(value)))
        elif cmd in ("p", "print"):
            self._say(self.evaluate(rest))
        elif cmd == "dis":
            from .disasm import disassemble
            buf = io.StringIO()
            disassemble(code, lasti=2 * self.index, file=buf)
            self.out.write(buf.getvalue())
        elif cmd in ("b", "break"):
            if not rest:
                if not self.breaks:
                    self._say("no breakpoints")
                for filename, line in sorted(self.breaks):
                    self._say("  %s:%d" % (filename, line))
                return
            filename, line = self._parse_location(rest)
            self.breaks.add((filename, line))
            self._say("Breakpoint at %s:%d" % (os.path.basename(filename), line))
        elif cmd in ("cl", "clear"):
            filename, line = self._parse_location(rest)
            self.breaks.discard((filename, line))
            self._say("Cleared %s:%d" % (os.path.basename(filename), line))
        else:
            self._say("*** unknown command %r (h for help)" % cmd)

    def _parse_location(self, text):
        if ":" in text:
            filename, _, line = text.rpartition(":")
            return self._canonic(filename), int(line)
        filename = self.main_file or self.frame.f_code.co_filename
        return self._canonic(filename), int(text)

    def _show_locals(self, frame):
        code = frame.f_code
        if code.co_flags & 0x1:      # CO_OPTIMIZED: the fast locals
            cells = {name: code.co_nlocals + i for i, name in enumerate(code.co_cellvars)}
            fast = frame.fast_locals()
            for i, name in enumerate(code.co_varnames):
                value = fast[i]
                where = ""
                if type(value).__name__ == "_Null" and name in cells:
                    # 3.10 moves an argument that inner functions capture into its cell
                    value = getattr(frame.f_localsplus[cells[name]], "ob_ref", value)
                    where = " (in its cell)"
                shown = "<unbound>" if type(value).__name__ == "_Null" else safe_repr(value)
                self._say("  %s = %s%s" % (name, shown, where))
            if not code.co_varnames:
                self._say("(no locals)")
        else:
            d = frame.f_locals
            for key, value in d.items():
                if isinstance(key, str) and key.startswith("__") and key.endswith("__"):
                    continue
                self._say("  %s = %s" % (key, safe_repr(value)))

    def evaluate(self, source):
        """The repr of ``source`` evaluated by the VM in the current frame."""
        from ..compiler import compile_source
        from ..interpreter.ceval import run_code
        frame = self.frame
        try:
            code = compile_source(source, "<step>", "eval")
        except SyntaxError as exc:
            return "*** SyntaxError: %s" % exc.msg
        if frame.f_code.co_flags & 0x1:
            local_ns = dict(frame.f_locals)
        else:
            local_ns = frame.f_locals
        self.busy = True
        try:
            value = run_code(code, frame.f_globals, local_ns)
            text = repr(value)
        except AbortRun:
            raise
        except BaseException as exc:
            return "*** %s" % exception_summary(exc)
        finally:
            self.busy = False
        return text


def _source_line(filename, line, module_globals):
    if line is None:
        return ""
    import linecache
    return linecache.getline(filename, line, module_globals)


# -- the command -----------------------------------------------------------------------

def main(argv=None, stdin=None, stdout=None):
    from .tracer import prepare_main, run_observed
    from .. import limits
    argv = list(sys.argv[1:] if argv is None else argv)
    run_limits = limits.Limits()
    try:
        while argv and argv[0].startswith("--") and argv[0] != "--help":
            after = limits.take_option(argv, 0, run_limits)
            if after is None:
                break
            del argv[:after]
    except ValueError as err:
        sys.stderr.write(USAGE + "evalframe step: error: %s\n" % err)
        return 2
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(USAGE + "\n" + HELP)
        return 0 if argv else 2
    prepared = prepare_main(argv[0], argv[1:])
    if isinstance(prepared, int):
        return prepared
    code, main_module = prepared
    stepper = Stepper(stdin=stdin, stdout=stdout, main_file=os.path.abspath(argv[0]))
    status = run_observed(code, main_module, [stepper], run_limits)
    return status


USAGE = ("usage: evalframe step [--max-steps N] [--timeout SECONDS] [--max-memory MB] "
         "[--max-depth N] FILE [ARGS...]\n")
