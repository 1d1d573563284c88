"""The VM's changes to the host process, installed by one explicit call and undone.

No single CPython counterpart: a native run needs none of this.  A VM written in
Python shares the host's interpreter with its guest, and a few host facilities
would show the VM instead of the guest unless they are adjusted while guest code
runs (docs/boundary.md):

* the guest's ``signal.signal``/``getsignal`` and the default SIGINT handler
  (runtime/signals.py: handlers at guest instruction boundaries);
* what the host calls as ``sys.unraisablehook`` and ``threading.excepthook``:
  whichever hook is set (the default, or the guest's own) gets what CPython
  passes, a guest ``__del__`` named by its function as slot_tp_finalize does
  (the host can only hand over the bound method, a guest Function not being a
  host method descriptor) and no VM frame in the traceback; reading and setting
  the attributes works as on CPython (_intercept_hook);
* ``sys._getframe``/``sys._getframemodulename``, ``warnings.warn``,
  ``logging.currentframe`` and ``inspect.isframe`` for host library code
  (runtime/hostframes.py: they find the guest as "the caller").

What is not a change to the host: the call intercepts (interpreter/call.py's
INTERCEPTS, filled by runtime/builtins.py) act only when guest code calls a host
function, and the guest's ``sys.settrace`` is one of them.

``install()`` is called by the entry points (``pythonrun.run``, the embedding
API ``evalframe.VM``); it returns a function that releases that install; the
last release undoes what was changed.
"""

import _thread
import sys
import types

from ..interpreter import abort
from ..interpreter.abort import AbortRun
from ..interpreter.call import INTERCEPTS
from ..objects.funcobject import Function
from . import signals
from .tracebacks import clean_traceback


_UNSET = object()


def _as_cpython_passes(unraisable):
    """The UnraisableHookArgs CPython would pass: a guest ``__del__`` named by its
    function (slot_tp_finalize reports the function it looked up; the host can
    only report the bound method, a guest Function not being a host method
    descriptor), and no VM frame in the traceback (on 3.10 a re-raise keeps the
    traceback saved on entering ``except``: Function.__call__ cannot clean it)."""
    obj = unraisable.object
    if (type(obj) is types.MethodType and type(obj.__func__) is Function
            and unraisable.err_msg is None
            and getattr(type(obj.__self__), "__del__", None) is obj.__func__):
        obj = obj.__func__
    tb = clean_traceback(unraisable.exc_traceback)
    if obj is not unraisable.object or tb is not unraisable.exc_traceback:
        unraisable = type(unraisable)((unraisable.exc_type, unraisable.exc_value, tb,
                                       unraisable.err_msg, obj))
    return unraisable


def _unraisable_dispatcher(current):
    """What the host calls as sys.unraisablehook: the hook the guest (or the
    host) set, ``current()``, with CPython's arguments."""
    def unraisablehook(unraisable):
        exc = unraisable.exc_value
        if issubclass(type(exc), AbortRun):
            # a stop of the run (a limit, the stepper's quit) that the host
            # swallowed (a guest __del__ or weakref callback it ran): never
            # the guest's error, nothing printed; evalframe.limits raises a
            # limit's stop again at once (abort.swallowed_hook)
            hook = abort.swallowed_hook
            if hook is not None:
                hook(exc)
            return
        exc = None
        hook = current()
        unraisable = _as_cpython_passes(unraisable)
        if hook is _UNSET or hook is None:
            return sys.__unraisablehook__(unraisable)
        try:
            hook(unraisable)
        except BaseException as err:
            # _PyErr_WriteUnraisableMsg: the hook's own error, by the default hook
            args = type(unraisable)((type(err), err, clean_traceback(err.__traceback__),
                                     "Exception ignored in sys.unraisablehook", hook))
            err = None
            sys.__unraisablehook__(args)
    abort.quiet_codes.add(unraisablehook.__code__)
    return unraisablehook


def _thread_excepthook_dispatcher(current):
    """What threading calls as threading.excepthook: the hook set, with no VM
    frame in the traceback it gets (or in the traceback of its own error)."""
    def excepthook(args):
        import threading
        hook = current()
        tb = clean_traceback(args.exc_traceback)
        if tb is not args.exc_traceback:
            args = type(args)((args.exc_type, args.exc_value, tb, args.thread))
        if hook is _UNSET or hook is None:
            hook = threading.__excepthook__
        if sys.version_info >= (3, 11):
            try:
                return hook(args)
            except BaseException as exc:
                exc.__traceback__ = clean_traceback(exc.__traceback__)
                exc = None
                raise
        try:
            return hook(args)
        except Exception as exc:
            # 3.10's threading prints the hook's error with sys.exc_info(), whose
            # traceback a re-raise cannot clean: print it here as threading's
            # invoke_excepthook (our caller) does, from its frame on
            exc.__suppress_context__ = True
            caller = sys._getframe(1)
            tb = types.TracebackType(clean_traceback(exc.__traceback__), caller,
                                     caller.f_lasti, caller.f_lineno)
            exc.__traceback__ = tb      # (3.10's excepthook prints __traceback__)
            stderr = sys.stderr if sys.stderr is not None else args.thread._stderr
            print("Exception in threading.excepthook:", file=stderr, flush=True)
            sys_excepthook = sys.excepthook
            if sys_excepthook is None:
                sys_excepthook = sys.__excepthook__
            sys_excepthook(type(exc), exc, tb)
            exc = tb = None
    return excepthook


# the module subclasses _intercept_hook made (cloudpickling pickles their
# modules as cloudpickle pickles a module)
HOOKED_MODULE_TYPES = []


def _intercept_hook(module, name, make_dispatcher):
    """``module.name`` (a hook the host calls) reads and writes, for guest and
    host code, as the plain attribute it is; what the host calls (the module's
    dict entry, read by C and by the module's own code) is the dispatcher, which
    calls the value set with the arguments CPython would pass.

    The module gets a subclass of ModuleType with a property for ``name`` (a
    module allows that ``__class__`` assignment): a guest assigning its own hook
    costs the eval loop nothing.  Returns the undo function, or None when the
    module's class is not the plain module type."""
    if type(module) is not types.ModuleType:
        return None
    values = {name: module.__dict__.get(name, _UNSET)}

    def get(m):
        value = values[name]
        if value is _UNSET:
            raise AttributeError("module %r has no attribute %r" % (m.__name__, name))
        return value

    def set_(m, value):
        values[name] = value

    def delete(m):
        if values[name] is _UNSET:
            raise AttributeError(name)
        values[name] = _UNSET

    def __reduce_ex__(m, protocol):
        # (pickled as a module is: copyreg would pickle this class instead)
        raise TypeError("cannot pickle 'module' object")

    cls = type("module", (types.ModuleType,),
               {name: property(get, set_, delete), "__module__": "builtins",
                "__reduce_ex__": __reduce_ex__})
    HOOKED_MODULE_TYPES.append(cls)
    module.__dict__[name] = make_dispatcher(lambda: values[name])
    module.__class__ = cls

    def undo():
        if type(module) is cls:
            module.__class__ = types.ModuleType
        value = values[name]
        if value is _UNSET:
            module.__dict__.pop(name, None)
        else:
            module.__dict__[name] = value
    return undo


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
        self.users = 0          # installs not yet released
        self.late = set()       # modules patched when the guest imported them


_state = [None]
_lock = _thread.RLock()     # (two VMs may start or close in two threads)


def active():
    return _state[0] is not None


def install():
    """Install the host-side patches; return the function that releases them.

    Installs are counted: every caller gets its own release function (calling
    it again does nothing), and the patches are removed when the last install
    is released.  So one user's release (a closed ``evalframe.VM``, the end of
    an in-process run) never removes what another user still runs with.
    """
    with _lock:
        state = _state[0]
        if state is None:
            state = _install()
        state.users += 1
    released = []

    def release():
        with _lock:
            if released or _state[0] is not state:
                return
            released.append(True)
            state.users -= 1
            if state.users == 0:
                _state[0] = None
                while state.undo:
                    state.undo.pop()()
    return release


def on_release(undo):
    """Call ``undo`` when the running install is released (the run's state:
    the guest's audit hooks); never if nothing is installed."""
    with _lock:
        state = _state[0]
        if state is not None:
            state.undo.append(undo)


def _install():
    from . import builtins as vm_builtins
    from . import hostframes
    state = _state[0] = _Installed()
    undo = state.undo
    undo.append(signals.install(INTERCEPTS))
    # the hooks the host calls with a guest's exception: called with what
    # CPython passes, whoever set them
    import threading
    for module, name, dispatcher in ((sys, "unraisablehook", _unraisable_dispatcher),
                                     (threading, "excepthook", _thread_excepthook_dispatcher)):
        u = _intercept_hook(module, name, dispatcher)
        if u is not None:
            undo.append(u)
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
    return state


def late_imports():
    """Patch the host modules that look for "the caller" with sys._getframe
    once they are imported (inspect.isframe, logging.currentframe); called by
    install() and after each guest import (runtime/builtins.after_import)."""
    state = _state[0]
    if state is None:
        return
    from . import hostframes
    from .builtins import host_module_ready
    for name, patch, attr in (("inspect", hostframes.install_inspect, "isframe"),
                              ("logging", hostframes.install_logging, "currentframe")):
        if name in state.late:
            continue
        # only a fully initialised module the host runs (not one the VM is
        # still executing under --vm-modules=all)
        module = host_module_ready(name)
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
