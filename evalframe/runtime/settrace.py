"""sys.settrace for guest code: CPython 3.10's trace events from evalframe's VM.

Mirrors the tracing parts of CPython 3.10: Python/sysmodule.c (sys_settrace,
sys_gettrace, trace_trampoline, call_trampoline), Python/ceval.c
(PyEval_SetTrace, call_trace with ``tstate->tracing``, maybe_call_line_trace,
call_trace_protected, call_exc_trace) and Objects/frameobject.c
(frame_setlineno with markblocks / marklines / first_line_not_before, and its
error messages).

Guest code calling ``sys.settrace(fn)`` reaches ``settrace`` here (installed
as a call intercept of the host's sys.settrace by ``install``); it attaches a
``SettraceState`` to the thread's TracedLoop (evalframe/interpreter/traced.py),
whose loop then reports each frame entry ('call'), new line or backward jump
('line'), instruction when ``f_trace_opcodes`` is set ('opcode'), exit
('return', with None when an exception leaves) and exception ('exception')
by calling the trace function with the guest Frame.  The 3.10 rules kept:

* the 'call' event goes to the global function; its result becomes
  ``frame.f_trace``, the local function for every other event of that frame;
* a local function returning None leaves f_trace unchanged (3.10's
  trace_trampoline only stores non-None results);
* while a trace function runs, nothing is traced (``tstate->tracing``);
* a trace function that raises turns tracing off (PyEval_SetTrace(NULL)) and
  clears the frame's f_trace; the error propagates in the traced frame;
* locals are synced around each call (PyFrame_FastToLocalsWithError before,
  PyFrame_LocalsToFast(frame, 1) after), so a tracer can change them.
"""

import os
import sys
import weakref

from ..objects import excslots as _x     # (the slots: never a guest __getattribute__)
from ..objects.codeobject import CO_OPTIMIZED
from ..objects.frameobject import (FRAME_CREATED, FRAME_SUSPENDED, FRAME_EXECUTING,
                                   FRAME_RETURNED, FRAME_UNWINDING, FRAME_RAISED,
                                   FRAME_CLEARED)
from .. import opcodes

_host_settrace = sys.settrace
_host_gettrace = sys.gettrace


class SettraceState:
    """One thread's sys.settrace: the global function and the recursion guard."""

    __slots__ = ("func", "tracing", "_lines")

    def __init__(self, func):
        self.func = func
        self.tracing = 0
        self._lines = {}

    @property
    def active(self):
        """c_tracefunc is set and no trace function is running (tstate->tracing)."""
        return self.func is not None and not self.tracing

    # -- the trampoline ------------------------------------------------------------

    def _call(self, frame, callback, event, arg):
        """trace_trampoline + call_trampoline: call, store a non-None result."""
        self.tracing += 1
        optimized = frame.f_code.co_flags & CO_OPTIMIZED
        try:
            if optimized:
                frame.fast_to_locals()
            try:
                result = callback(frame, event, arg)
            finally:
                if optimized:
                    frame.locals_to_fast(True)
        except BaseException:
            # PyEval_SetTrace(NULL, NULL); Py_CLEAR(frame->f_trace)
            self.func = None
            frame.f_trace = None
            raise
        finally:
            self.tracing -= 1
        if result is not None:
            frame.f_trace = result
        return result

    # -- the events (called by evalframe.interpreter.traced) ----------------------------

    def call_event(self, frame):
        if self.func is None or self.tracing:
            return
        self._call(frame, self.func, "call", None)

    def return_event(self, frame, value):
        if self.func is None or self.tracing:
            return
        callback = frame.f_trace
        if callback is not None:
            self._call(frame, callback, "return", value)

    def exception_event(self, frame, exc):
        if self.func is None or self.tracing:
            return
        callback = frame.f_trace
        if callback is not None:
            # (tier 2's raw entries made: runtime/tracebacks.py)
            from .tracebacks import materialize
            self._call(frame, callback, "exception", (type(exc), exc, materialize(exc)))

    def line_numbers(self, code):
        """Per instruction index: its line, or -1 (_PyCode_CheckLineNumber's answer)."""
        lines = self._lines.get(code)
        if lines is None:
            n = len(code.co_code) // 2
            lines = [-1] * n
            for start, end, line in code.co_lines():
                if line is not None:
                    for i in range(start // 2, min(end // 2, n)):
                        lines[i] = line
            if len(self._lines) > 512:
                self._lines.clear()
            self._lines[code] = lines
        return lines

    def maybe_line(self, frame, instr_prev, index):
        """maybe_call_line_trace: a 'line' event at a new line or backward jump,
        then an 'opcode' event when f_trace_opcodes is set."""
        callback = frame.f_trace
        if callback is None:
            return
        lines = self.line_numbers(frame.f_code)
        line = lines[index]
        if line != -1 and frame.f_trace_lines:
            lastline = lines[instr_prev] if 0 <= instr_prev < len(lines) else -1
            if index < instr_prev or line != lastline:
                self._call(frame, callback, "line", None)
        if frame.f_trace_opcodes and self.func is not None:
            callback = frame.f_trace
            if callback is not None:
                self._call(frame, callback, "opcode", None)


# -- sys.settrace / sys.gettrace as the guest sees them ---------------------------------

def _tstate():
    from ..interpreter.pystate import get_tstate
    return get_tstate()


_released = weakref.WeakKeyDictionary()    # tstate -> weak ref to its released TracedLoop


def settrace(function):
    """sys.settrace(function): trace the calling thread's guest frames."""
    from ..interpreter import traced
    from .audit import audit_event
    audit_event("sys.settrace")     # (_PyEval_SetTrace: a hook may refuse)
    tstate = _tstate()
    if function is None:
        loop = tstate.tracer
        if loop is not None and loop.settrace is not None:
            loop.settrace.func = None
            loop.settrace = None
            traced.release(tstate)
            if tstate.tracer is None:
                _released[tstate] = weakref.ref(loop)
        return None
    loop = tstate.tracer
    if loop is None:
        # A loop released by settrace(None) may still be running this
        # thread's frames (it took them over from the plain loop): tracing
        # that starts again must reach it, not a new loop those frames
        # never see.
        ref = _released.pop(tstate, None)
        loop = ref() if ref is not None else None
        if loop is not None and loop.idle:
            tstate.tracer = loop
            tstate.t2_room = tstate.t2_inl = 0      # (tier2.lean_room: lean calls see the tracer)
        else:
            loop = traced.loop_for(tstate)
    st = loop.settrace
    if st is None:
        loop.settrace = SettraceState(function)
    else:
        st.func = function
    return None


def gettrace():
    """sys.gettrace(): the guest's trace function, or None."""
    loop = _tstate().tracer
    if loop is None or loop.settrace is None:
        return None
    return loop.settrace.func


settrace.__name__ = "settrace"
settrace.__qualname__ = "settrace"
gettrace.__name__ = "gettrace"
gettrace.__qualname__ = "gettrace"


# -- frame_setlineno (Objects/frameobject.c, 3.10) --------------------------------------

# Kinds of block in markblocks' packed stack, 3 bits each.
WITH, LOOP, TRY, EXCEPT = 1, 2, 3, 4
_BITS = 3


def _push_block(stack, kind):
    return (stack << _BITS) | kind


def _pop_block(stack):
    return stack >> _BITS


def _top_block(stack):
    return stack & ((1 << _BITS) - 1)


def _instr_args(code):
    """(opcode, oparg) per instruction index, EXTENDED_ARG folded in (get_arg)."""
    raw = code.co_code
    out = []
    ext = 0
    for i in range(0, len(raw) - 1, 2):
        op = raw[i]
        arg = raw[i + 1] | ext
        ext = (arg << 8) if op == opcodes.EXTENDED_ARG else 0
        out.append((op, arg))
    return out


def markblocks(code):
    """The block stack (packed kinds) at every instruction; -1 where unreachable."""
    ins = _instr_args(code)
    n = len(ins)
    blocks = [-1] * (n + 1)
    blocks[0] = 0
    K = opcodes
    todo = True
    while todo:
        todo = False
        for i in range(n):
            block_stack = blocks[i]
            if block_stack == -1:
                continue
            op, arg = ins[i]
            if op in (K.JUMP_IF_FALSE_OR_POP, K.JUMP_IF_TRUE_OR_POP, K.POP_JUMP_IF_FALSE,
                      K.POP_JUMP_IF_TRUE, K.JUMP_IF_NOT_EXC_MATCH):
                j = arg
                if blocks[j] == -1 and j < i:
                    todo = True
                blocks[j] = block_stack
                blocks[i + 1] = block_stack
            elif op == K.JUMP_ABSOLUTE:
                j = arg
                if blocks[j] == -1 and j < i:
                    todo = True
                blocks[j] = block_stack
            elif op == K.SETUP_FINALLY:
                j = arg + i + 1
                blocks[j] = _push_block(block_stack, EXCEPT)
                blocks[i + 1] = _push_block(block_stack, TRY)
            elif op in (K.SETUP_WITH, K.SETUP_ASYNC_WITH):
                j = arg + i + 1
                blocks[j] = _push_block(block_stack, EXCEPT)
                blocks[i + 1] = _push_block(block_stack, WITH)
            elif op == K.JUMP_FORWARD:
                blocks[arg + i + 1] = block_stack
            elif op in (K.GET_ITER, K.GET_AITER):
                blocks[i + 1] = _push_block(block_stack, LOOP)
            elif op == K.FOR_ITER:
                blocks[i + 1] = block_stack
                blocks[arg + i + 1] = _pop_block(block_stack)
            elif op in (K.POP_BLOCK, K.POP_EXCEPT):
                blocks[i + 1] = _pop_block(block_stack)
            elif op == K.END_ASYNC_FOR:
                blocks[i + 1] = _pop_block(_pop_block(block_stack))
            elif op in (K.RETURN_VALUE, K.RAISE_VARARGS, K.RERAISE):
                pass
            else:
                blocks[i + 1] = block_stack
    return blocks


def _compatible_block_stack(from_stack, to_stack):
    if to_stack < 0:
        return False
    while from_stack > to_stack:
        from_stack = _pop_block(from_stack)
    return from_stack == to_stack


def _explain_incompatible_block_stack(to_stack):
    return {
        EXCEPT: "can't jump into an 'except' block as there's no exception",
        TRY: "can't jump into the body of a try statement",
        WITH: "can't jump into the body of a with statement",
        LOOP: "can't jump into the body of a for loop",
    }[_top_block(to_stack)]


def marklines(code):
    """The line each instruction starts, or -1 (only range starts carry a line)."""
    n = len(code.co_code) // 2
    starts = [-1] * n
    for start, _end, line in code.co_lines():
        if start // 2 < n:
            starts[start // 2] = -1 if line is None else line
    return starts


def _first_line_not_before(lines, line):
    best = None
    for value in lines:
        if value >= line and (best is None or value < best):
            best = value
    return -1 if best is None else best


def frame_setlineno(frame, new_lineno):
    """Setting ``frame.f_lineno`` from a trace function: jump, with 3.10's rules."""
    if type(new_lineno) is not int:
        raise ValueError("lineno must be an integer")
    state = frame.f_state
    if state == FRAME_CREATED:
        raise ValueError("can't jump from the 'call' trace event of a new frame")
    if state in (FRAME_RETURNED, FRAME_UNWINDING, FRAME_RAISED, FRAME_CLEARED):
        raise ValueError("can only jump from a 'line' trace event")
    if state in (FRAME_EXECUTING, FRAME_SUSPENDED) and frame.f_trace is None:
        raise ValueError("f_lineno can only be set by a trace function")
    if not -2 ** 31 <= new_lineno < 2 ** 31:
        raise ValueError("lineno out of range")
    code = frame.f_code
    if new_lineno < code.co_firstlineno:
        raise ValueError("line %d comes before the current code block" % new_lineno)
    lines = marklines(code)
    target_line = _first_line_not_before(lines, new_lineno)
    if target_line < 0:
        raise ValueError("line %d comes after the current code block" % new_lineno)
    blocks = markblocks(code)
    best_block_stack = -1
    best_addr = -1
    start_block_stack = blocks[frame._lasti]
    msg = "cannot find bytecode for specified line"
    for i, line in enumerate(lines):
        if line != target_line:
            continue
        target_block_stack = blocks[i]
        if _compatible_block_stack(start_block_stack, target_block_stack):
            msg = None
            if target_block_stack > best_block_stack:
                best_block_stack = target_block_stack
                best_addr = i
        elif msg:
            if target_block_stack >= 0:
                msg = _explain_incompatible_block_stack(target_block_stack)
            else:
                msg = "code may be unreachable."
    if msg is not None:
        raise ValueError(msg)
    # Unwind the block stack (and the value stack with it) down to the target's.
    stack = frame.f_valuestack
    while start_block_stack > best_block_stack:
        kind = _top_block(start_block_stack)
        if kind == LOOP:
            stack.pop()
        elif kind == TRY:
            _frame_block_unwind(frame)
        elif kind == WITH:
            _frame_block_unwind(frame)
            stack.pop()          # the __exit__ method
        elif kind == EXCEPT:
            raise ValueError("can't jump out of an 'except' block")
        start_block_stack = _pop_block(start_block_stack)
    frame._lasti = best_addr


def _frame_block_unwind(frame):
    _b_type, _b_handler, b_level = frame.f_blockstack.pop()
    del frame.f_valuestack[b_level:]


# -- installation ----------------------------------------------------------------------

_installed = []


def install():
    """Route the guest's sys.settrace/sys.gettrace here (idempotent).

    Registers the replacements as call intercepts of the host functions
    (evalframe.interpreter.call.INTERCEPTS), the way the VM-aware builtins are
    installed, and gives Frame.f_lineno its setter if frameobject.py does not
    define one yet (docs/tracing.md asks it to delegate to frame_setlineno).
    """
    if _installed:
        return
    from ..interpreter import call
    call.INTERCEPTS[_host_settrace] = settrace
    call.INTERCEPTS[_host_gettrace] = gettrace
    from ..objects.frameobject import Frame
    prop = Frame.__dict__.get("f_lineno")
    if isinstance(prop, property) and prop.fset is None:
        # Stopgap until Frame defines the setter itself (see docs/tracing.md).
        Frame.f_lineno = property(prop.fget, frame_setlineno, None, prop.__doc__)
    _installed.append(True)


# -- the do-nothing tracer mode (EVALFRAME_SETTRACE_NOOP) --------------------------------

NOOP_ENV = "EVALFRAME_SETTRACE_NOOP"


def _noop_global(frame, event, arg):
    """A global trace function that asks for nothing more: no frame gets f_trace."""
    return None


def _noop_local(frame, event, arg):
    """A trace function that keeps itself as every frame's local function."""
    return _noop_local


def noop_mode(environ=None):
    """The do-nothing tracer ``EVALFRAME_SETTRACE_NOOP`` asks for, or None.

    ``1`` (or any value but ``lines``): a global function returning None, so
    every frame runs in the traced loop with only its 'call' event;
    ``lines``: a function returning itself, so every 'line', 'return' and
    'exception' event is delivered too (locals synced around each, as 3.10).
    """
    value = (os.environ if environ is None else environ).get(NOOP_ENV, "")
    if not value or value == "0":
        return None
    return _noop_local if value == "lines" else _noop_global


def install_noop_from_env(environ=None):
    """Attach the do-nothing tracer to the calling thread when the environment
    asks for it (a test mode: every guest program then runs in the traced
    loop).  Returns the trace function installed, or None."""
    function = noop_mode(environ)
    if function is not None:
        install()
        settrace(function)
    return function
