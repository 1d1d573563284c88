"""The evaluation loop: dispatch, frame switching, and exception unwinding.

Mirrors Python/ceval.c of CPython 3.10 (_PyEval_EvalFrameDefault: the dispatch
of pre-decoded instructions, the ``exception_unwind`` walk of the block stack
with the 6-value push on entering a handler, UNWIND_EXCEPT_HANDLER) and, for
calls, CPython 3.11's inlined Python-to-Python calls: a guest call pushes the
callee's Frame and the same loop continues in it; RETURN_VALUE resumes the
caller.  Nothing here is opcode-specific: handlers live in ops/*.  The frame
switch (push, pop) is frameswitch.py's; the plain loop has copies generated
from it inline (``# frameswitch.NAME`` ... ``# end frameswitch.NAME``).

Entry points:
  run_code(code, globals, locals=None)  run a module-level Code (like exec)
  run_frame(frame, throwexc=None)       run/resume a frame to its return/yield

The hook for tracing (docs/vm.md): run_frame picks ``_eval_plain`` unless the
thread state's ``tracer`` is set, in which case ``tracer.eval_frame(tstate,
frame, throwexc)`` runs the frame instead (a separate loop or handler table),
so the plain loop pays nothing for tracing.
"""

import builtins as _host_builtins
import sys
from sys import _getframe   # bound once: a guest may delete or rebind sys._getframe

from ..objects.cellobject import NULL
from sys import getrefcount as _getrefcount
from ..objects.frameobject import INLINE_REFS as _INLINE_REFS
from .ops.exceptions import FINALLY_BLOCK, normalize_at_handler as _normalize_at_handler
from ..objects.frameobject import (Frame, EXCEPT_HANDLER,
                                   FRAME_CREATED, FRAME_EXECUTING, FRAME_RETURNED, FRAME_SUSPENDED,
                                   FRAME_RAISED)
from .decode import decode
from .frameswitch import leave as _leave
from .superinstr import FUSED_LINES, FUSED, HEADER_CODE as _HEADER_CODE
from . import tier2 as _tier2
from .t2frames import LEAN as _LEAN, materialise as _materialise
from ..objects import frameobject as _frameobject
from ..objects.genobject import Generator
from .. import opcodes as _opcodes
_OP_YIELD_FROM, _OP_YIELD_VALUE = _opcodes.YIELD_FROM, _opcodes.YIELD_VALUE
from .ops import RETURN, YIELD, YIELD_AGAIN
from . import pystate
from .abort import STOP_OR_MEMORY, stops_run
from .pystate import get_tstate, set_exc_value, ExcItem, HOST_NEST_DEPTH
from ..objects import excslots as _x

_tracebacks = None   # evalframe.runtime.tracebacks, bound on first use
_issubclass = _host_builtins.issubclass     # (a guest may rebind builtins.issubclass)
# (the real type: isinstance would ask a guest __getattribute__ for __class__)


class Reraise(BaseException):
    """Raised by RERAISE / bare ``raise``: unwind ``exc`` without a new traceback
    entry (3.10 jumps straight to exception_unwind, skipping PyTraceBack_Here)."""

    def __init__(self, exc, lasti=None):
        self.exc = exc
        self.lasti = lasti


class HandOff(BaseException):
    """Raised by a call intercept that has just attached a tracer the calling
    frame must already run under (``sys.setprofile``: CPython profiles the
    frame that installed the profiler, its later C calls and its return).  The
    call returned ``value``; the plain loop pushes it and hands its frames to
    the traced loop right there, instead of at its next guest call.  Raised
    only when this loop's own handler made the call (runtime/setprofile.py)."""

    def __init__(self, value=None):
        self.value = value


def builtins_from_globals(globals):
    """_PyEval_BuiltinsFromGlobals: the builtins dict a frame with ``globals`` uses."""
    # (PyDict_GetItem: never a method a dict subclass as globals overrides)
    b = dict.get(globals, "__builtins__", NULL) if isinstance(globals, dict) else NULL
    if b is NULL:
        return _host_builtins.__dict__
    if isinstance(b, type(_host_builtins)):    # (a module; sys may be a subclass)
        return b.__dict__
    return b


def _ensure_runtime():
    global _tracebacks
    if _tracebacks is None:
        from ..runtime import builtins as _rb  # noqa: F401  (installs intercepts)
        from ..runtime import tracebacks
        _tracebacks = tracebacks


def run_code(code, globals, locals=None):
    """Run a module-level (or exec'd) Code object in the VM; return its value."""
    _ensure_runtime()
    if not dict.__contains__(globals, "__builtins__"):
        from ..runtime.builtins import make_builtins
        dict.__setitem__(globals, "__builtins__", make_builtins())
    if locals is None:
        locals = globals
    d = code._decoded or decode(code)
    fast = [NULL] * d.nlocalsplus
    f = Frame(code, globals, builtins_from_globals(globals), locals, fast, d.instrs)
    return run_frame(f)


def run_frame(f, throwexc=None):
    """Run (or resume) frame ``f``; return its return or yielded value."""
    tstate = get_tstate()
    if _tracebacks is None:
        _ensure_runtime()
    tstate.reentry += 1
    try:
        if tstate.reentry & 63 == 0:
            _check_host_room(tstate)
        tracer = tstate.tracer
        if tracer is not None:
            return tracer.eval_frame(tstate, f, throwexc)
        return _eval_plain(tstate, f, throwexc)
    finally:
        tstate.reentry -= 1
        throwexc = None   # no exception -> traceback -> this frame -> exception cycle


def _check_host_room(tstate):
    """Deep host re-entry: refuse before the host C stack could overflow, and
    keep the host's recursion limit above the VM's own host frames."""
    if tstate.reentry > pystate.MAX_HOST_REENTRY:
        raise RecursionError("maximum recursion depth exceeded")
    want = (tstate.reentry + 64) * pystate.HOST_FRAMES_PER_REENTRY + tstate.recursion_limit
    if sys.getrecursionlimit() < want:
        sys.setrecursionlimit(want)


def _recursion_error():
    if depth_limit_hook is not None:
        # evalframe.limits (--max-depth) caps the limit; at the cap the run stops
        return depth_limit_hook()
    return RecursionError("maximum recursion depth exceeded")


depth_limit_hook = None


def _eval_plain(tstate, f, throwexc):
    entry = f
    prev = tstate.frame
    base_depth = tstate.depth
    if base_depth >= tstate.recursion_limit:
        raise _recursion_error()
    tstate.depth = base_depth + 1
    # (a lean tier-2 caller's frame materialised; ``prev``, restored at the
    # end, stays LEAN: t2frames)
    f._f_back = prev if prev is not _LEAN else _materialise(_getframe(1))
    tstate.frame = f
    f.f_state = FRAME_EXECUTING
    stack = f.f_valuestack
    instrs = f.f_instrs
    ip = f._lasti + 1
    pending = throwexc
    throwexc = None
    handoff = None
    try:
        while True:
            try:
                if pending is not None:
                    exc, pending = pending, None
                    raise exc
                while True:
                    fn, arg = instrs[ip]
                    ip += 1
                    r = fn(f, stack, arg)
                    if r is not None:
                        if r.__class__ is int:
                            ip = r
                        elif r.__class__ is Frame:
                            # a guest call: push the callee, continue in it
                            if arg is not FUSED:
                                f._lasti = ip - 1   # (a fused group sets its call's)
                            if tstate.tracer is not None and _can_hand_off(entry, f):
                                # tracing began while this loop ran (sys.settrace,
                                # breakpoint()): the traced loop takes over here,
                                # outside this loop's exception handling
                                handoff = r
                                break
                            # (raised at the call, fused or not: ip)
                            # frameswitch.enter(tstate, f, r) ... before raise: ip = f._lasti + 1
                            if tstate.depth >= tstate.recursion_limit:
                                ip = f._lasti + 1
                                raise recursion_error()
                            tstate.depth += 1
                            r._f_back = f
                            tstate.frame = r
                            # end frameswitch.enter
                            f = r
                            f.f_state = FRAME_EXECUTING
                            stack = f.f_valuestack
                            instrs = f.f_instrs
                            ip = f._lasti + 1
                        elif r is RETURN:
                            # (the instruction that returned wrote f._lasti:
                            # the plain loop's RETURN handler, RETURN_VALUE__live,
                            # or a fused group)
                            retval = stack.pop()
                            f.f_state = FRAME_RETURNED
                            if f is entry:
                                return retval
                            init_self = f.f_init_self
                            back = f._f_back
                            if init_self is not None and type(init_self) is Generator:
                                # an inlined generator returned: the FOR_ITER
                                # that resumed it ends, or the YIELD_FROM gets
                                # its result
                                _gen_leave(tstate, f, init_self, True)
                                f = back
                                # frameswitch.leave(tstate, f)
                                tstate.depth -= 1
                                tstate.frame = f
                                # end frameswitch.leave
                                stack = f.f_valuestack
                                instrs = f.f_instrs
                                if f.f_code.co_code[2 * f._lasti] == _OP_YIELD_FROM:
                                    stack[-1] = retval
                                    ip = f._lasti + 1
                                else:
                                    stack.pop()
                                    ip = f.f_code._decoded.basic[f._lasti][1]
                                init_self = back = retval = None
                                continue
                            done = f
                            f = back
                            back = None
                            if init_self is not None:
                                # type_call's arguments: let go after the
                                # frame's locals (parked or deallocated below)
                                init_args = done.f_type_call_args
                                done.f_type_call_args = None
                            # frameswitch.leave(tstate, f)
                            tstate.depth -= 1
                            tstate.frame = f
                            # end frameswitch.leave
                            stack = f.f_valuestack
                            instrs = f.f_instrs
                            ip = f._lasti + 1
                            # frame_dealloc: a frame nothing else holds is parked
                            # as its code's zombie
                            # frameswitch.park(done, _INLINE_REFS)
                            zcode = done.f_code
                            if zcode.co_zombieframe is None and _getrefcount(done) == _INLINE_REFS:
                                done.f_localsplus = ()
                                done._f_back = done.f_init_self = done._f_locals = done._f_standin = None
                                done.f_globals = done.f_builtins = None
                                zcode.co_zombieframe = done
                            # end frameswitch.park
                            done = zcode = None
                            if init_self is not None:
                                init_args = None
                                # type_call: __init__ must return None; the
                                # call's result is the new object (init_result)
                                if retval is not None:
                                    retval = init_result(init_self, retval)
                                retval = init_self
                                init_self = None
                            stack.append(retval)
                            # hold no references the guest has dropped
                            retval = None
                            if tstate.tracer is not None and _can_hand_off(entry, f):
                                # a tracer attached while the callee ran (in tier 2,
                                # or a host call below it): the caller goes on traced
                                handoff = f
                                break
                        elif r is YIELD or r is YIELD_AGAIN:
                            if r is YIELD_AGAIN:
                                f._lasti = ip - 2   # YIELD_FROM runs again on resumption
                            elif arg is not FUSED:
                                f._lasti = ip - 1   # (a fused group sets its yield's)
                            while True:
                                f.f_state = FRAME_SUSPENDED
                                if f is entry:
                                    return stack.pop()
                                # an inlined generator yields to the FOR_ITER or
                                # YIELD_FROM that resumed it
                                retval = stack.pop()
                                back = f._f_back
                                _gen_leave(tstate, f, f.f_init_self, False)
                                f = back
                                back = None
                                # frameswitch.leave(tstate, f)
                                tstate.depth -= 1
                                tstate.frame = f
                                # end frameswitch.leave
                                stack = f.f_valuestack
                                instrs = f.f_instrs
                                stack.append(retval)
                                retval = None
                                if f.f_code.co_code[2 * f._lasti] != _OP_YIELD_FROM:
                                    ip = f._lasti + 1
                                    break
                                # a delegating generator yields the value on and
                                # re-runs its YIELD_FROM when resumed (YIELD_AGAIN)
                                f._lasti -= 1
                        elif type(r) is Generator:
                            # FOR_ITER or YIELD_FROM over a guest generator
                            # (RESUME in FOR_ITER__live / YIELD_FROM__live, a fused FOR_ITER):
                            # resume its frame in this loop, as 3.12's FOR_ITER_GEN
                            # and SEND, instead of through next() / send()
                            f._lasti = ip - 1
                            if f.f_code.co_code[2 * ip - 2] == _OP_YIELD_FROM:
                                sent = stack.pop()  # (yield_from checked the rest)
                            elif gen_can_inline(tstate, r):
                                sent = None
                            else:
                                # FOR_ITER the ordinary way: its derived
                                # handler (next())
                                fn, arg = f.f_code._decoded.basic[ip - 1]
                                r = fn(f, stack, arg)
                                if r is not None:
                                    ip = r
                                    r = None
                                continue
                            gf = r.gi_frame
                            _gen_enter(tstate, gf, r, sent)
                            tstate.depth += 1
                            gf._f_back = f
                            f = gf
                            gf = sent = r = None
                            tstate.frame = f
                            f.f_state = FRAME_EXECUTING
                            stack = f.f_valuestack
                            instrs = f.f_instrs
                            ip = f._lasti + 1
                        else:
                            raise SystemError("bad handler result %r" % (r,))
                break           # only a hand-off to the traced loop gets here
            except BaseException as e:
                if type(e) is HandOff:   # (not e.__class__: a guest __getattribute__)
                    # (a call ends a fused group: the group's call is its last)
                    f._lasti = ip - 1 + _fused_offset(_x.get_traceback(e))
                    ip = f._lasti + 1
                    stack.append(e.value)
                    e = None
                    if tstate.tracer is not None and _can_hand_off(entry, f):
                        handoff = f     # (no callee: the traced loop resumes f)
                        break
                    continue
                exc, add_tb = raised_at(f, e, ip - 1)
                e = None
                if _issubclass(type(exc), STOP_OR_MEMORY) and stops_run(exc):
                    # a stopped run: past every guest handler (abort.py); also
                    # when it comes wrapped in a Reraise (a tier-2 callee's)
                    raise exc
                f, exc = _unwind(tstate, entry, f, exc, add_tb)
                if f is None:
                    pending = exc
                    break
                exc = None
                stack = f.f_valuestack
                instrs = f.f_instrs
                ip = f._lasti + 1
        if handoff is not None:
            ip = None   # (live_lasti: the traced loop keeps f._lasti from here on)
            return tstate.tracer.resume(tstate, entry, f, None if handoff is f else handoff)
        # Clear the locals while the exception leaves: the traceback keeps
        # this host frame, and a local holding the exception would make a
        # cycle that keeps the guest's objects alive until a gc pass.
        # Raising re-chains: the host sets __context__ to an exception the
        # host code that called the VM is handling (contextlib.ExitStack
        # calling a guest callback from its except clause); the guest
        # exception's own context was settled when the guest raised it.
        context = _x.get_context(pending)
        try:
            raise pending
        finally:
            _x.set_context(pending, context)
            pending = exc = f = entry = stack = instrs = context = None
    finally:
        tstate.frame = prev
        tstate.depth = base_depth


def raised_at(f, e, index):
    """An exception caught by an eval loop at instruction ``index`` of ``f``:
    set f._lasti where it was raised, return ``(exc, add_tb)``.

    ``Reraise`` (RERAISE, bare ``raise``) carries the exception and where it
    was first raised, and adds no traceback entry (3.10 goes straight to
    exception_unwind); an exception a superinstruction raised is placed at
    its own instruction of the group (_fused_offset).
    """
    if type(e) is Reraise:   # (not e.__class__: a guest __getattribute__)
        f._lasti = index if e.lasti is None else e.lasti
        return e.exc, False
    f._lasti = index + _fused_offset(_x.get_traceback(e))
    return e, True


def init_result(init_self, retval):
    """What a call of a class whose ``__init__`` frame was pushed inline
    returns: the new object (type_call's check that __init__ returned None)."""
    if retval is not None:
        raise TypeError("__init__() should return None, not '%s'" % type(retval).__name__)
    return init_self


def _fused_offset(tb):
    """Which instruction of a fused group raised (0 for a one-instruction handler).

    ``tb`` is the traceback as the loop caught it: its first entry is the
    loop's own host frame, the next one the handler it called.  A fused
    group's host line tells the instruction (superinstr.FUSED_LINES).
    """
    if tb is not None:
        tb = tb.tb_next
        if tb is not None and tb.tb_frame.f_code is _HEADER_CODE:
            tb = tb.tb_next     # (a loop header counting towards tier 2 called the group)
        if tb is not None:
            lines = FUSED_LINES.get(id(tb.tb_frame.f_code))
            if lines is not None:
                return lines[tb.tb_lineno]
    return 0


def live_lasti(frame):
    """The instruction a frame running in a plain loop is at, or None.

    The plain loop keeps the instruction index in a host local and writes
    ``f._lasti`` only when it leaves a frame; a frame that is the current frame
    of a plain loop further up the host stack is read from that loop's
    locals (and, inside a superinstruction, from the fused function's host
    line).  Called by Frame.f_lasti / f_lineno of an executing frame: nothing
    per instruction.
    """
    hf = _getframe(1)
    below = None
    code = _eval_plain.__code__
    t2_lines = _tier2.T2_LINES
    while hf is not None:
        if id(hf.f_code) in t2_lines:
            index = _tier2.live_index(hf, frame)
            if index is not None:
                return index if index >= 0 else None
        if hf.f_code is code:
            if below is not None and below.f_code is _unwind.__code__:
                return None         # unwinding: f._lasti is already exact
            loc = hf.f_locals
            running, ip = loc.get("f"), loc.get("ip")
            if type(loc) is dict:
                # (a snapshot the host keeps on its frame until the next read:
                # empty it, so that it holds none of the loop's values alive)
                loc.clear()
            loc = None
            if running is frame:
                if ip is None:
                    return None
                index = ip - 1
                if below is not None:
                    lines = FUSED_LINES.get(id(below.f_code))
                    if lines is not None:
                        index += lines[below.f_lineno]
                return index
        if hf.f_code is not _HEADER_CODE:
            below = hf
        hf = hf.f_back
    return None


def _unwind(tstate, entry, f, exc, add_tb):
    """exception_unwind: find a handler in ``f`` or its inlined callers.

    Returns ``(frame, exc)``: the frame to resume (its _lasti just before the
    handler), or None when the exception leaves ``entry``; and the exception
    going on (an inlined generator left by StopIteration turns it into a
    RuntimeError, as gen_send_ex).  Each frame left gets its traceback entry
    (PyTraceBack_Here), the first one only if ``add_tb``.
    """
    add_entry = _tracebacks.add_entry
    handled = pystate.handled
    while True:
        add_entry(tstate, exc, f, add_tb)
        add_tb = True
        blocks = f.f_blockstack
        stack = f.f_valuestack
        while blocks:
            b_type, b_handler, b_level = blocks.pop()
            if b_type == EXCEPT_HANDLER:
                # (unwind_except_handler and set_exc_value inline: every
                # finally or except an exception leaves comes here)
                del stack[b_level + 3:]
                stack.pop()                 # type
                value = stack.pop()
                stack.pop()                 # traceback
                ei = tstate.exc_info
                if (ei.exc_value is None) != (value is None):
                    handled[0] += -1 if value is None else 1
                ei.exc_value = value
                value = None
                continue
            del stack[b_level:]
            if b_type == FINALLY_BLOCK:
                if type(type(exc)) is not type:
                    exc = _normalize_at_handler(tstate, exc)
                blocks.append((EXCEPT_HANDLER, f._lasti, len(stack)))
                ei = tstate.exc_info
                prev = ei.exc_value
                if prev is None:
                    stack += (None, None, None)
                    handled[0] += 1         # (set_exc_value: None -> exc)
                else:
                    stack += (_x.get_traceback(prev), prev, type(prev))
                ei.exc_value = exc
                stack += (_x.get_traceback(exc), exc, type(exc))
                f._lasti = b_handler - 1
                return f, exc
        del stack[:]
        f.f_state = FRAME_RAISED
        # (type_call returning NULL lets its argument tuple go)
        f.f_type_call_args = None
        if f is entry:
            if type(type(exc)) is not type:
                tstate.raising = exc    # (in flight again: ops/exceptions.normalize_at_handler)
            return None, exc
        back = f._f_back
        gen = f.f_init_self
        if gen is not None and type(gen) is Generator:
            _gen_leave(tstate, f, gen, True)
            exc = _gen_exception(gen, exc)
        f = back
        _leave(tstate, f)


# -- generators resumed inside the plain loop --------------------------------------------
# gen_send_ex's bookkeeping (objects/genobject.py GenBase._send_ex) for a
# generator frame the loop runs inline: the generator's exc_info item is
# linked in while it runs, gi_running is set, and the frame's f_init_self
# names the generator (so RETURN, YIELD and unwinding know to pop back to the
# FOR_ITER that resumed it).

def gen_can_inline(tstate, gen):
    """Whether the loop can resume ``gen`` (a Generator) inline: it is not
    running or finished, no tracer is attached, the recursion limit has room."""
    gf = gen.gi_frame
    return (gf is not None and gf.f_state < FRAME_EXECUTING and not gen._running
            and gen._hg is None     # (one in tier 2 resumes its host generator)
            and (gf.f_code._decoded.t2gen is None or not _osr_ready(gf)
                 # (tier2gen._adopt refuses it that deep: pystate.HOST_NEST_DEPTH)
                 or tstate.depth >= HOST_NEST_DEPTH)
            and tstate.tracer is None and tstate.depth < tstate.recursion_limit)


def _osr_ready(gf):
    """Whether a generator frame whose code is in tier 2 can continue there
    (tier2gen.osr: not started, suspended at a YIELD_VALUE, or at a
    YIELD_FROM of a generator in tier 2): resumed through next()/send() then,
    not inline."""
    return (gf.f_state == FRAME_CREATED or gf.f_code.co_code[2 * gf._lasti] == _OP_YIELD_VALUE
            or _tier2.osr_delegates(gf))


def _gen_enter(tstate, gf, gen, value):
    gf.f_valuestack.append(value)       # the value sent (FOR_ITER's next() sends None)
    item = gen._exc_state
    if item is None:
        # (tier 2 makes none for code without handlers: tier2gen)
        item = gen._exc_state = ExcItem()
    item.previous_item = tstate.exc_info
    tstate.exc_info = item
    gen._running = True
    gf.f_init_self = gen


def _gen_leave(tstate, gf, gen, finished):
    gf.f_init_self = None
    gen._running = False
    item = gen._exc_state
    tstate.exc_info = item.previous_item
    item.previous_item = None
    gf._f_back = None
    if finished:
        gen._finish()


def _gen_exception(gen, exc):
    """gen_send_ex: a StopIteration leaving a generator becomes a RuntimeError."""
    if isinstance(exc, StopIteration):
        name = "StopIteration" if type(exc) is StopIteration else (
            type(exc).__name__ if type(exc) is StopAsyncIteration else "StopIteration")
        err = RuntimeError("%s raised %s" % (gen._kind, name))
        _x.set_cause(err, exc)
        _x.set_context(err, exc)
        return err
    return exc


def _can_hand_off(entry, f):
    """Whether the traced loop can take over: not while an inlined generator
    runs (the traced loop would take its yield for the entry's)."""
    while True:
        gen = f.f_init_self
        if gen is not None and type(gen) is Generator:
            return False
        if f is entry:
            return True
        f = f._f_back


_frameobject.set_live_lasti(live_lasti)


def unwind_except_handler(tstate, stack, level):
    """UNWIND_EXCEPT_HANDLER: drop to the block's level, restore exc_info."""
    del stack[level + 3:]
    stack.pop()                 # type
    value = stack.pop()
    stack.pop()                 # traceback
    set_exc_value(tstate.exc_info, value)


# The names the other loops share (traced.py, tier2.py).
unwind = _unwind
check_host_room = _check_host_room
eval_plain = _eval_plain
recursion_error = _recursion_error
gen_exception = _gen_exception

# For runtime/signals.py (docs/boundary.md "Signals"): the eval loop, and the
# functions that change the VM's state between guest instructions, where a
# signal handler's exception must not be raised.
EVAL_LOOPS = (_eval_plain,)
BOOKKEEPING = (run_code, run_frame, _check_host_room, raised_at, _fused_offset, _unwind,
               unwind_except_handler, _gen_enter, _gen_leave, _gen_exception, _can_hand_off,
               gen_can_inline, _osr_ready, init_result)
