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
* ``sys._getframe``/``sys._getframemodulename`` for host library code, and
  ``warnings``/``logging``/``inspect`` (runtime/hostframes.py), and the
  guest-visible ``sys.settrace`` machinery (runtime/settrace.py), which the
  runtime installs when it is first used.

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


def install():
    """Install the host-side patches; return the function that removes them."""
    undo = [signals.install(INTERCEPTS)]
    if sys.unraisablehook is sys.__unraisablehook__:
        sys.unraisablehook = _guest_unraisablehook

        def _restore_hook():
            if sys.unraisablehook is _guest_unraisablehook:
                sys.unraisablehook = sys.__unraisablehook__
        undo.append(_restore_hook)

    def uninstall():
        while undo:
            undo.pop()()
    return uninstall
