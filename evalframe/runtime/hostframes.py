"""Host library code looking at the guest's frames: logging's caller, inspect's frames.

Mirrors no single CPython file: it keeps the frame-walking parts of the host
standard library (Lib/logging/__init__.py's ``currentframe`` and
``Logger.findCaller``, Lib/inspect.py's ``isframe`` and everything built on it)
working when the frames they should find are evalframe's guest ``Frame``
objects rather than host frames.

Why this is needed beyond the call intercepts of runtime/builtins.py: those
replace a host function only when *guest* code calls it.  ``logging`` finds
the caller of ``logger.info()`` itself, from host code, with its own
``currentframe()`` alias of ``sys._getframe``; walking ``f_back`` from there
reaches the VM's host frames (evalframe/interpreter/call.py), never the
guest's.  So when a guest imports ``logging`` (or it was imported before),
``logging.currentframe`` is replaced by a function that returns the same
frame as the original, except that where the chain of host frames reaches the
VM's own frames it continues with the calling guest frame and its callers.
Host-only chains (no VM frame on them) are returned unchanged.

``inspect.isframe`` is widened to accept guest frames (they have f_code,
f_lineno, f_lasti, f_globals, f_locals and f_back), so inspect.getframeinfo,
getouterframes, getsourcefile, getsource, getmodule, getargvalues... work on
them as on host frames.  (Guest functions and code objects already answer
isinstance checks for FunctionType/CodeType through ``__class__``; frames
cannot, because the eval loops test ``r.__class__ is Frame``.)
"""

import os
import sys

from ..interpreter.pystate import get_tstate
from ..interpreter import t2frames as _t2frames
from ..objects.frameobject import Frame, guest_back

_PKG_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep

# host file name -> whether it is one of evalframe's own files (read without a
# call by objects/funcobject.py and genobject.py through vmhooks.vm_files).
# Keyed by the name, whose hash a str caches: a code object's hash is computed
# from its contents on every lookup.
VM_FILES = {}
_marked = set()     # ids of evalframe's code in files not its own (mark_vm_code; kept alive there)


def _is_vm_code(co):
    filename = co.co_filename
    r = VM_FILES.get(filename)
    if r is None:
        r = VM_FILES[filename] = filename.startswith(_PKG_DIR)
    return r or id(co) in _marked


is_vm_code = _is_vm_code


def mark_vm_code(co):
    """Count ``co`` as evalframe's own code although its file is not ours
    (runtime/tracebacks.py's trampolines): its frames are skipped too."""
    _marked.add(id(co))


class HostFrameView:
    """A host frame whose ``f_back`` continues into guest frames.

    Every other attribute is the real frame's.  Used only for the host frames
    above the VM's (the logging frames between the guest's call and findCaller).
    """

    __slots__ = ("_frame", "f_back")

    def __init__(self, frame, back):
        object.__setattr__(self, "_frame", frame)
        object.__setattr__(self, "f_back", back)

    def __getattr__(self, name):
        return getattr(self._frame, name)

    def __setattr__(self, name, value):
        # (bdb.set_trace sets f_trace on every frame of the f_back chain)
        setattr(self._frame, name, value)

    def __repr__(self):
        return repr(self._frame)


def entered_from(caller):
    """The ``f_back`` of a guest frame that host code entered, when CPython's
    would be a host frame: ``caller`` is the host frame below the VM's entry
    (Function.__call__, a generator's resumption).  CPython's f_back is the
    previous *Python* frame of the thread, so a guest function that C code
    called (``sorted``'s key, a ``__del__``) has the guest caller, and one that
    host Python code called (a thread's ``run``, contextlib's ``__enter__``,
    ``functools.total_ordering``'s comparison, json's encoder, asyncio's
    event loop) has that host frame.

    Returns None when ``caller`` is the VM's own code (the C-caller case: the
    loop or a VM helper called the host function that called back).  Else the
    host frames from ``caller`` down to the VM's frames below them: the real
    frames when they reach the bottom of the thread's stack (a thread's
    ``run``), or views whose ``f_back`` chain ends in the running guest frame
    (HostFrameView), the VM's frames left out.  Host frames below a VM frame
    other than the loop (host code called by one of the VM's own helpers) are
    not shown (docs/boundary.md)."""
    hosts = []
    f = caller
    while f is not None and not _is_vm_code(f.f_code):
        hosts.append(f)
        f = f.f_back
    if not hosts:
        return None
    if f is None:
        return hosts[0]
    view = _t2frames.current()
    for h in reversed(hosts):
        view = HostFrameView(h, view)
    return view


def _entry_codes():
    from ..interpreter.ceval import run_frame
    from ..interpreter.tier2gen import ENTRY_CODES
    return (run_frame.__code__,) + ENTRY_CODES


def guest_view(frame, outer_host=False):
    """The stack from host frame ``frame`` down, as CPython would have it.

    Walking ``f_back`` from the result gives the host frames above the VM,
    then the guest frames the VM is running, then the host frames that
    called into the VM (a guest function called back by a host library),
    their guest callers, and so on, down to the outermost guest frame.  The
    VM's own host frames are left out, and so is everything below them (the
    launcher: runpy, evalframe's command line, pytest), unless ``outer_host``
    (a thread the guest started: its ``run`` and threading's bootstrap frames
    are the bottom of its stack on CPython).  Returns ``frame`` itself when no
    VM frame is below it.

    Each VM entry is a host frame of ``ceval.run_frame`` (or of tier2gen's
    resumption of a generator in tier 2) whose first argument is the guest
    frame it entered; the guest frames of that entry run from
    the innermost guest frame not yet shown down to that entry frame.
    """
    entry_codes = _entry_codes()
    chain = []          # host frames and guest frames, innermost first
    seen_vm = False
    cursor = _t2frames.current()
    pending_host = []   # host frames after the last VM frame seen
    f = frame
    while f is not None:
        code = f.f_code
        if _is_vm_code(code):
            seen_vm = True
            chain.extend(pending_host)
            pending_host = []
            if code in entry_codes:
                try:
                    entry = f.f_locals.get(code.co_varnames[0])
                except Exception:
                    entry = None
                g = cursor
                while g is not None:
                    chain.append(g)
                    if g is entry:
                        break
                    g = g.f_back
                # (the guest frame below: an entry's f_back may first show
                # the host frames that called it, which this walk adds itself)
                cursor = None if g is None else guest_back(g)
        else:
            pending_host.append(f)
        f = f.f_back
    if not seen_vm:
        return frame
    # (pending_host: the frames below the outermost VM frame)
    if outer_host:
        chain.extend(pending_host)
    view = None
    for f in reversed(chain):
        if isinstance(f, Frame):
            if view is not None and f.f_back is not view:
                # a guest frame whose caller in this view is a host frame
                f = _GuestFrameView(f, view)
        else:
            f = HostFrameView(f, view)
        view = f
    return view


def guest_stack():
    """The running guest frame as a view whose ``f_back`` chain is the stack
    CPython would show: guest frames, and the host frames that called guest
    code (contextlib's ``__enter__``, json's encoder, a thread's ``run``)
    between them.  For inspect.stack() and traceback.extract_stack() called by
    guest code; None outside the VM."""
    import threading
    if get_tstate().frame is None:
        return None
    return guest_view(sys._getframe(),
                      outer_host=threading.current_thread() is not threading.main_thread())


class _GuestFrameView(HostFrameView):
    """A guest frame whose ``f_back`` in the view differs from its own."""

    __slots__ = ()


# -- logging ---------------------------------------------------------------------------

def _currentframe_depth(original):
    """The frame depth the host's logging.currentframe asks sys._getframe for
    (3 in 3.10's ``lambda: sys._getframe(3)``, 1 since 3.11)."""
    code = getattr(original, "__code__", None)
    if code is not None:
        for const in code.co_consts:
            if type(const) is int:
                return const
    return 1


def install_logging(logging):
    """Replace ``logging.currentframe`` (idempotent)."""
    original = logging.currentframe
    if getattr(original, "_evalframe", False):
        return
    depth = _currentframe_depth(original)
    getframe = sys._getframe

    def currentframe():
        # Called by Logger.findCaller exactly where the original was, so the
        # same depth names the same frame.
        return guest_view(getframe(depth))

    currentframe._evalframe = True
    currentframe.__wrapped__ = original
    logging.currentframe = currentframe


# -- inspect ---------------------------------------------------------------------------

def install_inspect(inspect):
    """Make ``inspect.isframe`` true for guest frames (idempotent)."""
    original = inspect.isframe
    if getattr(original, "_evalframe", False):
        return
    import types
    frame_types = (types.FrameType, Frame, HostFrameView)

    def isframe(object):
        """Return true if the object is a frame object (host or evalframe guest)."""
        return isinstance(object, frame_types)

    isframe._evalframe = True
    isframe.__wrapped__ = original
    inspect.isframe = isframe


# -- warnings ----------------------------------------------------------------------------

def _is_internal_filename(filename):
    return "importlib" in filename and "_bootstrap" in filename


def _next_external_frame(frame, skip_file_prefixes):
    frame = frame.f_back
    while frame is not None:
        filename = frame.f_code.co_filename
        if not (_is_internal_filename(filename)
                or (skip_file_prefixes and filename.startswith(skip_file_prefixes))):
            break
        frame = frame.f_back
    return frame


def warn_from(start, message, category=None, stacklevel=1, source=None,
              skip_file_prefixes=()):
    """_warnings.c's do_warn with setup_context starting at frame ``start``
    (the caller of warn; a guest Frame, a host frame, or a view of one)."""
    import warnings
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError("skip_file_prefixes must be a tuple of strs.")
    stacklevel = int(stacklevel)
    if skip_file_prefixes and stacklevel < 2:
        stacklevel = 2
    f = start
    if stacklevel <= 0 or (f is not None and _is_internal_filename(f.f_code.co_filename)):
        while stacklevel > 1 and f is not None:
            f = f.f_back
            stacklevel -= 1
    else:
        while stacklevel > 1 and f is not None:
            f = _next_external_frame(f, skip_file_prefixes)
            stacklevel -= 1
    if f is None:
        # the stack is not deep enough (3.13 names the place <sys>:0)
        globals = sys.__dict__
        filename, lineno = ("<sys>", 0) if sys.version_info >= (3, 13) else ("sys", 1)
    else:
        globals = f.f_globals
        filename = f.f_code.co_filename
        lineno = f.f_lineno
    module = dict.get(globals, "__name__", "<string>") if isinstance(globals, dict) else "<string>"
    if not isinstance(globals, dict):
        globals = {}
    registry = globals.setdefault("__warningregistry__", {})
    # No module_globals, as do_warn passes none: the printer reads the source
    # line through linecache (3.12+ would also check the globals'
    # __spec__.loader, with a DeprecationWarning for __main__).
    warnings.warn_explicit(message, category, filename, lineno, module, registry,
                           None, source)


def vm_warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    """warnings.warn called by guest code (a call intercept): the frames are
    the guest's, from its calling frame."""
    # The walk goes on through the host frames between guest frames (a guest
    # module imported by importlib.import_module has that host function as
    # its caller's caller), as _warnings.c's setup_context walks CPython's.
    getframe = getattr(sys._getframe, "__wrapped__", sys._getframe)
    start = guest_view(getframe(0))
    if not isinstance(start, (Frame, HostFrameView)):
        start = _t2frames.current()
    return warn_from(start, message, category, stacklevel, source,
                     skip_file_prefixes)


def install_warnings(warnings):
    """Replace ``warnings.warn`` by a function that sees guest frames (idempotent).

    Host library code called by a guest (``locale.getdefaultlocale()``,
    deprecated stdlib APIs) warns with ``stacklevel=2`` meaning "my caller":
    the C warn would name the VM's host frame (and, as that is not __main__,
    the default filters would even hide a DeprecationWarning).  When the walk
    of ``stacklevel`` frames from the caller reaches the VM's frames, it
    continues in the guest's frames; otherwise the host's own warn does the
    work, one frame further up (the wrapper's own frame).
    Returns the replacement (also the guest's: a call intercept maps it and
    the original to vm_warn).
    """
    original = warnings.warn
    if getattr(original, "_evalframe", False):
        return original
    getframe = sys._getframe

    def warn(message, category=None, stacklevel=1, source=None, **kwargs):
        """Issue a warning, or maybe ignore it or raise an exception."""
        try:
            level = int(stacklevel)
        except (TypeError, ValueError):
            level = 1
        f = getframe(1)
        n = level
        # the C warn's walk: importlib's bootstrap frames are not counted
        # (unless the warning comes from one), so a module warning "my
        # importer" at import time names the importing line
        internal = f is not None and _is_internal_filename(f.f_code.co_filename)
        while n > 1 and f is not None and not _is_vm_code(f.f_code):
            f = f.f_back if internal else _next_external_frame(f, ())
            n -= 1
        if f is None or not _is_vm_code(f.f_code):
            return original(message, category, stacklevel + 1 if level >= 1 else stacklevel,
                            source, **kwargs)
        return warn_from(guest_view(getframe(1)), message, category, stacklevel, source,
                         **kwargs)

    warn._evalframe = True
    warn.__wrapped__ = original
    warnings.warn = warn
    return warn


# -- sys._getframe for host library code -----------------------------------------------

def install_getframe():
    """Replace ``sys._getframe`` (and 3.12's ``sys._getframemodulename``) so that
    host library code called by a guest finds the guest as its caller.

    collections.namedtuple, enum's functional API and typing.TypeVar name the
    module they are called from with ``sys._getframe(1).f_globals['__name__']``
    (pickling then finds the class there); called from guest code they would
    find the VM's own module.  The replacement returns exactly the host's
    frame unless walking ``depth`` frames from its caller crosses the VM's
    frames; then it walks the same number of frames in the interleaved view
    (guest_view).  Callers inside evalframe itself always get real frames.
    Guest code calling either function gets the call intercepts of
    runtime/builtins.py (guest frames, as ever).  Returns (old, new) pairs.
    """
    import operator
    original = sys._getframe
    if getattr(original, "_evalframe", False):
        return []

    def _getframe(depth=0):
        depth = operator.index(depth)
        caller = original(1)
        if _is_vm_code(caller.f_code):
            return original(depth + 1)
        return _walk(caller, depth)

    _getframe._evalframe = True
    _getframe.__wrapped__ = original
    _getframe.__doc__ = original.__doc__
    sys._getframe = _getframe
    pairs = [(original, _getframe)]

    modulename = getattr(sys, "_getframemodulename", None)
    if modulename is not None:
        def _getframemodulename(depth=0):
            depth = operator.index(depth)
            caller = original(1)
            if _is_vm_code(caller.f_code):
                return modulename(depth + 1)
            try:
                f = _walk(caller, depth)
            except ValueError:
                return None
            if isinstance(f, HostFrameView):
                f = f._frame
            if not isinstance(f, Frame):
                # a host frame: the host's own answer (its function's __module__)
                n, h = 0, original(0)
                while h is not None and h is not f:
                    h, n = h.f_back, n + 1
                return modulename(n) if h is not None else None
            g = f.f_globals
            return dict.get(g, "__name__") if isinstance(g, dict) else None

        _getframemodulename._evalframe = True
        _getframemodulename.__wrapped__ = modulename
        sys._getframemodulename = _getframemodulename
        pairs.append((modulename, _getframemodulename))
    return pairs


def _walk(caller, depth):
    """The frame ``depth`` calls below host frame ``caller``: the real one, or
    the interleaved view's when the way down crosses the VM."""
    f = caller
    for _ in range(depth):
        f = f.f_back
        if f is None:
            raise ValueError("call stack is not deep enough")
        if _is_vm_code(f.f_code):
            break
    else:
        return f
    view = guest_view(caller)
    for _ in range(depth):
        view = view.f_back
        if view is None:
            raise ValueError("call stack is not deep enough")
    return view
