"""Imports inside the VM: a PEP 451 meta-path finder and loader, and ``run -m``.

Mirrors Lib/importlib/_bootstrap_external.py (PathFinder's search, SourceFileLoader,
SourceLoader.get_code with its ``__pycache__`` validation, ``cache_from_source``)
and Lib/runpy.py (``_get_module_details`` / ``_run_module_as_main``), the two places
where CPython turns a module name into executed code.

The host's own path machinery still *finds* every module (``PathFinder`` with its
directory caches, ``sys.path``, ``__path__``, namespace packages); ``VMFinder`` only
decides, per module, whether the ``.py`` source it found is run by evalframe.  When it
is, the spec gets a ``VMLoader``: the source is compiled by evalframe's compiler (or
read back from ``__pycache__/NAME.evalframe-310.pyc``) and the resulting ``Code`` is
executed by the VM in the module's ``__dict__``.  Guest modules are ordinary entries
of ``sys.modules``, so host and guest code import each other freely; relative and
circular imports, ``reload`` and ``import_module`` are the host importlib's, unchanged.

Policies (``evalframe run --vm-modules=...``):

* ``user`` (default): every ``.py`` module outside the standard library and
  site-packages (sysconfig's stdlib/platstdlib/purelib/platlib, site's dirs);
* ``all``: pure-Python standard library and site-packages modules too (built-in,
  frozen and extension modules, and modules already imported, stay host);
* ``none``: the host imports everything.

``EVALFRAME_VM_MODULES_EXTRA`` (comma- or space-separated module names; ``pkg.*``
means pkg's submodules) names modules run in the VM whatever the policy says; the
regrtest runner uses it to run ``test.test_scope`` (a stdlib module) in the VM.
"""

import _imp
import importlib
import importlib.machinery
import importlib.util
import os
import sys
import marshal as _marshal
import threading

from . import hostcopy, HOST_IMPORT

# the importer's path arithmetic runs with the VM's builtins, not the guest's
_osp = hostcopy.module(os.path.__name__)

POLICIES = ("user", "all", "none")
EXTRA_ENV = "EVALFRAME_VM_MODULES_EXTRA"

# Our cache files sit beside CPython's in __pycache__ but never collide with them:
# CPython's are NAME.cpython-3XY.pyc; ours hold 3.10 bytecode made by evalframe.
CACHE_TAG = "evalframe-310"

# Packages that always stay host: evalframe itself (the VM cannot run on itself
# here), and the import system, which must not execute inside the imports it serves.
HOST_PACKAGES = ("evalframe", "importlib", "encodings", "_distutils_hack")

_here = _osp.dirname(_osp.abspath(__file__))

# Standard library tools that only work on the guest when the VM runs them:
# the profilers, whose host copies would profile the VM itself (their
# sys.setprofile / _lsprof calls would be the host's).  Under the user and
# all policies a guest's ``import cProfile`` runs them in the VM.
VM_TOOLS = ("cProfile", "profile")


class _HostOnly(threading.local):
    """Per-thread depth of host-side import work (compiling, reading the cache).

    Imports the compiler or the cache reader make lazily while serving an import
    are the host's own, never guest modules, whatever the policy.
    """
    depth = 0


host_only = _HostOnly()


# -- which modules the VM runs ----------------------------------------------

def _norm_dir(path):
    return _osp.normcase(_osp.realpath(path))


def system_dirs():
    """The standard library and site-packages directories (the ``user`` policy's border)."""
    import sysconfig
    dirs = set()
    paths = sysconfig.get_paths()
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        if paths.get(key):
            dirs.add(_norm_dir(paths[key]))
    try:
        import site
        for d in site.getsitepackages() + [site.getusersitepackages()]:
            dirs.add(_norm_dir(d))
    except Exception:  # site may be stripped down (python -S, embedded)
        pass
    return tuple(sorted(dirs))


def parse_extra(text):
    """Module names from ``EVALFRAME_VM_MODULES_EXTRA``'s syntax."""
    return [part for part in text.replace(",", " ").split() if part]


class Policy:
    """Which module (by name and source path) is executed by the VM."""

    def __init__(self, policy="user", extra=()):
        if policy not in POLICIES:
            raise ValueError("vm_modules must be one of %s, not %r" % (POLICIES, policy))
        self.policy = policy
        self.extra_names = set()
        self.extra_prefixes = []
        for name in extra:
            if name.endswith(".*"):
                self.extra_names.add(name[:-2])
                self.extra_prefixes.append(name[:-1])
            else:
                self.extra_names.add(name)
        if policy == "user":
            # the directories are read at the first import that asks (sysconfig's
            # paths cost a millisecond of every start, and an empty program
            # imports nothing); the module itself is imported now, before any
            # guest directory is on sys.path
            import sysconfig  # noqa: F401
        self._system_dirs = None
        self._dir_cache = {}

    @property
    def _system(self):
        dirs = self._system_dirs
        if dirs is None:
            if self.policy != "user":
                dirs = ()
            else:
                # (what sysconfig imports for it is the host's own)
                host_only.depth += 1
                try:
                    dirs = system_dirs()
                finally:
                    host_only.depth -= 1
            self._system_dirs = dirs
        return dirs

    def __repr__(self):
        extra = sorted(self.extra_names)
        return "Policy(%r, extra=%r)" % (self.policy, extra)

    @property
    def active(self):
        return self.policy != "none" or bool(self.extra_names)

    def is_extra(self, fullname):
        return fullname in self.extra_names or fullname.startswith(tuple(self.extra_prefixes))

    def host_pinned(self, fullname):
        top = fullname.partition(".")[0]
        return top in HOST_PACKAGES

    def wants_name(self, fullname):
        """A cheap first answer from the name alone: False means "host", None "ask the path"."""
        if self.host_pinned(fullname):
            return False
        if self.is_extra(fullname):
            return True
        if self.policy == "none":
            return False
        if fullname in VM_TOOLS:
            return True
        # Built-in and frozen modules have no source the VM could run.
        if _imp.is_builtin(fullname) or _imp.is_frozen(fullname):
            return False
        return None

    def wants_path(self, origin):
        d = _osp.dirname(origin)
        answer = self._dir_cache.get(d)
        if answer is None:
            real = _norm_dir(d)
            if real == _here or real.startswith(_here + os.sep):
                answer = False
            elif self.policy == "all":
                answer = True
            else:
                answer = not any(real == s or real.startswith(s + os.sep)
                                 for s in self._system)
            self._dir_cache[d] = answer
        return answer

    def wants(self, fullname, origin):
        answer = self.wants_name(fullname)
        if answer is None:
            answer = self.wants_path(origin)
        return answer


# -- the cache: __pycache__/NAME.evalframe-310.pyc ---------------------------

def cache_from_source(path):
    """The cache path of source ``path``: CPython's rule with evalframe's tag."""
    path = os.fspath(path)
    head, tail = _osp.split(path)
    base, sep, rest = tail.rpartition(".")
    filename = "".join([(base if base else rest), sep, CACHE_TAG])
    if sys.flags.optimize:
        filename += ".opt-%d" % sys.flags.optimize
    filename += ".pyc"
    if sys.pycache_prefix is not None:
        if not _osp.isabs(head):
            head = _osp.join(os.getcwd(), head)
        head = _osp.splitdrive(head)[1]
        return _osp.join(sys.pycache_prefix, head.lstrip(os.sep), filename)
    return _osp.join(head, "__pycache__", filename)


_compiler_stamp = None


def compiler_stamp():
    """The newest mtime among the files that decide what the compiler emits.

    A cache file older than this was made by another compiler: CPython ties its
    caches to the magic number; a compiler under development needs this too.
    """
    global _compiler_stamp
    if _compiler_stamp is None:
        newest = 0.0
        roots = [_osp.join(_here, "compiler")]
        files = [_osp.join(_here, name) for name in
                 ("opcodes.py", "pyc.py", "importer.py",
                  _osp.join("objects", "codeobject.py"))]
        for root in roots:
            if _osp.isdir(root):
                files.extend(_osp.join(root, n) for n in os.listdir(root)
                             if n.endswith(".py"))
        for f in files:
            try:
                newest = max(newest, os.stat(f).st_mtime)
            except OSError:
                pass
        _compiler_stamp = newest
    return _compiler_stamp


class _CacheCodec:
    """Cache file bytes <-> Code: a 3.10 .pyc (16-byte header + marshalled code).

    evalframe.pyc writes and reads the marshal format (3.10's); the header (magic, flags, source mtime, source size) is validated here, as
    SourceLoader.get_code does with _classify_pyc and _validate_timestamp_pyc.

    3.10's marshal has no column table, so the carets of a 3.11+ traceback
    would be lost with a cached module.  The code objects' ``co_positions()``
    follow the marshalled code as a trailer, which marshal readers (3.10's
    included) ignore: the host-marshalled pair of lists of every code object's
    positions and of its ``_super_attr`` mark (depth first, as
    ``pyc.nested_codes``; the mark is what the compiler knew of the module,
    objects/codeobject.py), its length (8 bytes) and POS_MAGIC.  A trailer
    that does not fit the code is dropped (positions then come from the line
    table alone, as for any 3.10 .pyc).
    """

    POS_MAGIC = b"EFPOS\x00\x00\x02"

    MAGIC = (3439).to_bytes(2, "little") + b"\r\n"  # CPython 3.10's MAGIC_NUMBER

    @staticmethod
    def _pyc():
        from . import pyc
        return pyc

    def header(self, mtime, size):
        return (self.MAGIC + (0).to_bytes(4, "little")
                + (int(mtime) & 0xFFFFFFFF).to_bytes(4, "little")
                + (size & 0xFFFFFFFF).to_bytes(4, "little"))

    def dumps(self, code, mtime, size):
        return self.header(mtime, size) + self._marshal_dumps(code) + self._positions_trailer(code)

    def loads(self, data, mtime, size):
        """The Code in ``data`` if its header matches the source, else None."""
        if data[:16] != self.header(mtime, size):
            return None
        code = self._marshal_loads(data[16:])
        self._restore_positions(code, data)
        return code

    def _codes(self, code):
        return [code] + list(self._pyc().nested_codes(code))

    def _positions_trailer(self, code):
        codes = self._codes(code)
        table = [c._positions for c in codes]
        marks = [c._super_attr for c in codes]
        if all(p is None for p in table) and not any(marks):
            return b""
        blob = _marshal.dumps(([None if p is None else [tuple(t) for t in p] for p in table],
                               marks))
        return blob + len(blob).to_bytes(8, "little") + self.POS_MAGIC

    def _restore_positions(self, code, data):
        if not data.endswith(self.POS_MAGIC) or len(data) < 32:
            return
        n = int.from_bytes(data[-16:-8], "little")
        if n > len(data) - 32:
            return
        try:
            table = _marshal.loads(data[-16 - n:-16])
        except (EOFError, ValueError, TypeError):
            return
        codes = self._codes(code)
        if type(table) is not tuple or len(table) != 2:
            return
        table, marks = table
        if (type(table) is not list or len(table) != len(codes)
                or type(marks) is not list or len(marks) != len(codes)):
            return
        for c, pos, mark in zip(codes, table, marks):
            # (positions are per instruction: a table of another length is not this code's)
            if pos is not None and type(pos) is list and len(pos) == len(c.co_code) // 2:
                c._positions = pos
            c._super_attr = mark is True

    def _marshal_dumps(self, code):
        return self._pyc().dumps(code)

    def _marshal_loads(self, body):
        return self._pyc().loads(body)


codec = _CacheCodec()


def _fix_co_filename(code, path):
    """Point every co_filename at ``path`` (importlib's _imp._fix_co_filename).

    A cache made before the source tree moved names the old place.
    """
    if code.co_filename == path:
        return code
    Code = type(code)

    def fix(co):
        consts = tuple(fix(c) if isinstance(c, Code) else c for c in co.co_consts)
        return co.replace(co_filename=path, co_consts=consts)
    return fix(code)


# -- finder and loader --------------------------------------------------------

class VMLoader(importlib.machinery.SourceFileLoader):
    """Loads a ``.py`` module into the VM (PEP 451 ``create_module``/``exec_module``).

    As a SourceFileLoader it keeps ``get_source``, ``get_filename``, ``is_package``,
    ``get_data`` and ``get_resource_reader``, so linecache, inspect, traceback, pdb
    and importlib.resources see guest modules as they see host ones; ``get_code``
    returns evalframe's ``Code`` and ``exec_module`` runs it in the VM.
    """

    def create_module(self, spec):
        return None  # the default module object, as for any source module

    def source_to_code(self, data, path, *, _optimize=-1):
        from .compiler import compile_source
        host_only.depth += 1
        try:
            return compile_source(data, path, "exec", 0, True, _optimize)
        finally:
            host_only.depth -= 1

    def get_code(self, fullname):
        """The module's Code: from the cache when it is valid, else compiled (and cached)."""
        source_path = self.get_filename(fullname)
        cache_path = None
        st = None
        try:
            cache_path = cache_from_source(source_path)
        except (NotImplementedError, ValueError):
            pass
        try:
            st = os.stat(source_path)
        except OSError:
            pass
        if cache_path is not None and st is not None:
            code = self._read_cache(cache_path, st, source_path)
            if code is not None:
                return code
        source = self.get_data(source_path)
        code = self.source_to_code(source, source_path)
        if (cache_path is not None and st is not None and not sys.dont_write_bytecode):
            self._write_cache(code, cache_path, st, source_path)
        return code

    def _read_cache(self, cache_path, st, source_path):
        # Any trouble with the cache (absent, stale, corrupt, from an older
        # compiler, unreadable by this evalframe) means: compile again, silently.
        host_only.depth += 1
        try:
            cst = os.stat(cache_path)
            if cst.st_mtime < compiler_stamp():
                return None
            with open(cache_path, "rb") as f:
                data = f.read()
            code = codec.loads(data, st.st_mtime, st.st_size)
            if code is None:
                return None
            return _fix_co_filename(code, source_path)
        except Exception:
            return None
        finally:
            host_only.depth -= 1

    def _write_cache(self, code, cache_path, st, source_path):
        host_only.depth += 1
        try:
            data = codec.dumps(code, st.st_mtime, st.st_size)
            mode = (st.st_mode & 0o777) | 0o200  # as _calc_mode: the source's, writable
            self.set_data(cache_path, data, _mode=mode)
        except Exception:  # a cache is an optimisation; never fail an import over it
            pass
        finally:
            host_only.depth -= 1

    def _code_for_exec(self, fullname):
        try:
            return self.get_code(fullname)
        except SyntaxError as exc:
            # CPython reports a module's syntax error with no frame of the
            # compiler (source_to_code compiles under _call_with_frames_removed).
            exc.__traceback__ = None
            raise exc from None

    exec_module = None  # defined below, in importlib's clothes


def execute(code, namespace):
    """Run a module's code in the VM (the seam tests use to stand in for the VM)."""
    from .interpreter.ceval import run_code
    run_code(code, namespace)


# CPython hides the import machinery from tracebacks: when an exception leaves an
# import, import.c's remove_importlib_frames drops each run of frames whose file is
# "<frozen importlib._bootstrap(_external)>" that ends in _call_with_frames_removed
# (and every such frame for ImportError).  The loader's exec_module stands where
# CPython's own (in _bootstrap_external) stands, so it is compiled with that file
# name and calls onward through _call_with_frames_removed: the host then trims the
# import frames from a guest module's traceback exactly as it trims its own.
_BOOTSTRAP_FILE = "<frozen importlib._bootstrap_external>"
_BOOTSTRAP_SOURCE = """
def _call_with_frames_removed(f, *args, **kwds):
    return f(*args, **kwds)

def exec_module(self, module):
    code = _call_with_frames_removed(self._code_for_exec, module.__name__)
    if code is None:
        raise ImportError("cannot load module {!r} when get_code() "
                          "returns None".format(module.__name__))
    _call_with_frames_removed(execute, code, module.__dict__)
"""
exec(compile(_BOOTSTRAP_SOURCE, _BOOTSTRAP_FILE, "exec", dont_inherit=True), globals())
exec_module.__doc__ = "Execute the module's code in the VM."
exec_module.__qualname__ = "VMLoader.exec_module"
VMLoader.exec_module = exec_module
del exec_module


class VMFinder:
    """A meta-path finder that hands the VM the ``.py`` modules its policy selects.

    An ``importlib.abc.MetaPathFinder`` by registration, made once a program
    has imported ``importlib.abc`` (``register_abc``): importing it at every
    start cost 1.8 M host instructions on 3.11, and on 3.12+ it imports
    ``importlib.resources``, ``inspect``, ``dis`` and ``ast`` (what its base
    class gave, ``invalidate_caches``, does nothing)."""

    def __init__(self, policy):
        self.policy = policy
        self.explained = None   # {name: (where, why)} when imports are explained

    def __repr__(self):
        return "<evalframe VMFinder %r>" % (self.policy,)

    def find_spec(self, fullname, path=None, target=None):
        if host_only.depth:
            return None
        explain = self.explained
        if self.policy.wants_name(fullname) is False:
            if explain is not None:
                explain.setdefault(fullname, ("host", _host_reason(self.policy, fullname)))
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None:
            if explain is not None:
                explain.setdefault(fullname, ("host", "not found on sys.path by PathFinder "
                                              "(built-in, frozen or another finder's)"))
            return None
        result = vm_spec(spec, self.policy)
        if explain is not None:
            if result is not None:
                explain[fullname] = ("vm", spec.origin)
            else:
                explain[fullname] = ("host", _spec_reason(spec, self.policy))
        return result

    def invalidate_caches(self):
        pass


def _host_reason(policy, fullname):
    if policy.host_pinned(fullname):
        return "always host (evalframe, the import system)"
    if policy.policy == "none":
        return "--vm-modules=none"
    if _imp.is_builtin(fullname):
        return "built-in module (C)"
    if _imp.is_frozen(fullname):
        return "frozen module"
    return "host"


def _spec_reason(spec, policy):
    loader = spec.loader
    if not isinstance(loader, importlib.machinery.SourceFileLoader) or not spec.origin:
        if isinstance(loader, importlib.machinery.ExtensionFileLoader):
            return "extension module (C): %s" % spec.origin
        if spec.origin in (None, "namespace") or spec.submodule_search_locations and not spec.origin:
            return "namespace package (no code)"
        return "no Python source (%s)" % type(loader).__name__
    return "--vm-modules=%s leaves %s to the host" % (policy.policy, spec.origin)


EXPLAIN_ENV = "EVALFRAME_EXPLAIN_IMPORTS"


def explain_report(finder, out):
    """Where each module imported while ``finder`` was installed ran, and why."""
    rows = {n: r for n, r in (finder.explained or {}).items()
            if n.partition(".")[0] != "evalframe"}     # (the VM's own lazy imports)
    vm = sorted(n for n, (w, _) in rows.items() if w == "vm")
    host = sorted(n for n, (w, _) in rows.items() if w == "host")
    out.write("evalframe: imports explained (--vm-modules=%s)\n" % finder.policy.policy)
    out.write("  %d module(s) ran in the VM:\n" % len(vm))
    for name in vm:
        out.write("    vm    %-40s %s\n" % (name, rows[name][1]))
    out.write("  %d module(s) ran on the host:\n" % len(host))
    for name in host:
        out.write("    host  %-40s %s\n" % (name, rows[name][1]))
    out.write("  (modules already imported when the program started stay host: %d)\n"
              % finder.preloaded)


def vm_spec(spec, policy=None):
    """``spec`` turned into a VM module's spec, or None when it stays host.

    With ``policy`` None the spec is converted whenever it can be (``run -m``'s
    main module always runs in the VM).
    """
    loader = spec.loader
    origin = spec.origin
    if isinstance(loader, VMLoader):
        return spec
    if not isinstance(loader, importlib.machinery.SourceFileLoader) or not origin:
        return None  # namespace packages, extensions, sourceless and zip modules
    if policy is not None and not policy.wants(spec.name, origin):
        return None
    spec.loader = VMLoader(spec.name, origin)
    spec.loader_state = None
    try:
        spec.cached = cache_from_source(origin)
    except (NotImplementedError, ValueError):
        spec.cached = None
    return spec


# -- installing ---------------------------------------------------------------

_finder = None

# What the VM and the compiler may import lazily on the host; under ``all`` they
# are imported first, so that the guest's imports of them do not run them in the VM
# while the VM itself depends on them.
_PREWARM = ("ast", "traceback", "linecache", "tokenize", "token", "keyword",
            "weakref", "collections", "functools", "operator", "types", "warnings",
            "contextlib", "enum", "re", "io", "dis", "inspect", "signal")


def prewarm():
    for name in _PREWARM + ("evalframe.compiler", "evalframe.interpreter.ceval",
                            "evalframe.pyc"):
        try:
            importlib.import_module(name)
        except Exception:  # a part not written yet: nothing to warm
            pass


def register_abc(abc_module):
    """``VMFinder`` registered as an ``importlib.abc.MetaPathFinder`` (called
    once the host's importlib.abc is imported: runtime/builtins.after_import)."""
    abc_module.MetaPathFinder.register(VMFinder)


def install(policy="user", extra=None):
    """Put the VM finder first on sys.meta_path; return it (None when it is not needed).

    ``policy`` is ``options.vm_modules``; ``extra`` adds module names to the VM's
    set, as ``EVALFRAME_VM_MODULES_EXTRA`` does (both are used).  Installing again
    replaces the previous finder.
    """
    global _finder
    uninstall()
    names = parse_extra(os.environ.get(EXTRA_ENV, "")) + list(extra or ())
    pol = Policy(policy, names)
    if not pol.active:
        return None
    if policy == "all":
        prewarm()
    _finder = VMFinder(pol)
    sys.meta_path.insert(0, _finder)
    explain = os.environ.get(EXPLAIN_ENV)
    if explain:
        _finder.explained = {}
        _finder.preloaded = len(sys.modules)
        import atexit

        def report(finder=_finder, target=explain):
            if target in ("1", "-", "stderr"):
                explain_report(finder, sys.stderr)
            else:
                with open(target, "w", encoding="utf-8") as f:
                    explain_report(finder, f)
        atexit.register(report)
    return _finder


def uninstall():
    """Take the finder off sys.meta_path; modules already imported stay as they are."""
    global _finder
    if _finder is not None:
        try:
            sys.meta_path.remove(_finder)
        except ValueError:
            pass
    _finder = None


def installed():
    """The installed finder, or None."""
    return _finder


# -- run -m ---------------------------------------------------------------------

class _Error(Exception):
    """An error ``run -m`` reports as ``python: message`` with no traceback (runpy._Error)."""


# Where runpy's frames stand in CPython's ``-m`` tracebacks: (function, the text
# of the line that calls onward).  Tracebacks of ``python -m`` start with
#   File "<frozen runpy>", line 198, in _run_module_as_main
#   File "<frozen runpy>", line 88, in _run_code
# so ``run -m`` calls through host functions with those names, file and lines.
_RUNPY_CALLS = {
    "main_details": ("_run_module_as_main", "_get_module_details(mod_name, _Error)"),
    "main_run": ("_run_module_as_main", "return _run_code(code, main_globals, None,"),
    "run_code": ("_run_code", "exec(code, run_globals)"),
    "import_parent": ("_get_module_details", "__import__(pkg_name)"),
    "package_main": ("_get_module_details",
                     "return _get_module_details(pkg_main_name, error)"),
}
_runpy_frames = None


def _runpy_frame(key):
    """A host function ``f(fn, *args) -> fn(*args)`` whose frame looks like runpy's."""
    global _runpy_frames
    if _runpy_frames is None:
        _runpy_frames = {}
        try:
            import runpy
            filename = runpy._run_code.__code__.co_filename
            with open(runpy.__file__, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except Exception:  # no runpy source: plain calls, no stand-in frames
            lines, filename = [], None
        for k, (func, text) in _RUNPY_CALLS.items():
            start = next((i for i, line in enumerate(lines)
                          if line.startswith("def %s(" % func)), None)
            lineno = None
            if start is not None:
                lineno = next((i + 1 for i in range(start, len(lines))
                               if text in lines[i]), None)
            if lineno is None or lineno < 2:
                continue
            src = "\n" * (lineno - 2) + (
                "def %s(_fn, *args):\n    return _fn(*args)\n" % func)
            ns = {"__name__": "runpy"}
            exec(compile(src, filename, "exec", dont_inherit=True), ns)
            _runpy_frames[k] = ns[func]
    frame = _runpy_frames.get(key)
    if frame is None:
        return lambda fn, *args: fn(*args)
    return frame


def _get_module_details(mod_name, error=_Error):
    """(name, spec, code) of the module ``-m`` runs: runpy._get_module_details, VM side."""
    if mod_name.startswith("."):
        raise error("Relative module names not supported")
    pkg_name, _, _ = mod_name.rpartition(".")
    if pkg_name:
        # Import the parent first so that its own errors are not caught below.
        try:
            _runpy_frame("import_parent")(HOST_IMPORT, pkg_name)
        except ImportError as e:
            if e.name is None or (e.name != pkg_name and
                                  not pkg_name.startswith(e.name + ".")):
                raise
        existing = sys.modules.get(mod_name)
        if existing is not None and not hasattr(existing, "__path__"):
            from warnings import warn
            warn(RuntimeWarning(
                "{0!r} found in sys.modules after import of package {1!r}, but prior "
                "to execution of {0!r}; this may result in unpredictable "
                "behaviour".format(mod_name, pkg_name)))
    try:
        spec = importlib.util.find_spec(mod_name)
    except (ImportError, AttributeError, TypeError, ValueError) as ex:
        msg = "Error while finding module specification for {!r} ({}: {})"
        if mod_name.endswith(".py"):
            msg += (f". Try using '{mod_name[:-3]}' instead of "
                    f"'{mod_name}' as the module name.")
        raise error(msg.format(mod_name, type(ex).__name__, ex)) from ex
    if spec is None:
        raise error("No module named %s" % mod_name)
    if spec.submodule_search_locations is not None:
        if mod_name == "__main__" or mod_name.endswith(".__main__"):
            raise error("Cannot use package as __main__ module")
        try:
            return _runpy_frame("package_main")(_get_module_details,
                                                mod_name + ".__main__", error)
        except error as e:
            if mod_name not in sys.modules:
                raise
            raise error(("%s; %r is a package and cannot "
                         "be directly executed") % (e, mod_name))
    if spec.loader is None:
        raise error("%r is a namespace package and cannot be executed" % mod_name)
    # The main module runs in the VM whatever the policy says about its name.
    converted = vm_spec(spec) if spec.origin else None
    if converted is not None:
        spec = converted
    try:
        if isinstance(spec.loader, VMLoader):
            code = spec.loader.get_code(mod_name)
        else:
            code = _code_from_loader_source(spec, mod_name)
    except ImportError as e:
        raise error(format(e)) from e
    if code is None:
        raise error("No code object available for %s" % mod_name)
    return mod_name, spec, code


def _code_from_loader_source(spec, mod_name):
    """A host loader (zip import...) that still has the source: compile it ourselves."""
    get_source = getattr(spec.loader, "get_source", None)
    source = get_source(mod_name) if get_source is not None else None
    if source is None:
        return _frozen_code(spec, mod_name)
    from .compiler import compile_source
    return compile_source(source, spec.origin or "<%s>" % mod_name, "exec", 0, True, -1)


def _get_main_module_details(_mod_name="__main__", error=_Error):
    """runpy._get_main_module_details: ``__main__`` of the directory or zip on sys.path[0]."""
    main_name = "__main__"
    saved_main = sys.modules.pop(main_name, None)
    try:
        return _get_module_details(main_name, ImportError)
    except ImportError as exc:
        if main_name in str(exc):
            raise error("can't find %r module in %r" % (main_name, sys.path[0])) from exc
        raise
    finally:
        if saved_main is not None:
            sys.modules[main_name] = saved_main


def _frozen_code(spec, mod_name):
    """The Code of a frozen module (``-m __hello__``), or None.

    3.11+ freeze modules of Lib/ and say which file (loader_state.filename):
    that source is compiled by evalframe.  3.10's frozen modules are 3.10
    bytecode already, which evalframe reads back through marshal.
    """
    if spec.origin != "frozen":
        return None
    filename = getattr(spec.loader_state, "filename", None)
    if filename:
        try:
            with open(filename, "rb") as f:
                source = f.read()
        except OSError:
            source = None
        if source is not None:
            from .compiler import compile_source
            return compile_source(source, "<frozen %s>" % mod_name, "exec", 0, True, -1)
    if sys.version_info[:2] == (3, 10):
        import marshal
        from . import pyc
        return pyc.loads(marshal.dumps(_imp.get_frozen_object(mod_name)))
    return None


def run_module_in_vm(modname, args=(), main_path=None):
    """``python -m modname args...`` with the module run in the VM; the exit status.

    runpy's ``_run_module_as_main`` semantics: ``sys.path[0]`` is the current
    directory, ``sys.argv[0]`` is ``-m`` while searching and then the module's
    file; packages run their ``__main__`` submodule; a module that cannot be
    found is reported as ``python: No module named x`` with status 1.  The parent
    packages are imported through ``sys.meta_path`` (so through the VM finder when
    ``install()`` ran first).  Exceptions are reported by evalframe.pythonrun, with
    runpy's frames at the top of the traceback as CPython prints them.
    """
    from . import pythonrun
    if main_path is None:
        if not pythonrun.safe_path():
            cwd = os.getcwd()
            if sys.path and sys.path[0] in ("", cwd):
                sys.path[0] = cwd
            else:
                sys.path.insert(0, cwd)
        sys.argv[:] = ["-m"] + list(args)
        find = _get_module_details
    else:
        find = _get_main_module_details
    if modname in ("pytest", "py.test"):
        # the test modules, assertion rewriting included, run in the VM
        # (evalframe/pytest_plugin.py); PYTEST_PLUGINS reaches xdist's workers too
        plugins = [p for p in os.environ.get("PYTEST_PLUGINS", "").split(",") if p]
        if "evalframe.pytest_plugin" not in plugins:
            os.environ["PYTEST_PLUGINS"] = ",".join(plugins + ["evalframe.pytest_plugin"])
    if modname == "dis":
        from .runtime import guestdis
        if guestdis.NEEDED:
            # the host's Lib/dis.py reads the host's bytecode, not the VM's 3.10
            # bytecode: print what ``python3.10 -m dis`` prints (runtime/guestdis.py)
            sys.argv[0] = modname
            try:
                return guestdis.run_dis_main(args)
            except SystemExit as exc:
                return pythonrun.finish(exc)
    try:
        modname, spec, code = _runpy_frame("main_details")(find, modname)
    except _Error as exc:
        pythonrun.flush_stdout()
        sys.stderr.write("%s: %s\n" % (pythonrun.PROGRAM, exc))
        return pythonrun.EX_ERROR
    except SyntaxError as exc:
        return pythonrun.finish(pythonrun.without_traceback(exc))
    except BaseException as exc:  # the parent package's import failed
        return pythonrun.finish(exc)
    if main_path is None:
        sys.argv[0] = spec.origin
    if _finder is not None and _finder.explained is not None:
        # (the finder may have left it to the host: the main module runs in the VM)
        _finder.explained[modname] = ("vm", "%s (run as __main__)" % spec.origin)
    fname = spec.origin if spec.has_location else None
    cached = spec.cached if spec.has_location else None
    main = pythonrun.fresh_main(fname, loader=spec.loader, spec=spec, cached=cached)
    if fname is None:
        main.__file__ = None
        main.__cached__ = None
    main.__package__ = spec.parent
    main.__doc__ = None
    if fname is not None and not isinstance(spec.loader, VMLoader):
        # source held by a host loader (a zip file): the traceback module
        # finds it through the module's __loader__, as for a native run
        import linecache
        linecache.lazycache(fname, main.__dict__)
    try:
        _runpy_frame("main_run")(_runpy_frame("run_code"), pythonrun.run_in_module, code, main)
    except BaseException as exc:  # the guest's outcome, reported as CPython does
        return pythonrun.finish(exc)
    return pythonrun.EX_OK
