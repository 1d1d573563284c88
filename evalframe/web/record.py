"""The recorder behind ``evalframe web``: one whole run as one JSON-able recording.

A time-travelling viewer needs the machine's full state at every step, so the
program is run once on the traced eval loop (evalframe/interpreter/traced.py,
CPython's ``tracing_dispatch`` path of ceval.c) with an observer, and every
moment the loop reports becomes a *step*:

  ``c`` call      a frame starts or a generator resumes (PyTrace_CALL)
  ``i`` instr     an instruction is about to run (3.10's ``f->f_lasti = INSTR_OFFSET()``)
  ``x`` exception an exception was raised in, or arrived at, a frame (call_exc_trace)
  ``r`` return, ``y`` yield, ``u`` unwind (the frame is left by an exception)

The state shown at a step is the state *before* its instruction runs, as a
debugger shows it.  The explainer's sentence for that instruction
(evalframe.tools.explain, fed by the same hooks) is attached to the step.

Compactness: objects get small stable ids (never host ``id()``) and live in a
heap of *versions*: an object's snapshot is stored again only when it differs
from its last one.  Which objects are looked at again is decided per step, not
by walking everything: an instruction can change only what it has on the value
stack (a container, an instance, a cell via STORE_DEREF...) or the locals of
its own frame, so each step re-snapshots the objects on the stack before and
after the previous instruction, the current frame, and every object never seen
before.  Host code mutating an object that was not on the stack is the one
case this misses (docs/web.md, limits).  Reprs come from events.safe_repr:
never a guest ``__repr__``.

Format (schema ``evalframe-recording/1``): see docs/web.md.
"""

import io
import itertools
import os
import sys
import tokenize
import types

from .. import opcodes
from ..interpreter.traced import AbortRun
from ..tools.events import exception_summary, safe_repr
from ..objects.frameobject import guest_back
from ..tools.explain import ExplainObserver
from ..tools.tracer import prepare_main, run_observed

SCHEMA = "evalframe-recording/1"
DEFAULT_MAX_STEPS = 100000       # instructions recorded before the run is stopped
EXIT_MAX_STEPS = 3               # exit status when --max-steps stops the run (as trace)
MAX_ITEMS = 60                   # items of a container kept in its snapshot
MAX_NEW_PER_STEP = 400           # new objects snapshotted per step (the rest later)
MAX_FILE_CHARS = 400000          # source text kept per file

# Step kinds (the first field of a step record).
CALL, INSTR, EXCEPTION, RETURN, YIELD, UNWIND = "c", "i", "x", "r", "y", "u"
_EXIT_KIND = {"return": RETURN, "yield": YIELD, "exception": UNWIND}
_FRAME_SUSPENDED = -1            # frameobject.FRAME_SUSPENDED
_GLOBAL_STORES = frozenset((opcodes.opmap["STORE_GLOBAL"], opcodes.opmap["DELETE_GLOBAL"]))


def _ops(*names):
    return frozenset(opcodes.opmap[n] for n in names if n in opcodes.opmap)


# Instructions that cannot change an object they find on the stack (they load,
# bind, test, jump or build new objects): after one of these, only objects never
# seen before need a snapshot.
_KEEPS_OBJECTS = _ops(
    "NOP", "POP_TOP", "ROT_TWO", "ROT_THREE", "ROT_FOUR", "ROT_N", "DUP_TOP", "DUP_TOP_TWO",
    "LOAD_CONST", "LOAD_FAST", "LOAD_NAME", "LOAD_GLOBAL", "LOAD_DEREF", "LOAD_CLOSURE",
    "LOAD_CLASSDEREF", "STORE_FAST", "STORE_NAME", "STORE_GLOBAL", "STORE_DEREF",
    "DELETE_FAST", "DELETE_NAME", "DELETE_GLOBAL", "DELETE_DEREF",
    "JUMP_FORWARD", "JUMP_ABSOLUTE", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE",
    "JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP", "IS_OP", "SETUP_FINALLY", "POP_BLOCK",
    "BUILD_TUPLE", "BUILD_LIST", "BUILD_SET", "BUILD_MAP", "BUILD_CONST_KEY_MAP",
    "BUILD_STRING", "BUILD_SLICE", "LOAD_ASSERTION_ERROR", "LOAD_BUILD_CLASS",
    "EXTENDED_ARG", "GEN_START")

# Instructions after which the running frame's own locals may differ.
_CHANGES_LOCALS = _ops(
    "STORE_FAST", "DELETE_FAST", "STORE_NAME", "DELETE_NAME", "STORE_GLOBAL", "DELETE_GLOBAL",
    "IMPORT_NAME", "IMPORT_FROM", "IMPORT_STAR", "CALL_FUNCTION", "CALL_FUNCTION_KW",
    "CALL_FUNCTION_EX", "CALL_METHOD", "SETUP_ANNOTATIONS", "STORE_SUBSCR", "DELETE_SUBSCR",
    "STORE_ATTR", "DELETE_ATTR", "POP_EXCEPT", "RERAISE")

# Names every module namespace starts with (pythonrun.fresh_main) and that a
# class body adds (on 3.13+ hosts __firstlineno__ and __static_attributes__
# too): not what a learner defined, so frames do not list them.
_HIDDEN_NAMES = frozenset(("__name__", "__doc__", "__package__", "__loader__", "__spec__",
                           "__annotations__", "__builtins__", "__file__", "__cached__",
                           "__module__", "__qualname__", "__firstlineno__",
                           "__static_attributes__"))
_HIDDEN_CLASS_ATTRS = frozenset(("__module__", "__qualname__", "__dict__", "__weakref__",
                                 "__doc__", "__firstlineno__", "__static_attributes__"))

_PRIMITIVES = frozenset((int, float, complex, bool, type(None), str, bytes,
                         type(Ellipsis), type(NotImplemented)))
_BIG_INT = 10 ** 30                # ints beyond are left to safe_repr's limits
_HOST_CALLABLES = (types.BuiltinFunctionType, types.WrapperDescriptorType,
                   types.MethodDescriptorType, types.MethodWrapperType,
                   types.ClassMethodDescriptorType, types.FunctionType)


def _vm_types():
    from ..objects.cellobject import Cell, NULL
    from ..objects.codeobject import Code
    from ..objects.frameobject import Frame
    from ..objects.funcobject import Function
    from ..objects.genobject import GenBase
    return Cell, type(NULL), Code, Frame, Function, GenBase


# -- the heap ------------------------------------------------------------------------


class Heap:
    """Objects by small stable id, each with its list of [step, snapshot] versions.

    ``ref(value)`` is what a recording stores for a value: the id (an int) of
    a heap object, or, for a primitive (int, str, None, ...), its safe repr
    (a str), so the two can never be confused.  The objects are kept alive
    until the recording is done, so no host id is reused under us.
    """

    def __init__(self, recorder):
        self.rec = recorder
        self.ids = {}            # id(obj) -> heap id
        self.keep = []           # the objects, so that id(obj) stays unique
        self.versions = {}       # heap id -> [[step, snapshot], ...]
        self.last = {}           # heap id -> its last snapshot
        self.frozen = set()      # heap ids of objects that never change (code, modules)
        self.unseen = []         # objects given an id but not yet snapshotted
        self.next_id = 1
        (self.Cell, self.Null, self.Code, self.Frame, self.Function,
         self.GenBase) = _vm_types()

    def ref(self, value):
        kind = type(value)
        if kind in _PRIMITIVES:
            # the common cases without reprlib (the same text safe_repr gives)
            if kind is int:
                if -_BIG_INT < value < _BIG_INT:
                    return int.__repr__(value)
            elif kind is str:
                if len(value) <= 38:
                    text = str.__repr__(value)
                    if len(text) <= 40:
                        return text
            elif kind is bool or value is None:
                return "True" if value is True else "False" if value is False else "None"
            return safe_repr(value)
        if kind is self.Null:
            return "<NULL>"
        key = id(value)
        hid = self.ids.get(key)
        if hid is None:
            hid = self.ids[key] = self.next_id
            self.next_id += 1
            self.keep.append(value)
            self.unseen.append(value)
        return hid

    def refresh(self, objects, step):
        """Snapshot ``objects`` again (if not frozen), and every object new since."""
        budget = MAX_NEW_PER_STEP
        done = set()
        queue = [o for o in objects if type(o) not in _PRIMITIVES]
        while True:
            while queue:
                obj = queue.pop()
                key = id(obj)
                if key in done:
                    continue
                done.add(key)
                hid = self.ids.get(key)
                if hid is None:
                    hid = self.ref(obj)
                    if not isinstance(hid, int):
                        continue
                if hid in self.frozen:
                    frames = self.rec._module_frames.get(key)
                    if frames:        # a module namespace changed through a reference to it
                        queue.extend(f for f in frames if id(f) not in done)
                    continue
                self._store(hid, obj, step)
            if not self.unseen or budget <= 0:
                break
            # objects met for the first time while snapshotting: their turn
            take = self.unseen[-budget:]
            del self.unseen[-budget:]
            budget -= len(take)
            queue = take
        if self.unseen:
            # beyond the budget: a placeholder now, a full snapshot when they
            # are next on a stack or in a frame
            for obj in self.unseen:
                hid = self.ids[id(obj)]
                if hid not in self.last:
                    self._put(hid, {"k": "object", "t": _type_name(obj), "r": safe_repr(obj),
                                    "partial": True}, step)
            self.unseen = []

    def _store(self, hid, obj, step):
        try:
            snap, frozen = self.snapshot(obj)
        except Exception as exc:   # a snapshot must never stop the guest
            snap, frozen = {"k": "object", "t": _type_name(obj),
                            "r": "<not recorded: %s>" % type(exc).__name__}, False
        if frozen:
            self.frozen.add(hid)
        self._put(hid, snap, step)

    def _put(self, hid, snap, step):
        if self.last.get(hid) != snap:
            self.last[hid] = snap
            versions = self.versions.get(hid)
            if versions is None:
                self.versions[hid] = [[step, snap]]
            elif versions[-1][0] == step:
                versions[-1][1] = snap
            else:
                versions.append([step, snap])

    # -- snapshots by kind ------------------------------------------------------------

    def snapshot(self, obj):
        """(JSON-able snapshot, frozen?) of one object; children become refs."""
        kind = type(obj)
        ref = self.ref
        if kind is self.Frame:
            return self.rec.frame_snapshot(obj), False
        if kind is self.Function:
            snap = {"k": "function", "name": _str(obj._name), "qual": _str(obj._qualname),
                    "module": safe_repr(obj._module), "code": ref(obj._code),
                    "globals": ref(obj._globals), "defaults": ref(obj._defaults),
                    "closure": ref(obj._closure)}
            if obj._kwdefaults is not None:
                snap["kwdefaults"] = ref(obj._kwdefaults)
            return snap, False
        if kind is self.Code:
            return self.code_snapshot(obj), True
        if kind is self.Cell:
            snap = {"k": "cell"}
            value = obj.ob_ref
            if type(value) is not self.Null:
                snap["v"] = ref(value)
            return snap, False
        if isinstance(obj, self.GenBase):
            frame = obj.gi_frame
            if obj._running:
                state = "running"
            elif frame is None or obj._closed:
                state = "closed"
            elif frame._lasti < 0:
                state = "created"
            else:
                state = "suspended"
            snap = {"k": "generator", "t": getattr(obj, "_kind", "generator"),
                    "name": _str(obj._qualname),
                    "state": state, "code": ref(obj.gi_code)}
            if frame is not None:
                snap["frame"] = ref(frame)
            return snap, False
        if id(obj) in self.rec.globals_ids:
            return {"k": "globals", "module": safe_repr(obj.get("__name__"))}, True
        if isinstance(obj, (list, tuple)):
            base = list if isinstance(obj, list) else tuple
            n = base.__len__(obj)
            items = [ref(v) for v in base.__getitem__(obj, slice(0, MAX_ITEMS))]
            snap = {"k": base.__name__, "n": n, "items": items}
            if kind is not base:
                snap["t"] = _type_name(obj)
            return snap, False
        if isinstance(obj, dict):
            n = dict.__len__(obj)
            items = [[ref(k), ref(v)] for k, v in itertools.islice(dict.items(obj), MAX_ITEMS)]
            snap = {"k": "dict", "n": n, "items": items}
            if kind is not dict:
                snap["t"] = _type_name(obj)
            return snap, False
        if isinstance(obj, (set, frozenset)):
            base = set if isinstance(obj, set) else frozenset
            items = [ref(v) for v in itertools.islice(base.__iter__(obj), MAX_ITEMS)]
            return {"k": base.__name__, "n": base.__len__(obj), "items": items}, False
        if isinstance(obj, types.ModuleType):
            return {"k": "module", "name": safe_repr(getattr(obj, "__name__", "?"))}, True
        if isinstance(obj, type):
            return self.class_snapshot(obj)
        if isinstance(obj, types.MethodType):
            return {"k": "method", "func": ref(obj.__func__), "self": ref(obj.__self__)}, False
        if isinstance(obj, _HOST_CALLABLES):
            return {"k": "builtin", "r": safe_repr(obj)}, True
        if isinstance(obj, BaseException):
            snap = {"k": "exception", "t": _type_name(obj), "r": exception_summary(obj, 200)}
            attrs = _instance_attrs(obj)
            if attrs:
                snap["attrs"] = [[_str(k), ref(v)] for k, v in attrs[:MAX_ITEMS]]
            return snap, False
        attrs = _instance_attrs(obj)
        if attrs is not None and self.rec.is_guest_class(kind):
            return {"k": "instance", "t": _type_name(obj), "cls": ref(kind),
                    "attrs": [[_str(k), ref(v)] for k, v in attrs[:MAX_ITEMS]]}, False
        return {"k": "object", "t": _type_name(obj), "r": safe_repr(obj)}, False

    def code_snapshot(self, code):
        from ..tools.disasm import pretty_flags
        ref = self.ref
        return {"k": "code", "c": self.rec.code_index(code), "name": _str(code.co_name),
                "qual": _str(code.co_qualname or code.co_name),
                "co_argcount": code.co_argcount, "co_posonlyargcount": code.co_posonlyargcount,
                "co_kwonlyargcount": code.co_kwonlyargcount, "co_nlocals": code.co_nlocals,
                "co_stacksize": code.co_stacksize,
                "co_flags": "%d (%s)" % (code.co_flags, pretty_flags(code.co_flags)),
                "co_varnames": list(code.co_varnames), "co_names": list(code.co_names),
                "co_freevars": list(code.co_freevars), "co_cellvars": list(code.co_cellvars),
                "co_filename": code.co_filename, "co_firstlineno": code.co_firstlineno,
                "co_code": "%d bytes" % len(code.co_code),
                "co_consts": [ref(c) for c in code.co_consts]}

    def class_snapshot(self, cls):
        name = _str(type.__dict__["__qualname__"].__get__(cls))
        if not self.rec.is_guest_class(cls):
            return {"k": "class", "name": name, "host": True}, True
        ns = type.__dict__["__dict__"].__get__(cls)
        attrs = [[_str(k), self.ref(v)] for k, v in itertools.islice(ns.items(), 4 * MAX_ITEMS)
                 if k not in _HIDDEN_CLASS_ATTRS][:MAX_ITEMS]
        bases = [self.ref(b) for b in type.__dict__["__bases__"].__get__(cls) if b is not object]
        return {"k": "class", "name": name, "bases": bases, "attrs": attrs}, False


def _instance_attrs(obj):
    """The items of ``obj``'s instance dict, read without running guest code, or None."""
    for klass in type(obj).__mro__:
        desc = klass.__dict__.get("__dict__")
        if desc is not None:
            if type(desc) is not types.GetSetDescriptorType:
                return None
            try:
                d = desc.__get__(obj, type(obj))
            except Exception:
                return None
            if type(d) is not dict:
                return None
            return list(itertools.islice(dict.items(d), 4 * MAX_ITEMS))
    return None


def _char_col(lines, line, col):
    if 1 <= line <= len(lines):
        text = lines[line - 1]
        if not text.isascii():
            return len(text.encode("utf-8")[:col].decode("utf-8", "ignore"))
    return col


def _type_name(obj):
    try:
        return type(obj).__qualname__
    except Exception:
        return "?"


def _str(value):
    return value if type(value) is str else safe_repr(value)


# -- sentences: the explainer's, captured --------------------------------------------------


class _Lines:
    def __init__(self):
        self.lines = []

    def write(self, text):
        text = text.strip()
        if text:
            self.lines.append(text)


class _Sentences(ExplainObserver):
    """evalframe.tools.explain's observer with its output caught instead of printed."""

    def __init__(self):
        self.caught = _Lines()
        ExplainObserver.__init__(self, self.caught)
        self.texts = []
        self._by_code = {}

    def _write(self, loop, frame, head, text):
        self.texts.append(text)

    def _head(self, frame, instr):
        return ""          # the printed heading is not kept (the page has its own)

    def _instr(self, code, index):
        # the explainer's per-code table, keyed by identity: hashing a Code
        # hashes all its fields (and nested code objects) at every instruction
        table = self._by_code.get(id(code))
        if table is None:
            from ..tools.disasm import get_instructions
            table = self._by_code[id(code)] = (code, {i.offset: i for i in
                                                      get_instructions(code)})
        return table[1][2 * index]

    def take(self):
        """(instruction sentences, frame-event lines) written since the last take."""
        texts, lines = self.texts, self.caught.lines
        self.texts, self.caught.lines = [], []
        return texts, lines


# -- the observer ------------------------------------------------------------------------------


class Recorder:
    """Traced-loop observer that builds the recording's steps, heap and listings."""

    wants_instructions = True

    def __init__(self, max_steps=DEFAULT_MAX_STEPS):
        self.max_steps = max_steps
        self.instructions = 0
        self.truncated = False
        self.steps = []
        self.heap = Heap(self)
        self.codes = []              # listings, by code index
        self._code_ids = {}          # id(code) -> code index
        self.files = {}              # filename -> file record (source, tokens)
        self.texts = []              # interned sentences
        self._text_ids = {}
        self.globals_ids = set()     # id() of module namespaces (shown as frames, not dicts)
        self.guest_modules = set()   # __name__ of those namespaces
        self._guest_classes = {}
        self.out = []                # [step, text] chunks of stdout
        self.err = []                # [step, text] chunks of stderr
        self.sentences = _Sentences()
        self._pending = {}           # frame -> index of the step of its running instruction
        self._depth = {}             # frame -> call depth (the first frame is 0)
        self._prev_stack = ()        # the objects on the stack at the previous step
        self.current = None          # the frame running now
        self._dirty = []             # objects the next step must look at again
        self._last = (None, None)    # (opcode, frame) of the instruction that ran last
        self._module_frames = {}     # id(globals) -> frames whose locals are those globals
        self.internal_errors = 0

    # -- helpers -------------------------------------------------------------------------

    def intern(self, text):
        i = self._text_ids.get(text)
        if i is None:
            i = self._text_ids[text] = len(self.texts)
            self.texts.append(text)
        return i

    def is_guest_class(self, cls):
        known = self._guest_classes.get(cls)
        if known is None:
            try:
                mod = type.__dict__["__module__"].__get__(cls)
            except Exception:
                mod = None
            known = self._guest_classes[cls] = mod in self.guest_modules
        return known

    def code_index(self, code):
        ci = self._code_ids.get(id(code))
        if ci is None:
            ci = self._code_ids[id(code)] = len(self.codes)
            self.codes.append(None)       # reserve the index (listing may recurse)
            self.heap.ref(code)           # keeps the code alive; its heap id for the listing
            self._add_file(code.co_filename)
            self.codes[ci] = self._listing(code)
        return ci

    def _listing(self, code):
        from ..tools.disasm import get_instructions
        lines = [None] * (len(code.co_code) // 2)
        for start, end, line in code.co_lines():
            for i in range(start // 2, min(end // 2, len(lines))):
                lines[i] = line
        positions = list(code.co_positions())
        rows = []
        for ins in get_instructions(code):
            i = ins.offset // 2
            argrepr = ins.argrepr
            if ins.arg is not None and opcodes.argkind[ins.opcode] == opcodes.ARG_CONST:
                argrepr = safe_repr(ins.argval)
            jump = ins.argval if ins.opcode in opcodes.hasjump else None
            pos = positions[i] if i < len(positions) else (None, None, None, None)
            rows.append([ins.offset, ins.opname, ins.arg, argrepr, lines[i],
                         1 if ins.is_jump_target else 0, jump, self._span(code.co_filename, pos)])
        return {"name": _str(code.co_name), "qual": _str(code.co_qualname or code.co_name),
                "file": code.co_filename, "first": code.co_firstlineno,
                "heap": self.heap.ids[id(code)], "ins": rows}

    def _span(self, filename, pos):
        """[line, end line, column, end column] with columns in characters, or None.

        co_positions counts columns in UTF-8 bytes (as CPython's AST does); the
        page indexes characters.
        """
        line, end_line, col, end_col = pos
        if line is None or col is None or end_col is None:
            return None
        text_lines = self.files.get(filename, {}).get("lines")
        if text_lines:
            col = _char_col(text_lines, line, col)
            end_col = _char_col(text_lines, end_line if end_line is not None else line, end_col)
        return [line, end_line if end_line is not None else line, col, end_col]

    def _add_file(self, filename):
        if filename in self.files:
            return
        record = self.files[filename] = {"source": None}
        try:
            with open(filename, "rb") as f:
                raw = f.read(4 * MAX_FILE_CHARS)
            encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
            text = raw.decode(encoding, "replace")[:MAX_FILE_CHARS]
        except Exception:
            return
        record["source"] = text
        record["lines"] = text.split("\n")
        tokens = highlight(text)
        if tokens is not None:
            record["tokens"] = tokens

    def depth_of(self, frame):
        d = self._depth.get(frame)
        if d is None:
            back = guest_back(frame)
            d = 0 if back is None else self.depth_of(back) + 1
            self._depth[frame] = d
        return d

    # -- snapshots of frames (called by Heap.snapshot) ------------------------------------------

    def frame_snapshot(self, f):
        code = f.f_code
        ref = self.heap.ref
        back = guest_back(f)
        if f.f_state == _FRAME_SUSPENDED and f is not self.current:
            back = None        # a suspended generator's frame has no caller (as in CPython)
        snap = {"k": "frame", "name": _str(code.co_name), "qual": _str(code.co_qualname),
                "c": self.code_index(code), "back": ref(back) if back is not None else None}
        fast = f.fast_locals()
        nlocals = code.co_nlocals
        Null = self.heap.Null
        if code.co_flags & 0x1:          # CO_OPTIMIZED: the fast locals are the locals
            names = code.co_varnames
            snap["locals"] = [[names[i], ref(fast[i])] for i in range(min(nlocals, len(fast)))
                              if type(fast[i]) is not Null]
        else:
            ns = f._f_locals
            if type(ns) is dict:
                snap["locals"] = [[_str(k), ref(v)] for k, v in
                                  itertools.islice(dict.items(ns), 4 * MAX_ITEMS)
                                  if k not in _HIDDEN_NAMES][:2 * MAX_ITEMS]
        ncell = len(code.co_cellvars)
        if ncell:
            snap["cells"] = [[name, ref(fast[nlocals + i])]
                             for i, name in enumerate(code.co_cellvars)
                             if nlocals + i < len(fast)]
        if code.co_freevars:
            snap["free"] = [[name, ref(fast[nlocals + ncell + i])]
                            for i, name in enumerate(code.co_freevars)
                            if nlocals + ncell + i < len(fast)]
        gen = f.f_gen
        if gen is not None:
            snap["gen"] = ref(gen)
        if f is not self.current:
            # a frame that is not running: where it stopped and what its stack holds
            lasti = f._lasti
            snap["lasti"] = 2 * lasti if lasti >= 0 else -1
            snap["stack"] = [ref(v) for v in f.f_valuestack]
            snap["state"] = f.f_state
        return snap

    # -- steps ------------------------------------------------------------------------------------

    def _step(self, kind, frame, offset, stack, extra=None, also=()):
        s = len(self.steps)
        heap = self.heap
        stack_refs = [heap.ref(v) for v in stack]
        # what this step looks at again: see the module docstring
        now = [v for v in stack if type(v) not in _PRIMITIVES]
        last_op, last_frame = self._last
        if kind == INSTR and last_frame is frame and last_op in _KEEPS_OBJECTS:
            objs = []
        else:
            objs = list(self._prev_stack)
            objs.extend(now)
        if kind != INSTR or last_frame is not frame or last_op in _CHANGES_LOCALS \
                or id(frame) not in heap.ids:
            objs.append(frame)
        objs.extend(also)
        if self._dirty:
            objs.extend(self._dirty)
            self._dirty = []
        code = frame.f_code
        if code.co_cellvars or code.co_freevars:
            # STORE_DEREF changes a cell that need not be on the stack
            objs.extend(frame.f_localsplus[code.co_nlocals:])
        self._prev_stack = now
        if extra:
            for key in ("v", "xr"):
                if key in extra:
                    obj = extra[key]
                    extra[key] = heap.ref(obj)
                    objs.append(obj)
        heap.refresh(objs, s)
        self.steps.append([kind, heap.ids[id(frame)], self.code_index(frame.f_code), offset,
                           stack_refs, self.depth_of(frame), -1, -1, extra or 0])
        return s

    def _attach(self, s, texts):
        if s is None or not texts:
            return
        text = " ".join(texts)
        head, sep, tail = text.partition(" CPython: ")
        row = self.steps[s]
        row[6] = self.intern(head)
        if sep:
            row[7] = self.intern("CPython: " + tail)

    def _globals_seen(self, frame):
        g = frame.f_globals
        if id(g) not in self.globals_ids:
            self.globals_ids.add(id(g))
            self.heap.keep.append(g)
            name = g.get("__name__") if type(g) is dict else None
            if type(name) is str:
                self.guest_modules.add(name)
                self._guest_classes.clear()

    # -- the traced loop's hooks -------------------------------------------------------------------

    def call(self, loop, frame):
        try:
            self._globals_seen(frame)
            back = guest_back(frame)
            self._depth[frame] = 0 if back is None else self.depth_of(back) + 1
            self.current = frame
            if not frame.f_code.co_flags & 0x1 and frame._f_locals is frame.f_globals:
                self._module_frames.setdefault(id(frame.f_globals), []).append(frame)
            also = []
            if back is not None:
                also.append(back)       # the caller stopped at its call: where, and its stack
            if frame.f_gen is not None:
                also.append(frame.f_gen)   # a generator starts running
            self.sentences.call(loop, frame)
            _texts, lines = self.sentences.take()
            s = self._step(CALL, frame, 2 * (frame._lasti + 1), frame.f_valuestack, also=also)
            self._attach(s, lines)
        except AbortRun:
            raise
        except Exception:
            self.internal_errors += 1

    def before(self, loop, frame, index, stack):
        if self.max_steps is not None and self.instructions >= self.max_steps:
            self.truncated = True
            raise AbortRun(EXIT_MAX_STEPS, "evalframe web: stopped after %d instructions "
                           "(--max-steps %d)" % (self.max_steps, self.max_steps))
        self.instructions += 1
        try:
            self.current = frame
            s = self._step(INSTR, frame, 2 * index, stack)
            self._last = (frame.f_code.co_code[2 * index], frame)
            self._pending[frame] = s
            self.sentences.before(loop, frame, index, stack)
            texts, _lines = self.sentences.take()
            self._attach(s, texts)
        except AbortRun:
            raise
        except Exception:
            self.internal_errors += 1

    def after(self, loop, frame, index, stack, jumped):
        try:
            op = frame.f_code.co_code[2 * index]
            if op in _GLOBAL_STORES and frame.f_globals is not frame._f_locals:
                # a function changed a global: the module's frame shows it
                self._dirty.extend(self._module_frames.get(id(frame.f_globals), ()))
            self.sentences.after(loop, frame, index, stack, jumped)
            texts, _lines = self.sentences.take()
            s = self._pending.pop(frame, None)
            if s is not None and self.steps[s][3] == 2 * index and self.steps[s][6] < 0:
                self._attach(s, texts)
        except AbortRun:
            raise
        except Exception:
            self.internal_errors += 1

    def exception(self, loop, frame, exc):
        try:
            self.sentences.exception(loop, frame, exc)
            texts, _lines = self.sentences.take()
            s = self._pending.pop(frame, None)
            if s is not None and self.steps[s][6] < 0:
                self._attach(s, texts)
            self.current = frame
            lasti = frame._lasti
            self._step(EXCEPTION, frame, 2 * lasti if lasti >= 0 else 0, frame.f_valuestack,
                       {"x": exception_summary(exc, 200), "xr": exc})
        except AbortRun:
            raise
        except Exception:
            self.internal_errors += 1

    def exit(self, loop, frame, value, how):
        try:
            self.sentences.exit(loop, frame, value, how)
            texts, lines = self.sentences.take()
            s = self._pending.pop(frame, None)
            if s is not None and self.steps[s][6] < 0:
                self._attach(s, texts)
            self.current = frame
            lasti = frame._lasti
            extra = {"v": value} if how != "exception" else None
            s = self._step(_EXIT_KIND[how], frame, 2 * lasti if lasti >= 0 else 0,
                           frame.f_valuestack, extra)
            self._attach(s, lines)
            # from the next step on the frame is not running: suspended or finished
            self._dirty.append(frame)
            if frame.f_gen is not None:
                self._dirty.append(frame.f_gen)
            self._depth.pop(frame, None)
        except AbortRun:
            raise
        except Exception:
            self.internal_errors += 1

    def release(self):
        """Drop every reference to guest objects; the recording (plain data) stays."""
        heap = self.heap
        heap.keep = []
        heap.ids = {}
        heap.unseen = []
        self._code_ids = {}
        self._depth = {}
        self._pending = {}
        self._dirty = []
        self._prev_stack = ()
        self._last = (None, None)
        self._module_frames = {}
        self._guest_classes = {}
        self.globals_ids = set()
        self.current = None
        self.sentences = None

    # -- output --------------------------------------------------------------------------------

    def output(self, chunks, text):
        s = len(self.steps)
        if chunks and chunks[-1][0] == s:
            chunks[-1][1] += text
        else:
            chunks.append([s, text])


class _Capture(io.TextIOBase):
    """The guest's sys.stdout / sys.stderr during recording: each write joins the recording."""

    def __init__(self, recorder, chunks, name):
        self.recorder = recorder
        self.chunks = chunks
        self._name = name

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        self.recorder.output(self.chunks, s)
        return len(s)

    @property
    def name(self):
        return "<%s>" % self._name

    @property
    def encoding(self):
        return "utf-8"


# -- syntax highlighting ---------------------------------------------------------------------


def highlight(source):
    """Pygments tokens per line, [[css class, text], ...], or None without Pygments."""
    try:
        from pygments.lexers import PythonLexer
        from pygments.token import STANDARD_TYPES
    except ImportError:
        return None
    lines = [[]]
    for tok, text in PythonLexer(stripnl=False, ensurenl=False).get_tokens(source):
        cls = STANDARD_TYPES.get(tok)
        while cls is None and tok.parent is not None:
            tok = tok.parent
            cls = STANDARD_TYPES.get(tok)
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part:
                row = lines[-1]
                if row and row[-1][0] == cls:
                    row[-1][1] += part
                else:
                    row.append([cls or "", part])
    return lines


# -- running ------------------------------------------------------------------------------------


def record_file(path, argv=(), stdin_text=None, max_steps=DEFAULT_MAX_STEPS):
    """Run the program ``path`` (with ``argv`` after it) and return its recording.

    ``stdin_text`` is what ``input()`` and ``sys.stdin`` read (empty when None).
    The guest's stdout and stderr go into the recording, not to the terminal.
    A file that cannot be read or compiled gives a recording with no steps and
    ``end.error`` set; ``end.status`` and ``end.stderr`` then hold what
    ``evalframe run`` would have printed and returned.
    """
    # Garbage of earlier guest runs in this process (an embedding host's, a
    # test's) is collected before the recorder is installed: a suspended
    # guest generator of another program finalized mid-recording would run
    # its close() under the recorder and show up as this program's steps.
    _collect()
    saved = (sys.stdin, sys.stdout, sys.stderr, list(sys.argv), list(sys.path),
             sys.modules.get("__main__"))
    rec = Recorder(max_steps)
    out = _Capture(rec, rec.out, "stdout")
    err = _Capture(rec, rec.err, "stderr")
    sys.stdin = io.StringIO(stdin_text or "")
    sys.stdout, sys.stderr = out, err
    status = None
    started = False
    exit_funcs = _AtExit()
    try:
        prepared = prepare_main(path, argv)
        if isinstance(prepared, int):
            status = prepared
        else:
            code, main = prepared
            started = True
            with exit_funcs:
                status = run_observed(code, main, [rec])
            # what the guest registered with atexit runs now, while its output
            # is still caught (the host's own exit would print it after the JSON)
            exit_funcs.run()
        prepared = code = main = None
    finally:
        sys.argv[:] = saved[3]
        sys.path[:] = saved[4]
        if saved[5] is not None:
            sys.modules["__main__"] = saved[5]
        from .. import pythonrun
        pythonrun.end_main_run()
        try:
            rec.release()
            _collect()
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved[0], saved[1], saved[2]
    return _assemble(rec, path, argv, status, error=not started)


def _collect():
    """Collect garbage: before a recording, what earlier runs left; after it,
    the run's own while its output is caught (finalizers may print).

    Done before the recording is returned: a guest generator finalized at
    interpreter shutdown would run guest code (its close()) when the VM can no
    longer start what it needs.
    """
    import gc
    for _ in range(5):
        if not gc.collect():
            break


class _AtExit:
    """atexit.register/unregister while recording: the guest's exit functions, kept here.

    CPython runs them at interpreter shutdown (Py_FinalizeEx -> atexit_callfuncs),
    last registered first; the recorder runs them when the program is done, so
    that what they print belongs to the recording.
    """

    def __init__(self):
        self.funcs = []

    def __enter__(self):
        import atexit
        self.saved = atexit.register, atexit.unregister

        def register(func, *args, **kwargs):
            if not callable(func):
                raise TypeError("the first argument must be callable")
            self.funcs.append((func, args, kwargs))
            return func

        def unregister(func):
            self.funcs[:] = [f for f in self.funcs if f[0] != func]

        atexit.register, atexit.unregister = register, unregister
        return self

    def __exit__(self, *exc):
        import atexit
        atexit.register, atexit.unregister = self.saved

    def run(self):
        import traceback
        while self.funcs:
            func, args, kwargs = self.funcs.pop()
            try:
                func(*args, **kwargs)
            except SystemExit:
                pass
            except BaseException as exc:
                sys.stderr.write("Exception ignored in atexit callback: %s\n" % safe_repr(func))
                try:
                    traceback.print_exception(type(exc), exc, None)
                except Exception:
                    pass


def _assemble(rec, path, argv, status, error=False):
    if isinstance(status, str):           # KeyboardInterrupt's "SIGINT"
        status_value = status
    else:
        status_value = 0 if status is None else status
    stderr = "".join(text for _, text in rec.err)
    end = {"status": status_value, "steps": len(rec.steps), "instructions": rec.instructions,
           "truncated": rec.truncated, "max_steps": rec.max_steps}
    if rec.truncated:
        end["message"] = ("stopped after %d instructions (--max-steps %d): the program did not "
                          "finish" % (rec.max_steps, rec.max_steps))
    if error:
        end["error"] = True
        end["stderr"] = stderr
    if rec.internal_errors:
        end["internal_errors"] = rec.internal_errors
    for record in rec.files.values():
        record.pop("lines", None)
    return {
        "schema": SCHEMA,
        "program": os.path.abspath(path),
        "argv": [path] + list(argv),
        "files": rec.files,
        "codes": rec.codes,
        "texts": rec.texts,
        "steps": rec.steps,
        "heap": {str(hid): versions for hid, versions in rec.heap.versions.items()},
        "stdout": rec.out,
        "stderr": rec.err,
        "end": end,
    }


def dumps(recording):
    """The recording as compact JSON text."""
    import json
    return json.dumps(recording, ensure_ascii=False, separators=(",", ":"))
