"""The event records of evalframe's seeing tools, and the safe reprs they carry.

One stream of records describes an execution: ``call``, ``line``, ``instr`` (an
instruction that has just run, with the value stack after it), ``return``,
``exception`` and, for the settrace adapter, ``opcode`` (an instruction about
to run).  The tracer, explainer, stepper and statistics all consume records;
printers format them; ``--json`` writes them one per line.  It mirrors the event
kinds of CPython's Include/cpython/pystate.h (PyTrace_CALL, PyTrace_EXCEPTION,
PyTrace_LINE, PyTrace_RETURN, PyTrace_OPCODE) plus the instruction-level record
that CPython's LLTRACE build prints (ceval.c's ``prtrace``/``lltrace``).

The JSON schema ("evalframe-trace/1") is meant for other tools, first of all a
web visualizer with time travel: every record is self-contained (no record
needs an earlier one to be displayed), frames are named by small stable ids
(not host ``id()``), and the value stack is stored whole after every
instruction, so a viewer can jump to any step.  Fields (absent when empty):

  step      int     position in the stream, from 0, never reused
  kind      str     header | call | line | opcode | instr | return | exception | end
  frame     int     frame id: 1 for the first frame, +1 per new frame
  parent    int     the id of the frame's f_back (0: none)
  depth     int     0 for the outermost traced frame
  code      str     co_name
  qualname  str     co_qualname
  file      str     co_filename
  line      int     source line (None when the instruction has none)
  offset    int     byte offset of the instruction (f_lasti)
  opname    str     instruction name (3.10's)
  arg       int     oparg (None for argumentless opcodes)
  argrepr   str     the argument as dis prints it
  stack     [str]   the value stack AFTER the instruction (bottom first), short reprs
  locals    {name: str}  locals that changed with this instruction (new or rebound)
  deleted   [name]  locals that were unbound by it
  value     str     call: the arguments; return: the returned value;
                    exception: "Type: message"
  note      str     extra text (the explainer's sentence; the end record's status)

The header record carries ``schema``, ``program`` and ``argv``; the end record
carries ``status`` ("ok", "exception", "max-steps") and ``steps``.
"""

import json
import reprlib
import types

SCHEMA = "evalframe-trace/1"

KINDS = ("header", "call", "line", "opcode", "instr", "return", "exception", "end")

# The order in which fields are written, so a JSON line reads like the record.
FIELDS = ("step", "kind", "frame", "parent", "depth", "code", "qualname", "file",
          "line", "offset", "opname", "arg", "argrepr", "stack", "locals",
          "deleted", "value", "note")


class Event:
    """One record of the stream; unset fields are None."""

    __slots__ = FIELDS + ("extra",)

    def __init__(self, kind, step=0, **fields):
        for name in FIELDS:
            setattr(self, name, None)
        self.kind = kind
        self.step = step
        self.extra = None
        for name, value in fields.items():
            if name in FIELDS:
                setattr(self, name, value)
            else:
                if self.extra is None:
                    self.extra = {}
                self.extra[name] = value

    def as_dict(self):
        """The record as a dict, without empty fields (what --json writes).

        ``line`` and ``arg`` of instruction records are kept even when None:
        "no line" and "no argument" are information there.
        """
        d = {}
        keep_none = self.kind in ("instr", "opcode")
        for name in FIELDS:
            value = getattr(self, name)
            if value is None:
                if keep_none and name in ("line", "arg"):
                    d[name] = None
                continue
            if name in ("locals", "deleted") and not value:
                continue
            d[name] = value
        if self.extra:
            d.update(self.extra)
        return d

    def to_json(self):
        return json.dumps(self.as_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d):
        d = dict(d)
        kind = d.pop("kind")
        step = d.pop("step", 0)
        return cls(kind, step, **d)

    def __eq__(self, other):
        if not isinstance(other, Event):
            return NotImplemented
        return self.as_dict() == other.as_dict()

    def __repr__(self):
        return "Event(%s)" % ", ".join("%s=%r" % kv for kv in self.as_dict().items())


def read_stream(lines):
    """Parse a JSON-lines stream back into Events (for tools and tests)."""
    for line in lines:
        line = line.strip()
        if line:
            yield Event.from_dict(json.loads(line))


# -- safe reprs -----------------------------------------------------------------
#
# A trace shows the repr of every value on the stack, after every instruction.
# Calling a guest __repr__ there would run guest code in the middle of another
# instruction: it may raise, recurse into the tracer, loop forever or change
# state.  So by default only reprs implemented by the host (builtins, host
# stdlib classes) are called, under reprlib's size limits and a catch-all; an
# object whose class defines __repr__ in guest code is shown as
# ``<Name object>``.  ``guest_reprs=True`` calls guest reprs too, still behind
# the catch-all (the caller is expected to suspend tracing around it).

_HOST_CALLABLES = (types.BuiltinFunctionType, types.WrapperDescriptorType,
                   types.MethodDescriptorType, types.MethodWrapperType,
                   types.FunctionType, types.BuiltinMethodType,
                   types.ClassMethodDescriptorType, staticmethod, classmethod)


def _guest_code_type():
    try:
        from ..objects.codeobject import Code
    except ImportError:  # the VM's objects are not there yet
        return None
    return Code


def _guest_function_type():
    try:
        from ..objects.funcobject import Function
    except ImportError:  # the VM's objects are not there yet
        return None
    return Function


def defines_guest_repr(obj):
    """True when ``type(obj)``'s __repr__ is not host code (so calling it runs the VM)."""
    try:
        mro = type(obj).__mro__
    except Exception:
        return True
    for klass in mro:
        try:
            impl = klass.__dict__.get("__repr__")
        except Exception:
            return True
        if impl is not None:
            # type(), not isinstance(): a guest Function answers isinstance(f,
            # types.FunctionType) with True (its __class__ says so)
            return type(impl) not in _HOST_CALLABLES
    return False


class SafeRepr(reprlib.Repr):
    """reprlib.Repr that never lets a repr escape: limits, guest reprs, errors."""

    def __init__(self, maxlevel=3, maxstring=40, maxother=40, maxitems=6,
                 guest_reprs=False):
        super().__init__()
        self.maxlevel = maxlevel
        self.maxstring = maxstring
        self.maxother = maxother
        self.maxlong = maxother
        self.maxtuple = self.maxlist = self.maxarray = maxitems
        self.maxdict = self.maxset = self.maxfrozenset = self.maxdeque = maxitems
        self.guest_reprs = guest_reprs
        self._function_type = _guest_function_type()
        self._code_type = _guest_code_type()

    def repr1(self, x, level):
        special = self._special(x)
        if special is not None:
            return special
        # reprlib dispatches on the type's *name*; a guest class called "list"
        # must not be taken for the builtin, so only exact builtin types get
        # the container treatment.
        kind = type(x)
        if kind is int:
            return self.repr_int(x, level)
        if kind in (tuple, list, dict, set, frozenset) or kind.__module__ in ("array", "collections") and kind.__name__ in ("array", "deque"):
            try:
                return super().repr1(x, level)
            except Exception as exc:
                return self._failed(x, exc)
        return self.repr_instance(x, level)

    def _special(self, x):
        """Reprs evalframe knows without asking the object."""
        fn = self._function_type
        if fn is not None and type(x) is fn:
            try:
                return "<function %s>" % x._qualname
            except Exception:
                return "<function>"
        name = type(x).__name__
        if self._code_type is not None and type(x) is self._code_type:
            return "<code object %s>" % getattr(x, "co_name", "?")
        if name == "_Null" and type(x).__module__.endswith("cellobject"):
            return "<NULL>"
        return None

    def repr_int(self, x, level):
        # str(int) is quadratic and limited in size on 3.11+: estimate large ones
        if x.bit_length() > 200:
            return "<int of %d bits>" % x.bit_length()
        return super().repr_int(x, level)

    def repr_instance(self, x, level):
        if not self.guest_reprs and defines_guest_repr(x) or _uses_object_repr(x):
            # object.__repr__ would add an address: noise that makes two
            # traces of the same program differ
            return "<%s object>" % _type_name(x)
        try:
            s = repr(x)
        except BaseException as exc:  # guest reprs can raise anything
            if isinstance(exc, (KeyboardInterrupt,)):
                raise
            return self._failed(x, exc)
        if not isinstance(s, str):
            return "<%s object>" % _type_name(x)
        if len(s) > self.maxother:
            i = max(0, (self.maxother - 3) // 2)
            j = max(0, self.maxother - 3 - i)
            s = s[:i] + "..." + s[len(s) - j:]
        return s

    def _failed(self, x, exc):
        return "<%s object (repr raised %s)>" % (_type_name(x), type(exc).__name__)


def _uses_object_repr(x):
    try:
        return type(x).__repr__ is object.__repr__
    except Exception:
        return False


def _type_name(x):
    try:
        return type(x).__qualname__
    except Exception:
        return "?"


_DEFAULT = SafeRepr()


def safe_repr(obj, limit=None):
    """A short repr of ``obj`` that never raises and never runs guest code."""
    if limit is None:
        r = _DEFAULT
    else:
        r = SafeRepr(maxstring=limit, maxother=limit)
    try:
        return r.repr(obj)
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        return "<%s object (repr raised %s)>" % (_type_name(obj), type(exc).__name__)


def exception_summary(exc, limit=60):
    """``Type: message`` for an exception value, safely."""
    name = _type_name(exc)
    try:
        if defines_guest_repr(exc) and type(exc).__str__ is not BaseException.__str__:
            msg = ""
        else:
            msg = str(exc)
    except BaseException:
        msg = "<str raised>"
    if len(msg) > limit:
        msg = msg[:limit - 3] + "..."
    return "%s: %s" % (name, msg) if msg else name
