"""Frame objects: one activation of a code object.

Mirrors Objects/frameobject.c and the frame struct of CPython 3.10
(Include/cpython/frameobject.h): code, globals, builtins, locals, the
"localsplus" array (fast locals, then cells, then free variables), the value
stack, the block stack (``(b_type, b_handler, b_level)`` triples as
PyTryBlock), ``f_lasti`` (3.10: instruction index inside, byte offset
``2 * index`` outside), ``f_back``, ``f_trace*``, and
PyFrame_FastToLocalsWithError / PyFrame_LocalsToFast.

Frames are built by the interpreter (evalframe.interpreter.call); the eval loop
keeps the value stack list and the instruction index in its own locals and
writes ``_lasti`` back whenever it leaves the frame (call, return, yield,
exception), so tools that inspect a suspended or calling frame see it live.

``frame_dealloc`` / ``frame_new`` model 3.10's ``co_zombieframe``
(frame_dealloc parks a finished frame on its code object, _PyFrame_New_NoTrack
takes it back for the next call of that code); the traced loop, which the
seeing tools run on, uses them (docs/vm.md says why the plain loop does not).
"""

import sys
from weakref import WeakSet, ref as _weakref

from . import vmhooks
from .cellobject import NULL, Cell
from .codeobject import CO_OPTIMIZED

# f_state values (frameobject.h, 3.10: PyFrameState)
FRAME_CREATED = -2
FRAME_SUSPENDED = -1
FRAME_EXECUTING = 0
FRAME_RETURNED = 1
FRAME_UNWINDING = 2
FRAME_RAISED = 3
FRAME_CLEARED = 4

_SUSPENDED_IS_AN_ERROR = sys.version_info >= (3, 13)

# Block types: the opcode that pushed the block, as in ceval.c; EXCEPT_HANDLER
# is the pseudo-block of a running except clause.
SETUP_FINALLY = 122
EXCEPT_HANDLER = 257


# ceval.live_lasti, installed by the interpreter (objects do not import it)
_live_lasti = None


def set_live_lasti(hook):
    global _live_lasti
    _live_lasti = hook


def live_lasti_hook():
    """The hook set_live_lasti installed (t2frames chains to it)."""
    return _live_lasti


# interpreter/t2frames.refresh: a frame materialised for a lean tier-2 call
# reads its fast locals from the host frame running it (unset: no such frames
# yet); lean_linked[0], how many such frames are linked to a host frame now
# (none: no call, every traceback entry reads a frame's locals)
# (public: runtime/tracebacks.py reads both for each traceback entry it makes)
lean_refresh = None
lean_linked = [0]


def set_lean_refresh(hook, linked):
    global lean_refresh, lean_linked
    lean_refresh = hook
    lean_linked = linked


# The names a host frame answers to dir() (object.__dir__ of a frame: its
# type's attributes, no instance dict), taken once.
_HOST_FRAME_DIR = tuple(object.__dir__(sys._getframe()))


_CO_GENERATOR = 0x20


class Frame:
    # The trace fields, the generator link and the last traceback stand-in
    # (_f_standin, runtime/tracebacks.py) are left unset by the
    # interpreter's frame construction (their properties give the defaults):
    # fewer stores per call.  Frames made by the eval loop's fast call paths
    # (interpreter/specialize.py) set exactly: f_code f_globals f_builtins
    # _f_locals f_localsplus f_valuestack f_blockstack _lasti f_instrs f_state
    # f_init_self (and the loop sets f_back when it pushes the frame).
    __slots__ = ("f_code", "f_globals", "f_builtins", "_f_locals", "_f_back",
                 "f_localsplus", "f_valuestack", "f_blockstack", "_lasti",
                 "_f_trace", "_f_trace_lines", "_f_trace_opcodes", "f_instrs",
                 "_f_gen", "f_state", "f_init_self", "_f_host", "_f_standin",
                 "f_type_call_args", "__weakref__")
    # f_type_call_args (set only by a class call, call._call_type): what
    # type_call's argument tuple holds until __init__ returns, the arguments
    # (and the keywords' dict).  The loops let it go after the frame's
    # locals; a frame deallocated with it set lets it go after them too: the
    # host clears slots in sorted name order, f_localsplus before it.

    def __init__(self, code, globals, builtins, locals, localsplus, instrs):
        self.f_code = code
        self.f_globals = globals
        self.f_builtins = builtins
        self._f_locals = locals
        self._f_back = None
        self.f_localsplus = localsplus
        self.f_valuestack = []
        self.f_blockstack = []
        self._lasti = -1
        self.f_instrs = instrs
        self.f_state = FRAME_CREATED
        self.f_init_self = None

    # -- the caller ---------------------------------------------------------------
    # The VM's own code reads and writes the slot ``_f_back``; ``f_back`` is
    # what everything else (the guest, tools) reads.  The two differ only
    # for an inner level of a tier-2 ``yield from`` chain suspended lazily
    # (interpreter/tier2gen.py: its levels below the top keep their running
    # state until something looks at one of them); reading f_back of such a
    # frame makes the whole chain's state exact first (vmhooks.gen_settle).

    @property
    def f_back(self):
        back = self._f_back
        # (a lazily suspended level is a generator's frame left EXECUTING;
        # the tests in this order cost no exception for other frames, whose
        # ``_f_gen`` is unset)
        if (back is None or self.f_state != FRAME_EXECUTING
                or not self.f_code.co_flags & _CO_GENERATOR or vmhooks.gen_settle is None):
            return back
        try:
            ref = self._f_gen
        except AttributeError:
            return back
        gen = ref() if ref is not None else None
        if gen is None or gen._yb is None:
            return back
        vmhooks.gen_settle(gen)
        return self._f_back

    @f_back.setter
    def f_back(self, value):
        self._f_back = value

    # -- tracing fields (unset slots read as their defaults) ----------------------

    @property
    def f_trace(self):
        try:
            return self._f_trace
        except AttributeError:
            return None

    @f_trace.setter
    def f_trace(self, value):
        self._f_trace = value

    @f_trace.deleter
    def f_trace(self):
        self._f_trace = None

    @property
    def f_trace_lines(self):
        try:
            return self._f_trace_lines
        except AttributeError:
            return True

    @f_trace_lines.setter
    def f_trace_lines(self, value):
        if type(value) is not bool:
            raise TypeError("attribute value type must be bool")
        self._f_trace_lines = value

    @property
    def f_trace_opcodes(self):
        try:
            return self._f_trace_opcodes
        except AttributeError:
            return False

    @f_trace_opcodes.setter
    def f_trace_opcodes(self, value):
        if type(value) is not bool:
            raise TypeError("attribute value type must be bool")
        self._f_trace_opcodes = value

    # -- the generator owning this frame --------------------------------------------
    # Held weakly, as CPython's borrowed f_gen: no frame<->generator cycle, so
    # a dropped generator is finalized (its finally blocks run) at once.

    @property
    def f_gen(self):
        try:
            ref = self._f_gen
        except AttributeError:
            return None
        return None if ref is None else ref()

    @f_gen.setter
    def f_gen(self, gen):
        self._f_gen = None if gen is None else _weakref(gen)

    # -- lasti and lines -------------------------------------------------------

    def _current_lasti(self):
        """_lasti, or for a frame a plain loop is running, where that loop is.

        The plain eval loop writes ``_lasti`` only when it leaves a frame (a
        call, return, yield or exception); while the frame runs, its loop's
        instruction index is read by the interpreter's hook (ceval.live_lasti)
        so that guest code reading its own f_lineno sees the current line.
        """
        if self.f_state == FRAME_EXECUTING and _live_lasti is not None:
            i = _live_lasti(self)
            if i is not None:
                return i
        return self._lasti

    @property
    def f_lasti(self):
        """Byte offset of the last instruction run (3.10: 2 * index), -1 before."""
        i = self._current_lasti()
        return i * 2 if i >= 0 else -1

    def _get_lineno(self):
        i = self._current_lasti()
        if i < 0:
            return self.f_code.co_firstlineno
        return self.f_code.addr2line(2 * i)

    def _set_lineno(self, lineno):
        # frame_setlineno (a jump made by a trace function): the traced loop's
        # rules live with the settrace adapter
        vmhooks.frame_setlineno(self, lineno)

    f_lineno = property(_get_lineno, _set_lineno)

    # -- locals ------------------------------------------------------------------

    @property
    def f_locals(self):
        """The locals dict; for optimized frames refreshed from the fast locals."""
        if self.f_code.co_flags & CO_OPTIMIZED:
            self.fast_to_locals()
        elif self._f_locals is None:
            self._f_locals = {}
        return self._f_locals

    def fast_locals(self):
        """f_localsplus as it is now: a frame a lean tier-2 call runs keeps its
        locals in that call's host frame (interpreter/t2frames.py), so its
        f_localsplus is read from there first (readers of another frame's
        locals, such as the seeing tools, use this)."""
        if lean_refresh is not None:
            lean_refresh(self)
        return self.f_localsplus

    def fast_to_locals(self):
        """PyFrame_FastToLocalsWithError: copy fast locals and cells into f_locals."""
        if lean_linked[0] and lean_refresh is not None:
            lean_refresh(self)
        d = self._f_locals
        if d is None:
            d = self._f_locals = {}
        code = self.f_code
        fast = self.f_localsplus
        names = code.co_varnames
        n = code.co_nlocals
        # (zip stops at the shorter: a zombie frame has no locals; one loop
        # with no call per local, since every traceback entry comes here.
        # C iterators instead of the loop, compress over map(is_not, ..),
        # cost more host instructions for a frame's few locals: callgrind)
        for name, value in zip(names[:n] if len(names) > n else names, fast):
            if value is NULL:
                d.pop(name, None)
            else:
                d[name] = value
        if code.co_flags & CO_OPTIMIZED and len(fast) > n:
            for name, value in zip(code.co_cellvars + code.co_freevars, fast[n:]):
                _map_one(d, name, value, True)
        return d

    def locals_to_fast(self, clear=False):
        """PyFrame_LocalsToFast: write f_locals back into the fast locals."""
        d = self._f_locals
        fast = self.f_localsplus
        if d is None or not fast:
            return
        code = self.f_code
        for i, name in enumerate(code.co_varnames[:code.co_nlocals]):
            value = d.get(name, NULL)
            if value is not NULL or clear:
                fast[i] = value
        j = code.co_nlocals
        for name in code.co_cellvars + code.co_freevars:
            value = d.get(name, NULL)
            cell = fast[j]
            if isinstance(cell, Cell) and (value is not NULL or clear):
                cell.ob_ref = value
            j += 1

    # -- misc ----------------------------------------------------------------------

    def clear(self):
        _settle_frame(self)
        if self.f_state == FRAME_EXECUTING:
            raise RuntimeError("cannot clear an executing frame")
        gen = self.f_gen
        if gen is not None:
            if self.f_state == FRAME_SUSPENDED and _SUSPENDED_IS_AN_ERROR:
                # 3.13's frame_clear: a suspended generator's frame is refused
                # (3.10-3.12 finalise the generator)
                raise RuntimeError("cannot clear a suspended frame")
            gen.close()
        for i in range(len(self.f_localsplus)):
            self.f_localsplus[i] = NULL
        del self.f_valuestack[:]

    @property
    def f_valuestack_depth(self):
        return len(self.f_valuestack)

    def __dir__(self):
        # dir(frame) lists what the host's frame type has (frame_getsetlist,
        # frame_memberlist, frame_methods): the VM's own slots (f_localsplus,
        # f_instrs, f_init_self...) are not part of a frame a guest can see.
        return list(_HOST_FRAME_DIR)

    def __repr__(self):
        code = self.f_code
        return "<frame at %#x, file '%s', line %s, code %s>" % (
            id(self), code.co_filename, self.f_lineno, code.co_name)


def _settle_frame(frame):
    """A lazily suspended chain's inner level (Frame.f_back) made exact
    before ``frame``'s state is read."""
    if vmhooks.gen_settle is None:
        return
    ref = getattr(frame, "_f_gen", None)
    gen = ref() if ref is not None else None
    if gen is not None and gen._yb is not None:
        vmhooks.gen_settle(gen)


def guest_back(frame):
    """The guest frame that ``frame`` returns to, or None: its ``f_back``
    without the host frames CPython shows where host Python code called the
    guest (a thread's ``run``, contextlib's ``__enter__``: a host frame or
    runtime/hostframes.HostFrameView).  For the VM's own tools, which show
    and number guest frames only."""
    back = frame.f_back
    while back is not None and back.__class__ is not Frame:
        back = back.f_back
    return back


def _map_one(d, name, value, deref):
    if deref and isinstance(value, Cell):
        value = value.ob_ref
    if value is NULL:
        d.pop(name, None)
    else:
        d[name] = value


Frame.__name__ = Frame.__qualname__ = "frame"
Frame.__module__ = "builtins"


# -- co_zombieframe (frameobject.c 3.10: frame_dealloc, _PyFrame_New_NoTrack) ----------

# frames the traced loop's calls made new, and zombie frames they reused
FRAME_COUNTS = {"new": 0, "reused": 0}
_last_reused = [None]           # weakref to the frame frame_new last revived
_ZOMBIES = WeakSet()            # frames the traced loop has parked (and may see again)


def _call_refs():
    """How many references a call like probe(f) adds to what getrefcount
    sees of ``f`` inside (the parameter, getrefcount's argument, and on 3.10
    the caller's value stack): measured, since it differs between hosts."""
    def probe(x):
        return sys.getrefcount(x)
    o = object()
    return probe(o) - 1         # not o itself


CALL_REFS = _call_refs()


def parked(f):
    """A frame the traced loop has just parked (interpreter/frameswitch.py
    park: 3.10's frame_dealloc): its trace fields are let go too, and it is
    known as a zombie (frame_new counts its reuse)."""
    f._f_trace = None
    f._f_trace_lines = True
    f._f_trace_opcodes = False
    _ZOMBIES.add(f)


# The references getrefcount sees of an unheld object in a local variable,
# inline (the variable and the argument): what the plain loop compares with.
def _inline_refs():
    probe = object()
    return sys.getrefcount(probe)


INLINE_REFS = _inline_refs()


def frame_new(new):
    """_PyFrame_New_NoTrack for a call whose frame ``new`` was just built:
    ``new`` itself, or the code's zombie frame revived with its contents."""
    code = new.f_code
    z = code.co_zombieframe
    if z is None:
        if new in _ZOMBIES:
            # the fast call path (specialize.fast_frame) took it back already
            FRAME_COUNTS["reused"] += 1
            _last_reused[0] = _weakref(new)
        else:
            FRAME_COUNTS["new"] += 1
        return new
    code.co_zombieframe = None
    z.f_globals = new.f_globals
    z.f_builtins = new.f_builtins
    z._f_locals = new._f_locals
    z.f_localsplus = new.f_localsplus
    z._f_back = None
    z._lasti = -1
    z.f_valuestack = new.f_valuestack
    z.f_blockstack = new.f_blockstack
    z.f_instrs = new.f_instrs
    z.f_init_self = new.f_init_self
    if z.f_init_self is not None:
        z.f_type_call_args = getattr(new, "f_type_call_args", None)
    z._f_gen = None
    z.f_state = FRAME_CREATED
    FRAME_COUNTS["reused"] += 1
    _last_reused[0] = _weakref(z)
    return z


def was_reused(f):
    """Whether ``f`` is the frame frame_new last took from co_zombieframe."""
    ref = _last_reused[0]
    return ref is not None and ref() is f
