"""sys.setprofile for guest code: CPython's profile events from evalframe's VM.

Mirrors the profiling half of Python/ceval.c (3.10): PyEval_SetProfile,
call_trace_protected for 'call' and 'return' (a frame starts or resumes; it
returns or yields, with None as the value when an exception leaves it), and
trace_call_function's C_TRACE for 'c_call', 'c_return' and 'c_exception'
around calls of built-in functions and method descriptors (a method
descriptor is reported as the bound built-in method, as CPython does); and
Python/sysmodule.c's sys_setprofile / sys_getprofile / profile_trampoline.

Guest code calling ``sys.setprofile(fn)`` reaches ``setprofile`` here (a call
intercept of the host's sys.setprofile).  It attaches a ``ProfileObserver``
to the thread's TracedLoop (evalframe/interpreter/traced.py), which sees
every guest frame entry, exit and call instruction; the profile function gets
guest Frames and the host callables the guest called, never the VM's own
frames.  The rules kept from CPython:

* while the profile function runs, nothing is reported (``tstate->tracing``);
* a profile function that raises is removed (PyEval_SetProfile(NULL)) and the
  error propagates in the profiled frame;
* the profile function's return value is ignored.

Host Python functions a guest calls (library code the policy leaves on the
host) run on the host: their own frames are not reported (their calls are not
'c_call' either, as they are not built-ins); run with ``--vm-modules=all`` to
profile the standard library's Python code as well.
"""

import sys
import weakref
from sys import _getframe as _host_getframe   # (bound once: a guest may delete sys._getframe)
from types import BuiltinFunctionType, MethodDescriptorType

from .. import opcodes
from ..interpreter.traced import Observer, full_arg
from ..objects.cellobject import NULL

_host_setprofile = sys.setprofile
_host_getprofile = sys.getprofile

_CALL_FUNCTION = opcodes.opmap["CALL_FUNCTION"]
_CALL_FUNCTION_KW = opcodes.opmap["CALL_FUNCTION_KW"]
_CALL_METHOD = opcodes.opmap["CALL_METHOD"]
_CALL_FUNCTION_EX = opcodes.opmap["CALL_FUNCTION_EX"]
_CALLS = frozenset((_CALL_FUNCTION, _CALL_FUNCTION_KW, _CALL_METHOD, _CALL_FUNCTION_EX))


def c_callable(op, arg, stack):
    """What trace_call_function reports for the call instruction about to run
    (op, arg) over value ``stack``: a built-in function, or a method
    descriptor bound to its first argument; None for any other callable."""
    try:
        if op == _CALL_FUNCTION:
            func, first = stack[-arg - 1], (stack[-arg] if arg else NULL)
        elif op == _CALL_FUNCTION_KW:
            func, first = stack[-arg - 2], (stack[-arg - 1] if arg else NULL)
        elif op == _CALL_METHOD:
            meth = stack[-arg - 2]
            if meth is NULL:
                func, first = stack[-arg - 1], (stack[-arg] if arg else NULL)
            else:
                func, first = meth, stack[-arg - 1]
        else:   # CALL_FUNCTION_EX: 3.10 reports C functions here too
            func = stack[-3] if arg & 1 else stack[-2]
            posargs = stack[-2] if arg & 1 else stack[-1]
            first = posargs[0] if isinstance(posargs, tuple) and posargs else NULL
    except IndexError:
        return None
    cls = type(func)
    if cls is BuiltinFunctionType:
        return func
    if cls is MethodDescriptorType and first is not NULL:
        try:
            return func.__get__(first, type(first))
        except TypeError:
            return None
    return None


class ProfileObserver(Observer):
    """One thread's guest profile function, fed by the traced loop."""

    wants_instructions = True

    def __init__(self, func):
        self.func = func
        self.busy = 0
        self._pending = []      # (frame, instruction index, reported callable)

    def _emit(self, frame, event, arg):
        self.busy += 1
        try:
            self.func(frame, event, arg)
        except BaseException:
            _detach(self)
            raise
        finally:
            self.busy -= 1

    # -- frame events -------------------------------------------------------------

    def call(self, loop, frame):
        if not self.busy and self.func is not None:
            self._emit(frame, "call", None)

    def exit(self, loop, frame, value, how):
        pending = self._pending
        while pending and pending[-1][0] is frame:
            pending.pop()   # a C call the frame never came back from (generator close)
        if not self.busy and self.func is not None:
            self._emit(frame, "return", None if how == "exception" else value)

    # -- C calls ------------------------------------------------------------------

    def before(self, loop, frame, index, stack):
        if self.busy or self.func is None:
            return
        raw = frame.f_code.co_code
        op = raw[2 * index]
        if op not in _CALLS:
            return
        func = c_callable(op, full_arg(raw, index), stack)
        if func is None:
            return
        self._pending.append((frame, index, func))
        self._emit(frame, "c_call", func)

    def after(self, loop, frame, index, stack, jumped):
        pending = self._pending
        if pending:
            top = pending[-1]
            if top[0] is frame and top[1] == index:
                pending.pop()
                if not self.busy and self.func is not None:
                    self._emit(frame, "c_return", top[2])

    def exception(self, loop, frame, exc):
        pending = self._pending
        if pending:
            top = pending[-1]
            if top[0] is frame and top[1] == frame._lasti:
                pending.pop()
                if not self.busy and self.func is not None:
                    self._emit(frame, "c_exception", top[2])


def _tstate():
    from ..interpreter.pystate import get_tstate
    return get_tstate()


_profilers = weakref.WeakKeyDictionary()     # tstate -> its ProfileObserver


def _detach(observer):
    from ..interpreter import traced
    observer.func = None
    tstate = _tstate()
    loop = tstate.tracer
    if loop is not None:
        loop.remove_observer(observer)
        if _profilers.get(tstate) is observer:
            del _profilers[tstate]
        traced.release(tstate)


def _called_by_plain_loop():
    """Whether this intercept was called by an instruction of the plain loop
    (ceval._eval_plain): its host frames are then the intercept, the call
    machinery (interpreter/call.py, runtime/tracebacks' call_in_exc, and the
    guest's _lsprof.Profiler.enable), one
    handler or fused group (a call ends its group), perhaps a loop header,
    and the loop."""
    from ..interpreter import ceval, superinstr
    runtime = ceval.__file__.replace("interpreter/ceval.py", "runtime/")
    machinery = (ceval.__file__.replace("ceval.py", "call.py"), runtime + "tracebacks.py",
                 runtime + "lsprof.py")     # (cProfile's Profile.enable, guest _lsprof)
    frame = _host_getframe(2)      # (1 is setprofile itself)
    while frame is not None and frame.f_code.co_filename in machinery:
        frame = frame.f_back
    loop = frame.f_back if frame is not None else None
    if loop is not None and loop.f_code is superinstr.HEADER_CODE:
        loop = loop.f_back
    return loop is not None and loop.f_code is ceval.eval_plain.__code__


def setprofile(function):
    """sys.setprofile(function): profile the calling thread's guest frames.

    As in CPython, the frame that calls it is profiled from the next event
    on (its later C calls, its return, its callers' returns): when the plain
    loop runs it, the loop hands its frames to the traced loop right after
    this call (ceval.HandOff) instead of at their next guest call."""
    from ..interpreter import traced
    from .audit import audit_event
    audit_event("sys.setprofile")   # (_PyEval_SetProfile: a hook may refuse)
    tstate = _tstate()
    current = _profilers.get(tstate)
    if current is not None:
        _detach(current)
    if function is None:
        return None
    observer = ProfileObserver(function)
    if current is not None:
        # the C calls under way (this one included) end with the new function's
        # 'c_return', as CPython's C_TRACE asks whichever profiler is set then
        observer._pending = current._pending
    _profilers[tstate] = observer
    had_tracer = tstate.tracer is not None
    traced.loop_for(tstate).add_observer(observer)
    if not had_tracer and _called_by_plain_loop():
        from ..interpreter.ceval import HandOff
        raise HandOff(None)
    return None


def getprofile():
    """sys.getprofile(): the guest's profile function, or None."""
    current = _profilers.get(_tstate())
    return None if current is None else current.func


setprofile.__name__ = setprofile.__qualname__ = "setprofile"
getprofile.__name__ = getprofile.__qualname__ = "getprofile"

_installed = []


def install():
    """Route the guest's sys.setprofile/sys.getprofile here (idempotent)."""
    if _installed:
        return
    from ..interpreter import call
    call.INTERCEPTS[_host_setprofile] = setprofile
    call.INTERCEPTS[_host_getprofile] = getprofile
    _installed.append(True)
