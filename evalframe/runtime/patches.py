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


def _guest_unraisablehook(unraisable, _default=sys.__unraisablehook__):
    """The host's default hook, with a guest ``__del__``'s bound method shown as
    the function (``Exception ignored in: <function A.__del__ at ...>``)."""
    obj = unraisable.object
    if (type(obj) is types.MethodType and type(obj.__func__) is Function
            and unraisable.err_msg is None):
        unraisable = _with_object(unraisable, obj.__func__)
    return _default(unraisable)


def _with_object(unraisable, obj):
    """A copy of an UnraisableHookArgs (a C struct sequence) with another object."""
    return type(unraisable)((unraisable.exc_type, unraisable.exc_value,
                             unraisable.exc_traceback, unraisable.err_msg, obj))


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
    for name, patch, attr in (("inspect", hostframes.install_inspect, "isframe"),
                              ("logging", hostframes.install_logging, "currentframe")):
        if name in state.late:
            continue
        module = sys.modules.get(name)
        if module is None:
            continue
        state.late.add(name)
        patch(module)
        u = _replace(module, attr, None)
        if u is not None:
            state.undo.append(u)
