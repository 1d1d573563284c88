"""Signal handlers at guest instruction boundaries: the VM's eval breaker for signals.

Mirrors Python/ceval.c's eval_breaker / handle_signals (a Python-level signal
handler runs between two bytecode instructions, with the frame that was running)
and, for what a guest sees, Modules/signalmodule.c's ``signal.signal`` and
``signal.getsignal``.

The host runs a Python-level handler between two *host* bytecodes of whatever
host code is running, which in a VM is often the VM's own bookkeeping: the loop
switching frames, the exception unwinding (``ceval._unwind``), a traceback entry
being made.  An exception raised there (KeyboardInterrupt from the default SIGINT
handler, or whatever a guest handler raises) would leave the VM in the middle of
its bookkeeping and escape every guest ``try``.

So every handler a guest installs (and the default SIGINT handler, from
``install()``) is registered on the host wrapped in a ``GuestHandler``.  When the
signal arrives, the wrapper looks at the interrupted host frame and its callers up
to the nearest eval loop:

* no eval loop on the stack (the VM is not running), or the interrupted code is a
  handler, a fused group or host code called by one (a guest instruction, or a
  host function it called, like ``time.sleep``): a guest instruction boundary as
  good as CPython's, the handler runs now;
* the loop's own code, or a bookkeeping function (``_unwind``, ``raised_at``,
  ``run_frame``, the traceback builders, the traced loop's helpers...): the
  handler is deferred.  A host trace function (``sys.settrace``, installed only
  while something is pending, so nothing is paid per instruction otherwise) waits
  for the next host call that is a safe place (the loop calling the next
  handler) and runs the pending handlers there; what they raise is raised at that
  instruction, where the guest's handlers see it.

A guest handler is called with the running *guest* frame, as CPython passes the
running frame, and ``signal.getsignal`` gives the guest back what it installed.
Handlers that host library code installs itself (not through a guest call of
``signal.signal``) are the host's and run as the host runs them.

The VM needs only the C module ``_signal`` to start: the ``signal`` module (its
enums cost 3 M host instructions, a sixth of a whole empty run's difference to
python's in issue 8) is routed when it has been imported (``route_module``,
after each guest import: runtime/builtins.after_import), as on CPython it is
imported only by a program that uses it; ``_signal``'s own functions are routed
from the start (a ``signal`` module the VM runs, under --vm-modules=all with a
guest ``signal.py``, calls them).  The VM's loops are registered at the first
signal or guest handler (``loop_codes``), not at every start.
"""

import _signal
import sys
import types

from ..interpreter.pystate import get_tstate
from ..interpreter import t2frames as _t2frames

_LOOPS = set()          # code objects of eval loops
_BOOKKEEPING = set()    # code objects of the VM's own state changes around the loops
# code objects whose own lines are such state changes but that run guest code
# below them (tier2gen._step resumes a host generator): not at a boundary when
# interrupted in their own code, no matter when further out
_OWN_BOOKKEEPING = set()


def _codes_of(obj, out):
    """The code objects of a function/class (methods) and everything nested in them."""
    if isinstance(obj, type):
        for v in vars(obj).values():
            if isinstance(v, (staticmethod, classmethod)):
                v = v.__func__
            elif isinstance(v, property):
                for acc in (v.fget, v.fset, v.fdel):
                    if acc is not None:
                        _codes_of(acc, out)
                continue
            if isinstance(v, types.FunctionType):
                _codes_of(v, out)
        return
    code = getattr(obj, "__code__", obj)
    if not isinstance(code, types.CodeType):
        return
    stack = [code]
    while stack:
        co = stack.pop()
        out.add(co)
        stack.extend(c for c in co.co_consts if isinstance(c, types.CodeType))


def register_loop(func):
    """An eval loop: its own bytecodes are never a guest instruction boundary, a
    function it calls directly (a handler) is."""
    code = getattr(func, "__code__", func)
    _LOOPS.add(code)
    _BOOKKEEPING.discard(code)


def register_bookkeeping(*objs):
    """Functions (or classes: all their methods) that change the VM's state and
    must not be interrupted by a guest-visible exception."""
    for obj in objs:
        _codes_of(obj, _BOOKKEEPING)
    _BOOKKEEPING.difference_update(_LOOPS)


def _register_vm():
    from ..interpreter import ceval, pystate, traced
    from . import tracebacks
    # each loop module says which of its functions are loops and which are
    # its bookkeeping (ceval.EVAL_LOOPS, BOOKKEEPING; traced.py's)
    register_bookkeeping(*ceval.BOOKKEEPING)
    register_bookkeeping(pystate.set_exc_value)
    from ..interpreter import tier2gen
    register_bookkeeping(*tier2gen.BOOKKEEPING)
    for obj in tier2gen.OWN_BOOKKEEPING:
        _codes_of(obj, _OWN_BOOKKEEPING)
    for loop in ceval.EVAL_LOOPS:
        register_loop(loop)
    # the traced loop: its methods and its module's helpers are bookkeeping,
    # except what stands for an instruction
    for obj in list(vars(traced).values()):
        if (getattr(obj, "__module__", None) == traced.__name__
                and obj not in traced.INSTRUCTION_HELPERS
                and (isinstance(obj, type) or callable(obj))):
            register_bookkeeping(obj)
    for loop in traced.EVAL_LOOPS:
        register_loop(loop)
    for name, obj in vars(tracebacks).items():
        if getattr(obj, "__module__", None) == tracebacks.__name__ and name != "call_in_exc":
            register_bookkeeping(obj)


def loop_codes():
    """The code objects of the eval loops (registering the VM's on first use)."""
    if not _installed[0]:
        _installed[0] = True
        _register_vm()
    return _LOOPS


def at_boundary(frame):
    """Whether host ``frame`` (interrupted, or just called) is at a guest
    instruction boundary: see the module docstring."""
    below = None
    loops = _LOOPS
    bookkeeping = _BOOKKEEPING
    while frame is not None:
        code = frame.f_code
        if code in loops:
            return below is not None
        if code in bookkeeping or (below is None and code in _OWN_BOOKKEEPING):
            return False
        below = frame
        frame = frame.f_back
    return True


class GuestHandler:
    """The host-level handler standing for a guest's (or the default) handler."""

    __slots__ = ("target",)

    def __init__(self, target):
        self.target = target

    def __call__(self, signum, frame):
        loop_codes()        # (the VM's loops, registered at the first signal)
        if at_boundary(frame):
            return _run_handler(self.target, signum)
        _pending.append((self.target, signum))
        _arm()
        return None

    def __repr__(self):
        return "<evalframe handler for %r>" % (self.target,)


def _run_handler(target, signum):
    guest = _t2frames.current()
    return target(signum, guest)


_pending = []
_armed = [None]         # the host trace function that was there before, boxed


def _arm():
    if _armed[0] is not None:
        return
    _armed[0] = (sys.gettrace(),)
    sys.settrace(_breaker)


def _disarm():
    box = _armed[0]
    _armed[0] = None
    sys.settrace(box[0] if box is not None else None)


def _breaker(frame, event, arg):
    """Host trace function while a handler is pending: run the pending handlers
    at the first host call that is a guest instruction boundary."""
    if event == "call" and at_boundary(frame):
        deliver()
        return None
    previous = _armed[0]
    if previous is not None and previous[0] is not None:
        return previous[0](frame, event, arg)
    return None


def deliver():
    """Run the pending handlers now (the first exception one raises goes on;
    the handlers after it stay pending, as CPython's handle_signals does)."""
    _disarm()
    while _pending:
        target, signum = _pending.pop(0)
        try:
            _run_handler(target, signum)
        except BaseException:
            if _pending:
                _arm()
            raise


# -- the guest's view of the signal module ---------------------------------------------------

def _unwrap(handler):
    return handler.target if type(handler) is GuestHandler else handler


def _routed_signal(host_signal):
    def vm_signal(signalnum, handler):
        """signal.signal (or _signal.signal) called by guest code."""
        if callable(handler) and type(handler) is not GuestHandler:
            loop_codes()
            host_handler = GuestHandler(handler)
        else:
            host_handler = handler
        return _unwrap(host_signal(signalnum, host_handler))
    return vm_signal


def _routed_getsignal(host_getsignal):
    def vm_getsignal(signalnum):
        """signal.getsignal (or _signal.getsignal) called by guest code."""
        return _unwrap(host_getsignal(signalnum))
    return vm_getsignal


_installed = [False]
_intercepts = []        # the intercepts dict while installed
_routed = []            # the functions routed there (undo takes them out)


def _route(intercepts, module):
    for name, make in (("signal", _routed_signal), ("getsignal", _routed_getsignal)):
        host = getattr(module, name, None)
        if callable(host) and host not in intercepts:
            intercepts[host] = make(host)
            _routed.append(host)


def route_module(module):
    """The host's ``signal`` module, now imported: the guest's calls of its
    signal/getsignal are routed here too (called by after_import)."""
    if _intercepts:
        _route(_intercepts[0], module)


def install(intercepts):
    """Route the guest's signal.signal/getsignal here, and put the default SIGINT
    handler (KeyboardInterrupt) behind a GuestHandler.  Returns an undo function."""
    _intercepts[:] = [intercepts]
    _route(intercepts, _signal)
    host = sys.modules.get("signal")
    if host is not None:
        _route(intercepts, host)
    old = None
    try:
        if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
            old = _signal.signal(_signal.SIGINT, GuestHandler(_signal.default_int_handler))
    except ValueError:      # not the main thread: the host keeps its handler
        old = None

    def undo():
        while _routed:
            intercepts.pop(_routed.pop(), None)
        del _intercepts[:]
        if old is not None:
            try:
                if type(_signal.getsignal(_signal.SIGINT)) is GuestHandler:
                    _signal.signal(_signal.SIGINT, old)
            except ValueError:
                pass
    return undo
