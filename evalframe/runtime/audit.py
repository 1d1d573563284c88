"""sys.addaudithook / sys.audit for guest code: the guest's own audit hooks.

Mirrors Python/sysmodule.c (3.10/3.11): sys_addaudithook_impl, sys_audit,
should_audit and _PySys_Audit's loop over the interpreter's hooks
(``interp->audit_hooks``).

The guest's hooks live here, in the run's state (cleared when the run releases
the host patches, runtime/patches.py), never in the host's list: the host calls
its hooks for every event of the process, including the many the VM raises
while running a hook (sys._getframe, code objects...), so a guest Function
given to the host's addaudithook re-entered itself without end.  The rules
kept from CPython:

* ``sys.addaudithook(hook)`` first raises "sys.addaudithook" to the hooks
  already added; an ``Exception`` from one of them cancels the add silently,
  any other BaseException propagates;
* hooks are called in the order added, with the event name as a plain str and
  the arguments as a tuple; an exception from a hook stops the loop and
  propagates out of whatever raised the event; hooks cannot be removed;
* ``sys.audit`` checks its arguments only once a hook exists (should_audit);
* while a hook runs, the guest's trace and profile functions see nothing
  (``tstate->tracing``), unless the hook has a true ``__cantrace__``.

Events of the host's own operations that the guest causes (open(), os.system,
socket, import, object.__setattr__, ...) reach the guest's hooks through one
host hook, added to the host on the first guest addaudithook (a host hook
cannot be removed: with no guest hook it returns at once).  It forwards an
event only when the nearest evalframe frame below the raising one is the
interpreter calling a host callable for the guest (``_raised_for_guest``):
the VM's own work (its compiler's ast.parse, fusion and tier 2's exec of
generated source, its id()s and frame walks) raises host events a native run
does not have.  Where the VM does natively what CPython's C code does
(compile/exec/eval, sys._getframe, sys.settrace/setprofile), it raises the
event itself (``audit_event``).
"""

import sys
from _thread import get_ident as _get_ident     # (an import in a hook: an event)

_host_getframe = getattr(sys._getframe, "__wrapped__", sys._getframe)

_host_addaudithook = sys.addaudithook
_host_audit = sys.audit

# The guest's hooks for the run (interp->audit_hooks); [] when none.
hooks = []
# host_hook: _host_hook is added to the host's hooks (for good);
# looking: the threads whose _host_hook is looking at the stack (which raises
# "sys._getframe" and "object.__getattr__" events of its own)
_state = {"host_hook": False, "looking": set()}


def _tracing_off(tstate):
    """tstate->tracing++ for a hook's duration: the trace and profile
    observers of the thread (interpreter/traced.py) see nothing; returns the
    function that undoes it."""
    loop = tstate.tracer
    if loop is None:
        return None
    st = loop.settrace
    from .setprofile import ProfileObserver
    busy = [o for o in loop.observers if type(o) is ProfileObserver]
    if st is not None:
        st.tracing += 1
    for o in busy:
        o.busy += 1

    def undo():
        if st is not None:
            st.tracing -= 1
        for o in busy:
            o.busy -= 1
    return undo


def _call_hooks(event, args):
    """_PySys_Audit's loop over the interpreter's hooks."""
    if not hooks:
        return
    from ..interpreter.pystate import get_tstate
    event = str.__str__(event)          # (PyUnicode_FromString: a plain str)
    tstate = get_tstate()
    for hook in hooks:      # (the live list, as PyIter_Next over interp->audit_hooks)
        undo = None if getattr(hook, "__cantrace__", False) else _tracing_off(tstate)
        try:
            hook(event, args)
        finally:
            if undo is not None:
                undo()


_PACKAGE = __file__[:-len("runtime/audit.py")]
# evalframe's modules that call host callables on a guest's behalf (a call
# instruction, an import statement); everything else of evalframe's that raises
# host events (the compiler, the fusion and tier 2 code generators, the loop's
# bookkeeping) does so for the VM itself
_FOR_GUEST = tuple(_PACKAGE + name for name in (
    "interpreter/call.py", "interpreter/specialize.py", "interpreter/ops/",
    "interpreter/generated_handlers.py", "runtime/imports.py"))
_WALK = 64      # host frames looked at before deciding "the VM's own"


def _raised_for_guest():
    """Whether the host event being raised comes from what a guest asked for:
    below the frame that raised it, the nearest frame of evalframe (host
    library frames in between: the library the guest called) is the
    interpreter calling a host callable for the guest, or tier 2's code."""
    try:
        frame = _host_getframe(2)
    except ValueError:          # (raised by C with no Python frame: finalisation)
        return False
    for _ in range(_WALK):
        if frame is None:
            return False
        filename = frame.f_code.co_filename
        if filename.startswith(_PACKAGE):
            return filename.startswith(_FOR_GUEST) or "<tier2 " in filename
        frame = frame.f_back
    return False


def _host_hook(event, args):
    """The one host hook: the host's events, to the guest's hooks."""
    if not hooks:
        return
    ident = _get_ident()
    looking = _state["looking"]
    if ident in looking:
        return
    looking.add(ident)
    try:
        forward = _raised_for_guest()
    finally:
        looking.discard(ident)
    if forward:
        _call_hooks(event, args)


def audit_event(event, *args):
    """PySys_Audit from the VM's own code (a no-op without guest hooks)."""
    if hooks:
        _call_hooks(event, args)


def _clear():
    hooks.clear()


_MISSING = object()


def addaudithook(*args, **kwargs):
    """sys.addaudithook(hook) as the guest sees it (sys_addaudithook_impl,
    with Argument Clinic's checks: the count first, then the one argument)."""
    given = len(args) + len(kwargs)
    if given > 1:
        raise TypeError("addaudithook() takes at most 1 argument (%d given)" % given)
    hook = args[0] if args else kwargs.get("hook", _MISSING)
    if hook is _MISSING:
        raise TypeError("addaudithook() missing required argument 'hook' (pos 1)")
    try:
        audit_event("sys.addaudithook")
    except Exception:
        return None         # (errors derived from Exception cancel the add)
    if not _state["host_hook"]:
        _state["host_hook"] = True
        _host_addaudithook(_host_hook)
    if not hooks:
        from . import patches
        patches.on_release(_clear)
    hooks.append(hook)
    return None


def audit(*args, **kwargs):
    """sys.audit(event, *args) as the guest sees it (sys_audit)."""
    if kwargs:
        raise TypeError("sys.audit() takes no keyword arguments")
    if not args:
        raise TypeError("audit() missing 1 required positional argument: 'event'")
    if not hooks:
        return None
    event = args[0]
    if not isinstance(event, str):
        raise TypeError("expected str for argument 'event', not %.200s" % type(event).__name__)
    event.encode("utf-8")       # (PyUnicode_AsUTF8: surrogates raise)
    _call_hooks(event, args[1:])
    return None


addaudithook.__name__ = addaudithook.__qualname__ = "addaudithook"
audit.__name__ = audit.__qualname__ = "audit"


def install(intercepts):
    """Route the guest's sys.addaudithook / sys.audit here."""
    intercepts[_host_addaudithook] = addaudithook
    intercepts[_host_audit] = audit
