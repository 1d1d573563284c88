"""The traced eval loop: the plain loop of ceval.py with hooks between instructions.

Mirrors the tracing half of Python/ceval.c (3.10): the ``tracing_dispatch``
path of _PyEval_EvalFrameDefault (``f->f_lasti = INSTR_OFFSET()`` before each
instruction, ``maybe_call_line_trace``), ``call_trace_protected`` for the
'call' and 'return' events, ``call_exc_trace`` at the ``error:`` label, and
the special cases where 3.10 reports an exception that the VM then swallows
(FOR_ITER and, while tracing, YIELD_FROM, when a StopIteration ends the
iteration).

Zero cost when off: evalframe.interpreter.ceval.run_frame runs the plain loop
unless ``tstate.tracer`` is set; only then does ``TracedLoop.eval_frame`` run
frames, here.  Guest-to-guest calls are inlined as in the plain loop (the
callee's Frame is pushed and this loop continues in it), so events come in
the order CPython produces them.  ``TracedLoop.resume`` lets the plain loop
hand its running frames over when tracing starts in the middle of a run (the
hook docs/tracing.md asks ceval.py for).

Two kinds of consumers attach to a ``TracedLoop``:

* observers (evalframe.tools: trace, explain, step, stats), subclasses of
  ``Observer``, told about every frame entry, instruction (before and after,
  with the live value stack), exception and exit;
* the sys.settrace adapter (evalframe.runtime.settrace), which turns the same
  moments into CPython's 'call', 'line', 'opcode', 'return' and 'exception'
  events for a guest trace function.
"""

import sys
import weakref

from ..objects.frameobject import frame_new, was_reused, guest_back
from . import t2frames as _t2frames
from ..objects.frameobject import (Frame, FRAME_EXECUTING, FRAME_RETURNED,
                                   FRAME_SUSPENDED, FRAME_UNWINDING)
from . import ceval
from .decode import decode
from .frameswitch import enter, leave, dealloc
from .ops import RETURN, YIELD, YIELD_AGAIN
from .pystate import get_tstate
from .abort import AbortRun, stops_run  # (tools import AbortRun from here)
from .. import opcodes
from ..objects import excslots as _x

_FOR_ITER = opcodes.FOR_ITER
_YIELD_FROM = opcodes.YIELD_FROM
_EXTENDED_ARG = opcodes.EXTENDED_ARG
_HOST_310 = sys.version_info < (3, 11)


def _add_entry(tstate, exc, f, add_tb):
    """runtime.tracebacks.add_entry (bound on first use: the runtime is
    imported once the VM runs, ceval._ensure_runtime)."""
    global _add_entry
    from ..runtime.tracebacks import add_entry
    _add_entry = add_entry
    return add_entry(tstate, exc, f, add_tb)


class Observer:
    """A consumer of the traced loop's moments; every hook is optional.

    ``wants_instructions``: call ``before``/``after`` for every instruction
    (otherwise only frame-level hooks run).  The value ``stack`` passed is the
    frame's live list: copy it to keep it.  ``index`` is the instruction
    index (byte offset // 2, CPython 3.10's internal f_lasti).
    """

    wants_instructions = False

    def call(self, loop, frame):
        """``frame`` starts running (a new frame) or resumes (a generator)."""

    def before(self, loop, frame, index, stack):
        """Instruction ``index`` of ``frame`` is about to run."""

    def after(self, loop, frame, index, stack, jumped):
        """Instruction ``index`` finished without an exception; ``stack`` is after it."""

    def exception(self, loop, frame, exc):
        """``exc`` was raised in ``frame`` (or arrived there from a callee)."""

    def exit(self, loop, frame, value, how):
        """``frame`` leaves: how is 'return', 'yield' or 'exception' (value None)."""


class StatsObserver(Observer):
    """Feeds evalframe.tools.stats.CallStats: opcodes, calls by kind, frames, depth."""

    wants_instructions = True
    def __init__(self, stats):
        self.stats = stats
        self._names = opcodes.opname
        # imported now, not in the guest's run (where an import shows in sys.modules)
        from ..tools.explain import split_call_stack, CALL_OPS
        from ..tools.stats import classify_call
        self._split_call_stack, self._classify_call = split_call_stack, classify_call
        self._CALLS = CALL_OPS

    def call(self, loop, frame):
        if frame._lasti < 0:          # a new frame, not a generator resuming
            self.stats.count_frame(loop.depth_of(frame), was_reused(frame))

    def before(self, loop, frame, index, stack):
        raw = frame.f_code.co_code
        op = raw[2 * index]
        name = self._names[op]
        self.stats.count_instruction(name)
        if name in self._CALLS:
            instr = _RawInstr(name, full_arg(raw, index), 2 * index)
            func, args, kwnames, via = self._split_call_stack(instr, stack)
            if func is not None:
                kind, _, _ = self._classify_call(func, len(args) - len(kwnames or ()), kwnames, via)
                self.stats.count_call(kind)


class _RawInstr:
    __slots__ = ("opname", "arg", "offset")

    def __init__(self, opname, arg, offset):
        self.opname = opname
        self.arg = arg
        self.offset = offset


def full_arg(raw, index):
    """The oparg of instruction ``index`` with its EXTENDED_ARG prefixes folded in."""
    arg = raw[2 * index + 1]
    shift = 8
    j = index - 1
    while j >= 0 and raw[2 * j] == _EXTENDED_ARG:
        arg |= raw[2 * j + 1] << shift
        shift += 8
        j -= 1
    return arg


class TracedLoop:
    """``tstate.tracer``: runs frames with observers and the settrace adapter attached."""

    def __init__(self):
        self.observers = []
        self.settrace = None        # evalframe.runtime.settrace.SettraceState, or None
        self._ids = weakref.WeakKeyDictionary()
        self._next_id = 1
        self._gen_return = None     # (frame, value) of the last generator frame that returned
        self._instr_observers = ()
        self._running = 0           # _run calls under way (frames this loop still runs)

    # -- attaching --------------------------------------------------------------

    def add_observer(self, observer):
        self.observers.append(observer)
        self._refresh()

    def remove_observer(self, observer):
        if observer in self.observers:
            self.observers.remove(observer)
        self._refresh()

    def _refresh(self):
        self._instr_observers = tuple(o for o in self.observers if o.wants_instructions)

    @property
    def idle(self):
        return not self.observers and self.settrace is None

    def frame_id(self, frame):
        """A small stable number for ``frame`` (1, 2, ... in order of first sight)."""
        fid = self._ids.get(frame)
        if fid is None:
            fid = self._ids[frame] = self._next_id
            self._next_id += 1
        return fid

    def depth_of(self, frame):
        depth = 0
        f = guest_back(frame)
        while f is not None:
            depth += 1
            f = guest_back(f)
        return depth

    # -- the hooks ceval.py calls ---------------------------------------------------

    def eval_frame(self, tstate, f, throwexc):
        """Run (or resume) ``f`` to its return or yield (ceval.run_frame's tracer hook)."""
        return self._run(tstate, f, throwexc, None, None)

    def resume(self, tstate, entry, f, callee=None):
        """Continue running frames the plain loop started (tracing began mid-run).

        ``entry`` is the plain loop's entry frame, ``f`` its current frame
        (``f._lasti`` the last instruction run), ``callee`` a Frame that ``f``'s
        call instruction has just made and not yet started.  The plain loop's
        own ``finally`` restores tstate.frame and tstate.depth afterwards.
        """
        return self._run(tstate, entry, None, f, callee)

    # -- events ----------------------------------------------------------------------

    def _enter(self, f):
        """A frame starts or resumes: observers, then the 'call' trace event."""
        for o in self.observers:
            o.call(self, f)
        st = self.settrace
        if st is not None:
            st.call_event(f)      # may raise: the frame then does not run

    def _exit(self, f, value, how):
        for o in self.observers:
            o.exit(self, f, value, how)
        st = self.settrace
        if st is not None:
            st.return_event(f, value if how != "exception" else None)

    def _exception(self, f, exc):
        """call_exc_trace: returns the exception to go on with (a tracer may replace it)."""
        for o in self.observers:
            o.exception(self, f, exc)
        st = self.settrace
        if st is not None:
            state = f.f_state
            f.f_state = FRAME_UNWINDING
            try:
                st.exception_event(f, exc)
            except BaseException as err:   # the trace function raised: its error wins
                exc = err
            finally:
                f.f_state = state
        return exc

    def _swallowed_stopiteration(self, f, value):
        """FOR_ITER / YIELD_FROM ended on a StopIteration CPython reported first."""
        exc = StopIteration() if value is None else StopIteration(value)
        for o in self.observers:
            o.exception(self, f, exc)
        st = self.settrace
        if st is not None:
            state = f.f_state
            f.f_state = FRAME_UNWINDING
            try:
                st.exception_event(f, exc)
            finally:
                f.f_state = state

    def _stopiteration_reported(self, op, before_top, before_second, stack):
        """Whether 3.10 calls call_exc_trace for the iteration that just ended.

        FOR_ITER: the iterator's tp_iternext left a StopIteration set, i.e. a
        guest __next__ raised it, or a generator returned a value other than
        None (gen_send_ex sets StopIteration(value) only then).  YIELD_FROM
        while tracing calls tp_iternext when the value sent is None, else
        send(), which always raises StopIteration at the end.
        Returns (reported, StopIteration value).
        """
        if op == _FOR_ITER:
            it = before_top
            if _guest_next(it):
                return True, None
            ret = self._gen_return
            if ret is not None and ret[0] is it and ret[1] is not None:
                return True, ret[1]
            return False, None
        # YIELD_FROM: before = [..., receiver, value]; after = [..., result]
        sent, receiver = before_top, before_second
        result = stack[-1] if stack else None
        if sent is not None or result is not None or _guest_next(receiver):
            return True, result
        return False, None

    # -- the loop --------------------------------------------------------------------------

    def _run(self, tstate, entry, throwexc, current, callee):
        resumed = current is not None
        if not resumed:
            prev_frame = tstate.frame
            base_depth = tstate.depth
            if (base_depth >= tstate.recursion_limit
                    and tstate.recursion_limit <= sys.getrecursionlimit()):
                raise ceval.recursion_error()
            tstate.depth = base_depth + 1
            # (a lean caller's frame materialised; ``prev_frame``, restored
            # at the end, stays LEAN: t2frames)
            entry._f_back = (prev_frame if prev_frame is not _t2frames.LEAN
                            else _t2frames.materialise(sys._getframe(1)))
            tstate.frame = entry
        self._running += 1
        try:
            try:
                return self._loop(tstate, entry, throwexc, current, callee)
            except _Escape as esc:
                err = esc.exc
            # raised outside the handler, and its __context__ restored (a host
            # caller's handled exception would be chained): as the plain loop
            context = _x.get_context(err)
            try:
                raise err
            finally:
                _x.set_context(err, context)
                err = context = None
        finally:
            self._running -= 1
            if not resumed:
                tstate.frame = prev_frame
                tstate.depth = base_depth

    def _loop(self, tstate, entry, throwexc, current, callee):
        pending = None
        if current is None:
            f = entry
            # the 'call' event; if the trace function raises, the frame never runs
            self._enter(f)
            f.f_state = FRAME_EXECUTING
            pending = throwexc
        else:
            f = current
        stack = f.f_valuestack
        instrs = _basic(f)
        ip = f._lasti + 1
        prev = f._lasti            # instr_prev of maybe_call_line_trace
        cur = f._lasti
        last = last_f = None       # the instruction run last, and its frame
        if callee is not None:
            # the plain loop's call instruction made ``callee``: enter it here
            f, stack, instrs, ip, prev = self._push(tstate, f, callee)
        while True:
            try:
                if pending is not None:
                    # a generator's throw(), or an error arriving from a callee:
                    # raised at the frame's current instruction
                    cur = f._lasti
                    exc, pending = pending, None
                    raise exc
                while True:
                    cur = ip
                    co_code = f.f_code.co_code
                    if (cur and last == cur - 1 and last_f is f
                            and co_code[2 * cur - 2] == _EXTENDED_ARG):
                        # 3.10's EXTENDED_ARG dispatches its follower directly,
                        # not through tracing_dispatch: no 'line'/'opcode' event,
                        # f_lasti (and instr_prev) stay at the prefix
                        pass
                    else:
                        f._lasti = cur             # f->f_lasti = INSTR_OFFSET()
                        st = self.settrace
                        if st is not None and st.active:
                            st.maybe_line(f, prev, cur)
                            if f._lasti != cur:     # the trace function set f_lineno
                                cur = ip = f._lasti
                                co_code = f.f_code.co_code
                        prev = cur
                    last = cur
                    last_f = f
                    fn, arg = instrs[cur]
                    op = co_code[2 * cur]
                    if op == _FOR_ITER or op == _YIELD_FROM:
                        special = (stack[-1] if stack else None,
                                   stack[-2] if len(stack) > 1 else None)
                    else:
                        special = None
                    observers = self._instr_observers
                    for o in observers:
                        o.before(self, f, cur, stack)
                    ip = cur + 1
                    r = fn(f, stack, arg)
                    if r is None:
                        if special is not None and op == _YIELD_FROM:
                            due, value = self._stopiteration_reported(op, special[0],
                                                                      special[1], stack)
                            if due:
                                self._swallowed_stopiteration(f, value)
                        # (re-read: the call may have attached an observer,
                        # sys.setprofile replacing the profile function)
                        for o in self._instr_observers:
                            o.after(self, f, cur, stack, False)
                        continue
                    if r.__class__ is int:
                        if special is not None and op == _FOR_ITER:
                            due, value = self._stopiteration_reported(op, special[0],
                                                                      special[1], stack)
                            if due:
                                self._swallowed_stopiteration(f, value)
                        ip = r
                        for o in observers:
                            o.after(self, f, cur, stack, r != cur + 1)
                        continue
                    if r.__class__ is Frame:
                        f._lasti = cur          # resume after this instruction
                        f, stack, instrs, ip, prev = self._push(tstate, f, r)
                        continue
                    if r is RETURN:
                        retval = stack.pop()
                        f.f_state = FRAME_RETURNED
                        if f.f_gen is not None:
                            self._gen_return = (f.f_gen, retval)
                        try:
                            self._exit(f, retval, "return")
                        except BaseException as err:
                            # call_trace_protected failed: the frame's result is
                            # that error, raised in the caller
                            if f is entry:
                                raise _Escape(err)
                            pending = err
                        if f is entry:
                            return retval
                        init_self = f.f_init_self
                        done, f = f, f._f_back
                        leave(tstate, f)
                        last_f = None
                        if init_self is not None:
                            # (type_call's arguments: after the frame's locals)
                            init_args = done.f_type_call_args
                            done.f_type_call_args = None
                        dealloc(done, 1)        # parked if nothing holds it
                        done = init_args = None
                        stack = f.f_valuestack
                        instrs = _basic(f)
                        ip = f._lasti + 1
                        prev = cur = f._lasti
                        if pending is not None:
                            break
                        if init_self is not None:
                            retval = ceval.init_result(init_self, retval)
                        stack.append(retval)
                        # hold no references the guest has dropped (as the plain loop)
                        retval = init_self = None
                        for o in self._instr_observers:
                            o.after(self, f, cur, stack, False)
                        continue
                    if r is YIELD or r is YIELD_AGAIN:
                        if r is YIELD_AGAIN:
                            ip = cur            # YIELD_FROM runs again on resumption
                            f._lasti = cur - 1
                        f.f_state = FRAME_SUSPENDED
                        value = stack.pop()
                        try:
                            self._exit(f, value, "yield")
                        except BaseException as err:
                            raise _Escape(err)
                        return value
                    raise SystemError("bad handler result %r" % (r,))
            except _Escape:
                raise
            except AbortRun as e:
                raise _Escape(e)
            except BaseException as e:
                if issubclass(type(e), MemoryError):   # (never a guest __class__)
                    stops_run(e)        # (--max-memory's reserve, abort.py)
                exc, add_tb = ceval.raised_at(f, e, cur)
                report = add_tb             # RERAISE goes to exception_unwind directly
                e = None
            else:
                continue    # (a 'return' event's error, pending: raised above)
            # The unwinding runs outside the except clause: the host's own
            # handled exception is then not the one leaving, so guest code it
            # runs (a trace function's 'exception' or 'return' event, a
            # finalizer) raises with CPython's __context__, and no host raise
            # of a handled exception (call_in_exc) cuts a link of its chain.
            while True:
                if report:
                    # (PyTraceBack_Here, then call_exc_trace: the
                    # event's traceback has this frame's entry; an
                    # exception the trace function raises instead gets
                    # none on 3.11+ hosts, one on 3.10's)
                    if add_tb:
                        _add_entry(tstate, exc, f, True)
                    raised = exc
                    exc = self._exception(f, exc)
                    add_tb = _HOST_310 and exc is not raised
                    raised = None
                raised_at = f._lasti
                if ceval.unwind(tstate, f, f, exc, add_tb)[0] is not None:
                    stack = f.f_valuestack
                    instrs = _basic(f)
                    ip = f._lasti + 1
                    prev = raised_at    # 3.10: instr_prev is the raising instruction
                    # (the handler has it now: the loop holds no reference
                    # the guest drops at its POP_EXCEPT)
                    exc = None
                    break
                try:
                    self._exit(f, None, "exception")
                except BaseException as err:
                    exc = err
                if f is entry:
                    raise _Escape(exc)
                f = f._f_back
                leave(tstate, f)
                add_tb = True
                report = True

    def _push(self, tstate, f, callee):
        """A guest call: enter ``callee`` inline (its 'call' event first)."""
        callee = frame_new(callee)      # co_zombieframe, revived (frameobject.py)
        if was_reused(callee):
            self._ids.pop(callee, None)  # a new activation gets a new frame_id
        enter(tstate, f, callee)        # (the recursion check: the caller's error)
        try:
            self._enter(callee)
        except BaseException:
            # 3.10: a 'call' trace error leaves the frame unrun (exit_eval_frame);
            # the caller sees the error at its call instruction.
            leave(tstate, f)
            raise
        callee.f_state = FRAME_EXECUTING
        return callee, callee.f_valuestack, _basic(callee), callee._lasti + 1, callee._lasti


def _basic(f):
    """The one-handler-per-instruction list of ``f``'s code (no superinstructions:
    the traced loop sees every original instruction boundary)."""
    code = f.f_code
    return (code._decoded or decode(code)).basic


class _Escape(BaseException):
    """Carries an error out of the loop past its own exception handling."""

    def __init__(self, exc):
        self.exc = exc


def _guest_next(it):
    """True when ``it``'s __next__ is guest code (a raised StopIteration is visible)."""
    try:
        from ..objects.funcobject import Function
        impl = None
        for klass in type(it).__mro__:
            impl = klass.__dict__.get("__next__")
            if impl is not None:
                break
        return isinstance(impl, Function)
    except Exception:
        return False


# -- attaching to a thread -----------------------------------------------------------------

def loop_for(tstate=None, create=True):
    """The TracedLoop of ``tstate`` (the calling thread by default), made if needed."""
    if tstate is None:
        tstate = get_tstate()
    loop = tstate.tracer
    if loop is None and create:
        parked = _parked.get(tstate)
        # a loop released while it still runs frames is the one to attach to:
        # those frames stay in it (sys.setprofile(None), then sys.setprofile(f)
        # in the same function)
        loop = parked if parked is not None and parked._running else TracedLoop()
        tstate.tracer = loop
        tstate.t2_room = tstate.t2_inl = 0      # (tier2.lean_room: lean calls see the tracer)
    _parked.pop(tstate, None)
    return loop


_parked = weakref.WeakKeyDictionary()   # tstate -> its released, still running loop


def release(tstate=None):
    """Detach the thread's TracedLoop when nothing uses it (back to the plain loop)."""
    if tstate is None:
        tstate = get_tstate()
    loop = tstate.tracer
    if loop is not None and loop.idle:
        tstate.tracer = None
        if loop._running:
            _parked[tstate] = loop


def run_main(code, main_module, observer):
    """Run ``code`` as ``main_module`` with ``observer`` attached; return the exit status.

    The top level of ``evalframe run --stats`` and of the seeing tools: the same
    outcome handling as evalframe.pythonrun.run_code_as_main.
    """
    from .. import pythonrun
    tstate = get_tstate()
    loop = loop_for(tstate)
    loop.add_observer(observer)
    try:
        return pythonrun.run_code_as_main(code, main_module)
    finally:
        loop.remove_observer(observer)
        release(tstate)


# For runtime/signals.py (docs/boundary.md "Signals"): the traced loop, and the
# helpers that stand for a guest instruction (FOR_ITER's next()); every other
# function and class of this module is the loop's bookkeeping.
EVAL_LOOPS = (TracedLoop._loop,)
INSTRUCTION_HELPERS = (_guest_next,)
