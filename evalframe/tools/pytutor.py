"""``evalframe trace --format pytutor FILE``: Python Tutor's trace JSON, made by the VM.

Python Tutor (pythontutor.com) draws frames and a heap from a JSON trace that
its back end, ``pg_logger.py`` with ``pg_encoder.py``, records through bdb: one
entry per executed line (events ``step_line``, ``call``, ``return``,
``exception``, ``uncaught_exception``, ``instruction_limit_reached``), each with
``line``, ``func_name``, ``globals``/``ordered_globals``, ``stack_to_render``
(the frames with their encoded locals), ``heap`` (objects by small id, reached
through ``["REF", id]``) and ``stdout`` so far.  This module writes the same
format from the traced loop (interpreter/traced.py), so Python Tutor's front
end can replay a run of evalframe.  docs/web.md ("Python Tutor format") maps
our records to its fields.

What the VM knows better than pg_logger: which frame a closure belongs to.
pg_logger guesses a function's parent frame by comparing variable values;
here a frame's cell objects are recorded when it starts, and a function whose
``__closure__`` holds one of them has that frame as its parent, exactly.
Reprs never call guest code (events.safe_repr), as in every seeing tool.
"""

import io
import json
import math
import os
import sys
import types

from .events import safe_repr, exception_summary
from .tracer import line_table

CO_OPTIMIZED = 0x1
# pg_logger's IGNORE_VARS, plus what a __main__ of CPython 3 also holds
IGNORE_VARS = frozenset(("__builtins__", "__name__", "__exception__", "__doc__",
                         "__package__", "__loader__", "__spec__", "__annotations__",
                         "__file__", "__cached__"))
FLOAT_PRECISION = 4        # pg_encoder rounds floats to 4 digits
# pg_encoder's hidden attributes of classes and instances, and the two a
# class gets from a 3.13 host's compiler (the traces are 3.10's on every host)
CLASS_SKIP = frozenset(("__doc__", "__module__", "__return__", "__dict__", "__locals__",
                        "__weakref__", "__qualname__", "__firstlineno__",
                        "__static_attributes__"))


def _guest_types():
    from ..objects.cellobject import Cell, NULL
    from ..objects.funcobject import Function
    return Cell, NULL, Function


class Encoder:
    """pg_encoder.ObjectEncoder's format: primitives as themselves, compound
    objects in ``heap`` under small ids that stay the same for the whole run
    (objects are kept alive so an id is never reused)."""

    def __init__(self, parent_of_function):
        self.parent_of_function = parent_of_function
        self.ids = {}
        self.keep = []
        self.next_id = 1
        self.heap = {}
        self.Cell, self.NULL, self.Function = _guest_types()

    def reset_heap(self):
        self.heap = {}

    def encode(self, value, depth=0):
        t = type(value)
        if value is None or t in (bool, str):
            return value
        if t is int:
            # as pg_encoder: verbatim (a huge one as text: str() of it may be refused)
            return value if value.bit_length() <= 10000 else ["SPECIAL_FLOAT", safe_repr(value)]
        if t is float:
            if math.isinf(value):
                return ["SPECIAL_FLOAT", "Infinity" if value > 0 else "-Infinity"]
            if math.isnan(value):
                return ["SPECIAL_FLOAT", "NaN"]
            if value == int(value):
                return ["SPECIAL_FLOAT", "%.1f" % value]
            return round(value, FLOAT_PRECISION)
        imported = self._imported(value)
        if imported is not None:
            return imported
        key = id(value)
        small = self.ids.get(key)
        if small is None:
            small = self.ids[key] = self.next_id
            self.next_id += 1
            self.keep.append(value)
        ref = ["REF", small]
        if small in self.heap:
            return ref
        obj = self.heap[small] = []
        if depth > 50:                       # very deep structures: stop descending
            obj.extend(["INSTANCE_PPRINT", _type_name(value), safe_repr(value)])
            return ref
        d = depth + 1
        if t is list:
            obj.append("LIST")
            obj.extend(self.encode(e, d) for e in list(value))
        elif t is tuple:
            obj.append("TUPLE")
            obj.extend(self.encode(e, d) for e in value)
        elif t is set:
            obj.append("SET")
            obj.extend(self.encode(e, d) for e in list(value))
        elif t is dict:
            obj.append("DICT")
            for k, v in list(value.items()):
                if k not in ("__module__", "__return__", "__locals__"):
                    obj.append([self.encode(k, d), self.encode(v, d)])
        elif t is self.Function:
            obj.extend(self._function(value, d))
        elif t in (types.BuiltinFunctionType, types.FunctionType, types.MethodType):
            obj.extend(["FUNCTION", "%s(...)" % getattr(value, "__name__", "?"), None])
        elif isinstance(value, type):
            obj.extend(self._class(value, d))
        else:
            obj.extend(self._instance(value, d))
        return ref

    def _imported(self, value):
        """pg_encoder's IMPORTED_FAUX_PRIMITIVE: a module, class or host function
        that comes from a file of the library is drawn as a label, not opened up
        (instances of imported classes are shown, as there)."""
        t = type(value)
        if t is types.ModuleType:
            module = value
        elif isinstance(value, type) or t in (types.FunctionType, types.BuiltinFunctionType,
                                               types.MethodType):
            module = sys.modules.get(getattr(value, "__module__", None) or "")
        else:
            return None
        if module is None or getattr(module, "__name__", None) == "__main__":
            return None
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.startswith("/"):
            return ["IMPORTED_FAUX_PRIMITIVE",
                    "imported class" if isinstance(value, type) else "imported object"]
        return None

    def _function(self, func, d):
        code = func._code      # (the slots: no audit event for a guest hook)
        n = code.co_argcount + code.co_kwonlyargcount
        names = list(code.co_varnames[:code.co_argcount])
        if code.co_flags & 0x4:
            names.append("*" + code.co_varnames[n])
        names.extend(code.co_varnames[code.co_argcount:n])
        if code.co_flags & 0x8:
            names.append("**" + code.co_varnames[n + bool(code.co_flags & 0x4)])
        pretty = "%s(%s)" % (func.__name__, ", ".join(names))
        if code.co_name == "<lambda>":
            pretty += " <line %d>" % code.co_firstlineno
        out = ["FUNCTION", pretty, self.parent_of_function(func)]
        defaults = []
        positional = code.co_varnames[:code.co_argcount]
        if func._defaults:
            start = len(positional) - len(func._defaults)
            for name, value in zip(positional[start:], func._defaults):
                defaults.append([name, self.encode(value, d)])
        if func._kwdefaults:
            for name in code.co_varnames[code.co_argcount:n]:
                if name in func._kwdefaults:
                    defaults.append([name, self.encode(func._kwdefaults[name], d)])
        if defaults:
            out.append(defaults)
        return out

    def _class(self, cls, d):
        supers = [b.__name__ for b in cls.__bases__ if b is not object]
        return ["CLASS", cls.__name__, supers] + self._attrs(cls, d)

    def _instance(self, obj, d):
        """``INSTANCE_PPRINT`` with str(obj) when that says something (not
        ``<... at 0x...>``), else ``INSTANCE``; then the attributes.  str() is
        called only when neither __str__ nor __repr__ is guest code."""
        name = _type_name(obj)
        text = _host_str(obj)
        if text and text[0] == "<" and text[-1] == ">" and (" at " in text
                                                            or text.startswith("<module")):
            text = None
        out = ["INSTANCE_PPRINT", name, text] if text else ["INSTANCE", name]
        if name == "module":
            return out
        return out + self._attrs(obj, d)

    def _attrs(self, obj, d):
        try:
            attrs = object.__getattribute__(obj, "__dict__")
        except (AttributeError, TypeError):
            return []
        out = []
        for k in sorted(k for k in list(attrs) if isinstance(k, str) and k not in CLASS_SKIP):
            out.append([self.encode(k, d), self.encode(attrs[k], d)])
        return out


def _type_name(value):
    try:
        return type(value).__name__
    except Exception:
        return "object"


def _host_str(obj, limit=1000):
    """str(obj) when it runs no guest code, else None."""
    from .events import defines_guest_repr
    Function = _guest_types()[2]
    try:
        for klass in type(obj).__mro__:
            impl = klass.__dict__.get("__str__")
            if impl is not None:
                break
        if type(impl) is Function:
            return None
        if impl is object.__str__ and defines_guest_repr(obj):
            return None
        text = str(obj)
    except Exception:
        return None
    if not isinstance(text, str):
        return None
    return text if len(text) <= limit else text[:limit - 3] + "..."


_NOTHING = object()      # no return value to show


class PyTutorObserver:
    """Records Python Tutor trace entries from the traced loop's hooks.

    Only frames of the main program file are shown (pg_logger traces
    ``__main__`` only); class bodies are skipped, as pg_logger does.
    """

    wants_instructions = True

    def __init__(self, main_file, stdout_buffer):
        self.main_file = main_file
        self.stdout = stdout_buffer
        self.trace = []
        self.frame_ids = {}          # frame -> id in call order (frame_id)
        self.cell_owner = {}         # id(cell) -> frame that made it
        self._cells = []             # the cells, kept alive with the frames
        self.parents = set()         # frames that are lexical parents of a function
        self.zombies = []            # parents that have returned, still drawn
        self._returned = {}          # frame -> the value it returned (zombies show it)
        self._next_frame_id = 0
        self.all_globals = []        # globals in order of first appearance
        self._prev = {}              # frame -> last instruction index
        self._lines = {}
        self.stack = []              # the frames being shown, oldest first
        self.encoder = Encoder(self._parent_of_function)
        self.main_globals = None

    # -- which frames count -----------------------------------------------------------

    def _shown(self, frame):
        code = frame.f_code
        if code.co_filename != self.main_file:
            return False
        if not code.co_flags & CO_OPTIMIZED and code.co_name != "<module>":
            return False                        # a class body
        return True

    def _line_table(self, code):
        lines = self._lines.get(code)
        if lines is None:
            lines = self._lines[code] = line_table(code)
        return lines

    # -- closures: the exact parent frame ----------------------------------------------

    def _note_cells(self, frame):
        code = frame.f_code
        n = len(code.co_cellvars)
        if not n:
            return
        Cell = self.encoder.Cell
        for cell in frame.f_localsplus[code.co_nlocals:code.co_nlocals + n]:
            if type(cell) is Cell:
                self.cell_owner[id(cell)] = frame
                self._cells.append(cell)

    def _parent_of_function(self, func):
        closure = func.__closure__
        if not closure:
            return None
        owner = self.cell_owner.get(id(closure[0]))
        if owner is None or owner not in self.frame_ids:
            return None
        if owner not in self.parents:
            self.parents.add(owner)
        return self.frame_ids[owner]

    def _lexical_parents(self, frame):
        """parent_frame_id_list: the frames whose cells ``frame``'s code uses."""
        code = frame.f_code
        out = []
        nfree = len(code.co_freevars)
        if nfree:
            start = code.co_nlocals + len(code.co_cellvars)
            seen = set()
            for cell in frame.f_localsplus[start:start + nfree]:
                owner = self.cell_owner.get(id(cell))
                if owner is not None and owner in self.frame_ids and owner not in seen:
                    seen.add(owner)
                    self.parents.add(owner)
                    out.append(self.frame_ids[owner])
        return sorted(out, reverse=True)

    # -- the hooks -----------------------------------------------------------------------

    def call(self, loop, frame):
        if frame.f_code.co_name == "<module>" and frame.f_code.co_filename == self.main_file:
            self.main_globals = frame.f_globals
        if not self._shown(frame):
            return
        module = frame.f_code.co_name == "<module>"
        if not module:
            # pg_logger numbers function frames only, from 1, at every 'call'
            # event: a resumed generator gets a new number
            if frame not in self.frame_ids:
                self._note_cells(frame)
            self._next_frame_id += 1
            self.frame_ids[frame] = self._next_frame_id
        self._prev[frame] = frame._lasti
        self._returned.pop(frame, None)        # (a generator resumed)
        if not module:
            self.stack.append(frame)
            line = frame.f_code.co_firstlineno if frame._lasti < 0 else \
                self._line_table(frame.f_code)[frame._lasti]
            self._record("call", frame, line)

    def before(self, loop, frame, index, stack):
        if frame not in self._prev:
            return
        lines = self._line_table(frame.f_code)
        prev = self._prev[frame]
        self._prev[frame] = index
        line = lines[index]
        last = lines[prev] if 0 <= prev < len(lines) else None
        if line is not None and (index < prev or line != last):
            self._record("step_line", frame, line)

    def after(self, loop, frame, index, stack, jumped):
        pass

    def exception(self, loop, frame, exc):
        if frame not in self._prev:
            return
        index = frame._lasti
        line = self._line_table(frame.f_code)[index] if index >= 0 else None
        self._record("exception", frame, line, exception_msg=exception_summary(exc, limit=200))

    def exit(self, loop, frame, value, how):
        if frame not in self._prev:
            return
        index = frame._lasti
        line = self._line_table(frame.f_code)[index] if index >= 0 else None
        # bdb reports a frame left by an exception as a return of None, too
        if how == "exception":
            value = None
        self._record("return", frame, line, returned=value)
        self._returned[frame] = value     # a zombie keeps showing it, as in pg_logger
        del self._prev[frame]
        if frame in self.stack:
            self.stack.remove(frame)
        if frame in self.parents and frame not in self.zombies:
            self.zombies.append(frame)

    # -- entries ---------------------------------------------------------------------------

    def _frame_entry(self, frame, returned=_NOTHING):
        code = frame.f_code
        NULL = self.encoder.NULL
        Cell = self.encoder.Cell
        encoded = {}
        names = []
        fast = frame.fast_locals()
        for i, name in enumerate(code.co_varnames):
            value = fast[i] if i < len(fast) else NULL
            if value is NULL or name in IGNORE_VARS:
                continue
            encoded[name] = self.encoder.encode(value)
            names.append(name)
        for i, name in enumerate(code.co_cellvars):
            cell = fast[code.co_nlocals + i]
            value = cell.ob_ref if type(cell) is Cell else NULL
            if value is NULL or name in encoded:
                continue
            encoded[name] = self.encoder.encode(value)
            names.append(name)
        if returned is not _NOTHING:
            encoded["__return__"] = self.encoder.encode(returned)
            names.append("__return__")
        name = code.co_name
        if name == "<lambda>":
            name += " <line %d>" % code.co_firstlineno
        fid = self.frame_ids[frame]
        return {"func_name": name, "is_parent": frame in self.parents, "frame_id": fid,
                "parent_frame_id_list": self._lexical_parents(frame),
                "encoded_locals": encoded, "ordered_varnames": names}

    def _record(self, event, frame, line, exception_msg=None, returned=_NOTHING):
        enc = self.encoder
        enc.reset_heap()
        stack = []
        for f in self.stack:
            entry = self._frame_entry(f, returned if f is frame else _NOTHING)
            entry["is_zombie"] = False
            entry["is_highlighted"] = f is frame
            stack.append(entry)
        for f in self.zombies:
            if f not in self.stack:
                entry = self._frame_entry(f, self._returned.get(f, _NOTHING))
                entry["is_zombie"] = True
                entry["is_highlighted"] = False
                stack.append(entry)
        stack.sort(key=lambda e: e["frame_id"])
        for e in stack:
            e["unique_hash"] = "%s_f%d%s%s" % (e["func_name"], e["frame_id"],
                                               "_p" if e["is_parent"] else "",
                                               "_z" if e["is_zombie"] else "")
        globs = {}
        g = self.main_globals if self.main_globals is not None else frame.f_globals
        for k, v in list(g.items()):
            if not isinstance(k, str) or k in IGNORE_VARS or k == "__return__":
                continue
            globs[k] = enc.encode(v)
            if k not in self.all_globals:
                self.all_globals.append(k)
        entry = {"line": line, "event": event, "func_name": frame.f_code.co_name,
                 "globals": globs, "ordered_globals": [k for k in self.all_globals if k in globs],
                 "stack_to_render": stack, "heap": enc.heap, "stdout": self.stdout.getvalue()}
        if exception_msg is not None:
            entry["exception_msg"] = exception_msg
        self.trace.append(entry)

    def finish(self, status, stop=None, uncaught=None):
        """The end of the run: a limit's stop or an uncaught exception closes the trace."""
        if stop is not None:
            self.trace.append({"event": "instruction_limit_reached",
                               "exception_msg": stop})
        elif uncaught is not None and not any(e["event"] == "exception"
                                               for e in self.trace):
            # pg_logger adds it only when no 'exception' entry was recorded
            # (in practice: a program that does not compile)
            entry = {"event": "uncaught_exception",
                     "exception_msg": exception_summary(uncaught, limit=200)}
            line = getattr(uncaught, "lineno", None)
            if isinstance(uncaught, SyntaxError) and isinstance(line, int):
                entry["line"] = line
                if isinstance(getattr(uncaught, "offset", None), int):
                    entry["offset"] = uncaught.offset
            self.trace.append(entry)
        # pg_logger's finalize: drop a <module> return right after an exception
        t = self.trace
        if len(t) >= 2 and t[-2]["event"] == "exception" and t[-1]["event"] == "return" \
                and t[-1].get("func_name") == "<module>":
            t.pop()
        return t


class _Capture(io.StringIO):
    """The guest's sys.stdout while recording: kept for the ``stdout`` fields."""

    def fileno(self):
        raise io.UnsupportedOperation("fileno")


def record(path, args=(), run_limits=None):
    """Run ``path`` and return (Python Tutor trace dict, exit status).

    Compile errors give a trace with one ``uncaught_exception`` entry, as
    pg_logger's does.
    """
    from .. import limits, pythonrun
    from ..interpreter import traced
    from ..interpreter.ceval import run_code
    from ..runtime import settrace
    abspath = os.path.abspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as err:
        return None, pythonrun.can_not_open(abspath, err)
    source = data.decode("utf-8", "replace")
    sys.argv[:] = [path] + list(args)
    sys.path[0:0] = [os.path.dirname(os.path.realpath(abspath))]
    main = pythonrun.fresh_main(abspath)
    try:
        code = pythonrun.compile_program(data, abspath)
    except BaseException as exc:      # a SyntaxError: the trace says so, as pg_logger's
        obs = PyTutorObserver(abspath, io.StringIO())
        return {"code": source, "trace": obs.finish(1, uncaught=exc)}, 1
    buf = _Capture()
    obs = PyTutorObserver(abspath, buf)
    settrace.install()
    loop = None
    saved = sys.stdout
    stop = uncaught = None
    try:
        try:
            limits.install(run_limits)      # (a --timeout may expire at once)
            loop = traced.loop_for()
            loop.add_observer(obs)
            sys.stdout = buf
            run_code(code, main.__dict__)
            status = 0
        except BaseException as exc:  # the guest's outcome, reported as `run` does
            sys.stdout = saved
            if isinstance(exc, limits.AbortRun):
                stop = exc.message or "stopped"
            elif isinstance(exc, MemoryError) and limits.memory_message():
                stop = limits.memory_message()
            elif not isinstance(exc, SystemExit):
                uncaught = exc
            status = pythonrun.finish(exc)
    finally:
        sys.stdout = saved
        if loop is not None:
            loop.remove_observer(obs)
        traced.release()
        limits.finish()
    return {"code": source, "trace": obs.finish(status, stop=stop, uncaught=uncaught)}, status


def main(ns, out):
    """``trace --format pytutor``: write the JSON document to ``out``; the exit status."""
    from .. import limits
    result, status = record(ns.file, ns.args, limits.from_namespace(ns))
    if result is None:
        return status
    json.dump(result, out, ensure_ascii=False, separators=(",", ":"))
    out.write("\n")
    return status
