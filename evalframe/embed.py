"""The embedding API: ``evalframe.VM``, a VM that host code creates and runs guest code in.

Mirrors the embedding side of CPython: PyRun_StringFlags / PyRun_FileExFlags
(``run_source``, ``run_file``), Lib/runpy.py's ``run_module`` (``run_module``),
and the per-interpreter state a sub-interpreter keeps apart (Py_NewInterpreter:
its own recursion limit and trace function).  docs/boundary.md describes what
two VMs share and what they do not.

Each ``VM`` has its own recursion limit, its own guest trace function
(``sys.settrace`` made by its guest code, or given with ``trace=``), its own
statistics (``stats=True``) and its limits (``limits=``, evalframe.limits when
it is present).  A run swaps them into the calling thread's state and back out
when the run ends, so a ``sys.settrace`` or ``sys.setrecursionlimit`` made by one
run is seen by the next run of the same VM and by no other VM, in this thread or
another.  What VMs share is what ``exec`` shares: the host's modules
(``sys.modules``, ``builtins``, ``sys.path``, ``sys.meta_path``), its threads and
its signal handlers.

The VM's host-side patches (evalframe.runtime.patches) are installed when the
first VM runs and removed when the last one is closed.
"""

import sys
import threading

from .interpreter.pystate import get_tstate

__all__ = ["VM"]

def _limits_module():
    try:
        from . import limits
    except ImportError:
        return None
    return limits


class VM:
    """A guest VM for host code: ``VM(recursion_limit=1000, trace=None,
    stats=False, limits=None)``.

    ``run_source(source, globals=None, filename='<string>')``,
    ``run_file(path, globals=None)`` and ``run_module(name, run_name=None)``
    run guest code and return the namespace it ran in; an exception the guest
    does not handle is raised to the caller with guest frames in its traceback.
    ``settrace``/``gettrace`` and ``setrecursionlimit``/``getrecursionlimit``
    are the guest's ``sys`` functions for this VM; ``stats`` is an
    evalframe.tools.stats.CallStats (``None`` unless ``stats=True``).
    ``close()`` (or leaving a ``with`` block) ends the VM.
    """

    def __init__(self, *, recursion_limit=1000, trace=None, stats=False, limits=None):
        if not isinstance(recursion_limit, int) or recursion_limit < 1:
            raise ValueError("recursion_limit must be a positive int")
        self.recursion_limit = recursion_limit
        self.trace = trace
        self._tracer = None         # this VM's TracedLoop between runs (its settrace)
        self._trace_applied = False
        if stats:
            from .tools.stats import CallStats
            self.stats = CallStats()
        else:
            self.stats = None
        self.limits = limits
        if limits is not None and _limits_module() is None:
            raise NotImplementedError("limits need evalframe.limits (docs/limits.md)")
        self._running = threading.local()
        self._closed = False
        self._release_patches = None    # set by the first run (runtime/patches.install)

    # -- running --------------------------------------------------------------------

    def run_source(self, source, globals=None, filename="<string>"):
        """Compile ``source`` (str or bytes) and run it; return its globals."""
        from .compiler import compile_source
        if globals is None:
            globals = {"__name__": "__main__"}
        code = compile_source(source, filename, "exec", 0, True, -1)
        self._run(code, globals)
        return globals

    def run_file(self, path, globals=None):
        """Run the file at ``path``; return the globals it ran in."""
        with open(path, "rb") as f:
            source = f.read()
        if globals is None:
            globals = {"__name__": "__main__", "__file__": path}
        return self.run_source(source, globals, path)

    def run_module(self, name, run_name=None):
        """runpy.run_module: find ``name`` on sys.path, run its source in a fresh
        namespace (``__name__`` is ``run_name``, default ``name``; a package runs
        its ``__main__``); return that namespace.  sys.modules and sys.argv are
        left as they are."""
        import importlib.util
        spec = importlib.util.find_spec(name)
        if spec is None:
            raise ImportError("No module named %s" % name, name=name)
        if spec.submodule_search_locations is not None:
            name = name + ".__main__"
            spec = importlib.util.find_spec(name)
            if spec is None:
                raise ImportError("No module named %s" % name, name=name)
        loader = spec.loader
        source = loader.get_source(name) if hasattr(loader, "get_source") else None
        if source is None:
            raise ImportError("no source for module %s" % name, name=name)
        globals = {"__name__": run_name or name, "__file__": spec.origin,
                   "__cached__": spec.cached, "__doc__": None, "__loader__": loader,
                   "__package__": spec.parent, "__spec__": spec}
        return self.run_source(source, globals, spec.origin)

    def _run(self, code, globals):
        if self._closed:
            raise RuntimeError("this VM is closed")
        if getattr(self._running, "active", False):
            raise RuntimeError("this VM is already running in this thread")
        from .interpreter.ceval import run_code
        from .runtime.tracebacks import clean_exception
        if self._release_patches is None:
            from .runtime import patches
            self._release_patches = patches.install()
        saved = self._enter()
        # the VM's own modules are not in sys.modules while the guest runs
        from . import unlist_modules
        relist = unlist_modules()
        failed = None
        try:
            run_code(code, globals)
        except BaseException as exc:
            clean_exception(exc)
            if sys.version_info >= (3, 11):
                raise
            failed = exc    # (3.10: see below)
        finally:
            relist()
            self._leave(saved)
        if failed is not None:
            # 3.10 re-raises with the traceback it saved on entering ``except``,
            # not the cleaned __traceback__: raise that one (with this frame)
            try:
                raise failed
            finally:
                failed = None

    # -- the VM's state in the running thread ------------------------------------------

    def _enter(self):
        from .runtime import builtins as vm_builtins
        tstate = get_tstate()
        saved = (tstate, tstate.tracer, tstate.recursion_limit,
                 tstate in vm_builtins.EMBEDDED)
        self._running.active = True
        vm_builtins.EMBEDDED.add(tstate)
        tstate.tracer = self._tracer
        vm_builtins.set_thread_recursion_limit(tstate, self.recursion_limit)
        if self.trace is not None and not self._trace_applied:
            self._trace_applied = True
            self.settrace(self.trace)
        if self.stats is not None:
            from .interpreter import traced
            self._observer = traced.StatsObserver(self.stats)
            traced.loop_for(tstate).add_observer(self._observer)
        if self.limits is not None:
            lm = _limits_module()
            limits = self.limits
            if isinstance(limits, dict):
                limits = lm.Limits(**limits)
            lm.install(limits)
        return saved

    def _leave(self, saved):
        from .runtime import builtins as vm_builtins
        tstate, tracer, limit, embedded = saved
        try:
            if self.limits is not None:
                _limits_module().uninstall()
            if self.stats is not None:
                from .interpreter import traced
                loop = traced.loop_for(tstate, create=False)
                if loop is not None:
                    loop.remove_observer(self._observer)
                    traced.release(tstate)
                self._observer = None
        finally:
            self._tracer = tstate.tracer
            self.recursion_limit = tstate.recursion_limit
            tstate.tracer = tracer
            tstate.recursion_limit = limit
            tstate.t2_room = tstate.t2_inl = 0      # (tier2.host_room)
            if not embedded:
                vm_builtins.EMBEDDED.discard(tstate)
            self._running.active = False

    # -- the guest's sys functions, for this VM --------------------------------------------

    def _in_state(self, func, *args):
        """Call ``func`` with this VM's state in the calling thread."""
        if getattr(self._running, "active", False):
            return func(*args)
        saved = self._enter_light()
        try:
            return func(*args)
        finally:
            self._tracer = saved[0].tracer
            saved[0].tracer = saved[1]
            saved[0].t2_room = saved[0].t2_inl = 0    # (tier2.lean_room)

    def _enter_light(self):
        tstate = get_tstate()
        saved = (tstate, tstate.tracer)
        tstate.tracer = self._tracer
        tstate.t2_room = tstate.t2_inl = 0      # (tier2.lean_room: lean calls see the tracer)
        return saved

    def settrace(self, func):
        """sys.settrace for this VM's guest code (called with guest frames)."""
        from .runtime import settrace
        self._in_state(settrace.settrace, func)

    def gettrace(self):
        from .runtime import settrace
        return self._in_state(settrace.gettrace)

    def setrecursionlimit(self, limit):
        if not isinstance(limit, int) or limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        self.recursion_limit = limit

    def getrecursionlimit(self):
        return self.recursion_limit

    # -- ending -------------------------------------------------------------------------

    def close(self):
        """End the VM: its state is dropped, and the host-side patches go when no
        other VM uses them."""
        if self._closed:
            return
        self._closed = True
        self._tracer = None
        release, self._release_patches = self._release_patches, None
        if release is not None:
            release()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "<evalframe.VM recursion_limit=%d%s>" % (
            self.recursion_limit, " closed" if self._closed else "")
