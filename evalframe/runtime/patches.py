"""The VM's changes to the host process, installed by one explicit call and undone.

No single CPython counterpart: a native run needs none of this.  A VM written in
Python shares the host's interpreter with its guest, and a few host facilities
would show the VM instead of the guest unless they are adjusted while guest code
runs (docs/boundary.md):

* the guest's ``signal.signal``/``getsignal`` and the default SIGINT handler
  (runtime/signals.py: handlers at guest instruction boundaries);
* ``sys.unraisablehook`` while it is the host's default: an exception ignored in a
  guest ``__del__`` names the function, as CPython's slot_tp_finalize does (the
  host can only hand over the bound method, a guest Function not being a host
  method descriptor);
* ``sys._getframe``/``sys._getframemodulename``, ``warnings.warn``,
  ``logging.currentframe`` and ``inspect.isframe`` for host library code
  (runtime/hostframes.py: they find the guest as "the caller").

What is not a change to the host: the call intercepts (interpreter/call.py's
INTERCEPTS, filled by runtime/builtins.py) act only when guest code calls a host
function, and the guest's ``sys.settrace`` is one of them.

``install()`` is called by the entry points (``pythonrun.run``, the embedding
API ``evalframe.VM``); it returns a function that undoes what it changed.
"""

import sys
import types

from ..interpreter.call import INTERCEPTS
from ..objects.funcobject import Function
from . import signals
from .tracebacks import clean_traceback


def _guest_unraisablehook(unraisable, _default=sys.__unraisablehook__):
    """The host's default hook, with a guest ``__del__``'s bound method shown as
    the function (``Exception ignored in: <function A.__del__ at ...>``), and
    no VM frame in the traceback (3.10 keeps the traceback of a re-raise apart
    from ``__traceback__``: Function.__call__ cannot clean it there)."""
    obj = unraisable.object
    if (type(obj) is types.MethodType and type(obj.__func__) is Function
            and unraisable.err_msg is None):
        obj = obj.__func__
    tb = clean_traceback(unraisable.exc_traceback)
    if obj is not unraisable.object or tb is not unraisable.exc_traceback:
        unraisable = type(unraisable)((unraisable.exc_type, unraisable.exc_value, tb,
                                       unraisable.err_msg, obj))
    return _default(unraisable)


def _guest_thread_excepthook(args):
    """threading's default excepthook, with no VM frame in the traceback."""
    import threading
    tb = clean_traceback(args.exc_traceback)
    if tb is not args.exc_traceback:
        args = type(args)((args.exc_type, args.exc_value, tb, args.thread))
    return threading.__excepthook__(args)


def _replace(owner, name, check_new):
    """An undo entry for ``owner.name`` replaced by an ``_evalframe`` wrapper:
    put the original (its __wrapped__) back if the wrapper is still there."""
    new = getattr(owner, name, None)
    if new is None or not getattr(new, "_evalframe", False):
        return None

    def undo():
        if getattr(owner, name, None) is new:
            setattr(owner, name, new.__wrapped__)
        INTERCEPTS.pop(new, None)
    return undo


class _Installed:
    """What install() changed, in the order to undo it."""

    def __init__(self):
        self.undo = []
        self.late = set()       # modules patched when the guest imported them


_state = [None]


def active():
    return _state[0] is not None


def install():
    """Install the host-side patches; return the function that removes them.

    Installing twice is harmless: the second caller gets a function that does
    nothing, and the first caller's undo removes everything.
    """
    if _state[0] is not None:
        return lambda: None
    from . import builtins as vm_builtins
    from . import hostframes
    state = _state[0] = _Installed()
    undo = state.undo
    undo.append(signals.install(INTERCEPTS))
    if sys.unraisablehook is sys.__unraisablehook__:
        sys.unraisablehook = _guest_unraisablehook

        def _restore_hook():
            if sys.unraisablehook is _guest_unraisablehook:
                sys.unraisablehook = sys.__unraisablehook__
        undo.append(_restore_hook)
    import threading
    if threading.excepthook is threading.__excepthook__:
        threading.excepthook = _guest_thread_excepthook

        def _restore_thread_hook():
            if threading.excepthook is _guest_thread_excepthook:
                threading.excepthook = threading.__excepthook__
        undo.append(_restore_thread_hook)
    # sys._getframe / _getframemodulename for host library code
    for _, wrapper in hostframes.install_getframe():
        INTERCEPTS[wrapper] = (vm_builtins.vm_getframe if wrapper.__name__ == "_getframe"
                               else vm_builtins.vm_getframemodulename)
    for name in ("_getframe", "_getframemodulename"):
        u = _replace(sys, name, None)
        if u is not None:
            undo.append(u)
    # warnings.warn for host library code (the guest's own call is intercepted)
    import warnings
    INTERCEPTS[hostframes.install_warnings(warnings)] = hostframes.vm_warn
    u = _replace(warnings, "warn", None)
    if u is not None:
        undo.append(u)
    late_imports()

    def uninstall():
        if _state[0] is not state:
            return
        _state[0] = None
        while undo:
            undo.pop()()
    return uninstall


def late_imports():
    """Patch the host modules that look for "the caller" with sys._getframe
    once they are imported (inspect.isframe, logging.currentframe); called by
    install() and after each guest import (runtime/builtins.after_import)."""
    state = _state[0]
    if state is None:
        return
    from . import hostframes
    from .builtins import _host_module_ready
    for name, patch, attr in (("inspect", hostframes.install_inspect, "isframe"),
                              ("logging", hostframes.install_logging, "currentframe")):
        if name in state.late:
            continue
        # only a fully initialised module the host runs (not one the VM is
        # still executing under --vm-modules=all)
        module = _host_module_ready(name)
        if module is None:
            continue
        state.late.add(name)
        patch(module)
        u = _replace(module, attr, None)
        if u is not None:
            state.undo.append(u)
    if "cloudpickle" not in state.late and "cloudpickle" in sys.modules:
        # guest functions pickled by value (runtime/cloudpickling.py)
        from . import cloudpickling
        u = cloudpickling.patch_loaded(sys.modules)
        if u is not None:
            state.late.add("cloudpickle")
            state.undo.append(u)
