"""evalframe: a Python virtual machine in Python, built the way CPython builds its own.

Source is compiled to CPython 3.10 code objects (evalframe.compiler), a ``def``
makes a function object (evalframe.objects.funcobject), and a call builds a frame
whose bytecode the eval loop runs (evalframe.interpreter.ceval).  This module is
the public API (``VM``, ``compile``, ``run_source``, ``run_file``, ``dis``) and,
because it is the first of the package to run, the place that gives every
evalframe module its private builtins and imports (docs/boundary.md).
"""

import _thread
import builtins as _builtins
import os as _os
import sys as _sys

# The VM's own builtins (docs/boundary.md).  A guest shares the host's
# ``builtins`` module and may rebind anything in it (``builtins.len = None``,
# a counting ``__import__``); the VM's code must not notice.  Every evalframe
# module is executed with this snapshot as its ``__builtins__`` (see
# _seal_package below), so the functions it defines look names up here, never
# in the guest-visible namespace; this file's own functions too.
VM_BUILTINS = dict(_builtins.__dict__)
__builtins__ = VM_BUILTINS

# The modules the VM's own code imports, by absolute name: every evalframe module
# (entered by the sealed loader before its body runs) and each host module the
# first time VM code imports it.  A guest that deletes or replaces entries of
# sys.modules, or rebinds builtins.__import__, does not change what the VM's
# own (lazy) imports find, and they run no importlib code (which would look
# names up in the guest-visible builtins).
_VM_MODULES = {__name__: _sys.modules[__name__]}
_EXECUTED = set()       # VM modules whose body has run
HOST_IMPORT = _builtins.__import__


def _vm_import(name, globals=None, locals=None, fromlist=(), level=0):
    """The ``__import__`` of VM_BUILTINS: the import statements of evalframe's
    own modules, served from _VM_MODULES, the host's import otherwise."""
    if level:
        package = globals.get("__package__") if globals else None
        if not package:
            return HOST_IMPORT(name, globals, locals, fromlist, level)
        base = package.rsplit(".", level - 1)[0]
        absname = base + "." + name if name else base
    else:
        absname = name
    if type(fromlist) is list and absname not in _sys.modules:
        # C code's PyImport_Import (pickle, time.strptime, the traceback
        # printer's io) imports, then looks the module up in sys.modules: a
        # module the guest deleted there is imported again, as on CPython
        if _unlisted[0] and _is_vm_name(absname):
            return _import_listed(name, globals, locals, fromlist, level, absname)
        return HOST_IMPORT(name, globals, locals, fromlist, level)
    modules = _VM_MODULES
    mod = modules.get(absname)
    if mod is not None:
        if fromlist:
            for item in fromlist:
                if item != "*" and not hasattr(mod, item):
                    break
            else:
                return mod
        elif not level:
            top = modules.get(absname.partition(".")[0])
            if top is not None:
                return top
    if _is_vm_name(absname):
        # (counted as a listed import even when no run has unlisted the VM's
        # modules: a VM starting in another thread must not unlist them while
        # importlib looks up this module's package in sys.modules)
        result = _import_listed(name, globals, locals, fromlist, level, absname)
    else:
        result = HOST_IMPORT(name, globals, locals, fromlist, level)
    mod = _sys.modules.get(absname)
    if mod is not None:
        modules[absname] = mod
        top = absname.partition(".")[0]
        if top not in modules and top in _sys.modules:
            modules[top] = _sys.modules[top]
        if fromlist:
            for item in fromlist:
                sub = _sys.modules.get(absname + "." + item)
                if sub is not None:
                    modules[absname + "." + item] = sub
    return result


VM_BUILTINS["__import__"] = _vm_import


# -- the VM's modules out of the guest's sys.modules ---------------------------------------
# While a guest runs, ``sys.modules`` lists none of evalframe's modules (a
# native run has none; docs/boundary.md).  The VM never needs them there: its
# imports are served from _VM_MODULES, and one that must load a VM module for
# the first time lists the VM's modules again just for that import
# (_import_listed).  A guest that imports evalframe itself gets the VM's own
# package (a second copy would have its own classes and tables): while the
# modules are unlisted, _OwnModulesFinder is first on sys.meta_path and
# serves them, and they are then listed as any import lists them.

_unlisted = [0]          # runs that asked for the VM's modules to be unlisted
_listing = [0]           # _import_listed calls under way (any thread)
_count_lock = _thread.allocate_lock()    # (the counts and what they decide)


def _is_vm_name(name):
    return name == __name__ or name.startswith(__name__ + ".")


def _own_modules():
    return [(n, m) for n, m in list(_VM_MODULES.items()) if _is_vm_name(n)]


def unlist_modules():
    """Take the VM's modules out of sys.modules (and serve a guest's import of
    them from _OwnModulesFinder) until the returned function is called.
    Nested and concurrent runs count: the last one to finish lists them again."""
    with _count_lock:
        _unlisted[0] += 1
        if not _listing[0]:
            # (else the last import under way that listed them unlists them)
            _unlist()
    done = []

    def relist():
        if not done:
            done.append(True)
            with _count_lock:
                _unlisted[0] -= 1
                if not _unlisted[0]:
                    _relist()
    return relist


def _unlist():
    modules = _sys.modules
    for name, mod in _own_modules():
        if modules.get(name) is mod:
            del modules[name]
    meta_path = getattr(_sys, "meta_path", None)
    if isinstance(meta_path, list) and _OwnModulesFinder not in meta_path:
        meta_path.insert(0, _OwnModulesFinder)


def _relist():
    modules = _sys.modules
    for name, mod in _own_modules():
        if name not in modules:
            modules[name] = mod
    meta_path = getattr(_sys, "meta_path", None)
    while isinstance(meta_path, list) and _OwnModulesFinder in meta_path:
        meta_path.remove(_OwnModulesFinder)


def _import_listed(name, globals, locals, fromlist, level, absname):
    """The host's import with the VM's modules listed in sys.modules (the host's
    importlib needs a package there to import its submodules)."""
    with _count_lock:
        _listing[0] += 1
        if _unlisted[0]:
            _relist()
    try:
        return HOST_IMPORT(name, globals, locals, fromlist, level)
    finally:
        with _count_lock:
            _listing[0] -= 1
            if not _listing[0] and _unlisted[0]:
                # a module the guest asked for (C code's import) stays listed
                keep = absname if type(fromlist) is list else None
                _unlist()
                if keep is not None and keep in _VM_MODULES:
                    _sys.modules[keep] = _VM_MODULES[keep]


class _OwnModulesFinder:
    """Finds evalframe's own modules for an import made while they are not
    listed in sys.modules: the loaded module itself, never a second copy."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        mod = _VM_MODULES.get(fullname)
        if mod is None or not _is_vm_name(fullname) or (
                fullname != __name__ and fullname not in _EXECUTED):
            return None
        spec = getattr(mod, "__spec__", None)
        if spec is None:
            return None
        from importlib.machinery import ModuleSpec
        new = ModuleSpec(fullname, cls, origin=spec.origin, loader_state=spec,
                         is_package=spec.submodule_search_locations is not None)
        new.has_location = spec.has_location
        if spec.submodule_search_locations is not None:
            new.submodule_search_locations = spec.submodule_search_locations
        return new

    @staticmethod
    def create_module(spec):
        return _VM_MODULES[spec.name]

    @staticmethod
    def exec_module(module):
        # (the import set this finder's spec: the module keeps its own)
        spec = module.__spec__
        if spec is not None and spec.loader is _OwnModulesFinder:
            module.__spec__ = spec.loader_state


def _unlist_at_exit():
    """At interpreter exit, after every other atexit callback (this one is
    registered first, so it runs last), take the VM's modules out of
    sys.modules.  The host's finalization wipes the namespace of each module
    still listed there (their globals become None); guest objects freed after
    that (a ``__del__``, a suspended generator's ``finally``) still run in the
    VM, so its modules must stay whole, as CPython's own C code does."""
    modules = _sys.modules
    t2attr = _VM_MODULES.get(__name__ + ".interpreter.t2attr")
    if t2attr is not None:
        t2attr.disarm_all()
    _cache_lazy_imports(modules)
    for name, mod in list(_VM_MODULES.items()):
        if (name == __name__ or name.startswith(__name__ + ".")) and modules.get(name) is mod:
            del modules[name]


def _cache_lazy_imports(modules):
    """Before the host's finalization empties sys.meta_path (no import works
    then), give _VM_MODULES every host module the VM's functions name that is
    already loaded (``import _thread`` inside a function: a finalizer's
    traceback needs it at exit).  Nothing new is imported."""
    # (the loaded ones first, by the dict's own intersection: about 2,500 names,
    # 1.7 M host instructions of every exit as a loop here)
    names = _names_of_vm_code()
    if isinstance(modules, dict):
        names = modules.keys() & names
    for name in names:
        if name not in _VM_MODULES and name in modules:
            mod = modules.get(name)
            if mod is not None:
                _VM_MODULES[name] = mod


def _walk_vm_code():
    """Every name (co_names) the code of the VM's loaded modules uses."""
    names = set()
    seen = set()
    codes = []
    for name, mod in list(_VM_MODULES.items()):
        if not (name == __name__ or name.startswith(__name__ + ".")):
            continue
        for obj in list(vars(mod).values()):
            objs = list(vars(obj).values()) if isinstance(obj, type) else [obj]
            for o in objs:
                code = getattr(getattr(o, "__func__", o), "__code__", None)
                if code is not None and id(code) not in seen:
                    seen.add(id(code))
                    codes.append(code)
    while codes:
        code = codes.pop()
        names.update(code.co_names)
        for const in code.co_consts:
            if hasattr(const, "co_names") and id(const) not in seen:
                seen.add(id(const))
                codes.append(const)
    return names


# The names the VM's code uses, cached in evalframe's __pycache__ (walking
# every code object cost about 2 ms of every run's exit): one entry per set of
# loaded VM modules, valid while each module's source has the same mtime and
# size, as CPython validates a .pyc.  Written unless sys.dont_write_bytecode.
_NAMES_CACHE_ENTRIES = 8


def _names_cache_path():
    directory = _os.path.dirname(_os.path.abspath(__file__))
    filename = "vmnames.%s.marshal" % (_sys.implementation.cache_tag or "none")
    prefix = getattr(_sys, "pycache_prefix", None)
    if prefix:
        return _os.path.join(prefix, directory.lstrip(_os.sep), filename)
    return _os.path.join(directory, "__pycache__", filename)


def _file_stamp(path):
    st = _os.stat(path)
    return st.st_mtime_ns, st.st_size


def _vm_code_key():
    """(module name, source mtime_ns, size) of each loaded VM module, or None."""
    key = []
    for name, mod in list(_VM_MODULES.items()):
        if not (name == __name__ or name.startswith(__name__ + ".")):
            continue
        path = getattr(mod, "__file__", None)
        if not isinstance(path, str):
            return None
        try:
            key.append((name,) + _file_stamp(path))
        except OSError:
            return None
    return tuple(sorted(key))


def _names_of_vm_code():
    import marshal
    try:
        key = _vm_code_key()
    except Exception:
        key = None
    if key is None:
        return _walk_vm_code()
    path = _names_cache_path()
    entries = {}
    try:
        with open(path, "rb") as f:
            entries = marshal.loads(f.read())
        if type(entries) is not dict:
            entries = {}
    except Exception:   # (absent, unreadable, or another version's format)
        entries = {}
    text = entries.get(key)
    if type(text) is str:
        return text.split("\n")
    names = _walk_vm_code()
    if not _sys.dont_write_bytecode:
        entries.pop(key, None)
        entries[key] = "\n".join(sorted(names))    # (one string: quick to load)
        while len(entries) > _NAMES_CACHE_ENTRIES:
            del entries[next(iter(entries))]
        tmp = "%s.%d.tmp" % (path, _os.getpid())
        try:
            _os.makedirs(_os.path.dirname(path), exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(marshal.dumps(entries))
            _os.replace(tmp, path)
        except OSError:
            try:
                _os.unlink(tmp)
            except OSError:
                pass
    return names


import atexit as _atexit  # noqa: E402
_atexit.register(_unlist_at_exit)


def _seal_package():
    """Make every ``evalframe.*`` module load with VM_BUILTINS.

    Functions take their builtins from ``globals()['__builtins__']`` when they
    are created, so the module's namespace must hold the snapshot before its
    body runs.  The host's path machinery finds submodules through
    ``sys.path_importer_cache[directory]``: each directory of this package gets
    a FileFinder whose loader puts the snapshot in first.  One place, nothing
    in the modules themselves.
    """
    from importlib.machinery import FileFinder, SourceFileLoader, SOURCE_SUFFIXES

    class SealedSourceLoader(SourceFileLoader):
        # A VM module runs once per process: imported again after someone
        # deleted it from sys.modules, it is the same module object (a second
        # copy would have its own classes and handler tables), as a
        # single-phase C extension module is.
        def create_module(self, spec):
            if spec.name in _EXECUTED:
                return _VM_MODULES[spec.name]
            return None

        def exec_module(self, module):
            name = module.__name__
            if name in _EXECUTED and _VM_MODULES.get(name) is module:
                return
            module.__dict__["__builtins__"] = VM_BUILTINS
            _VM_MODULES[name] = module
            try:
                super().exec_module(module)
            except BaseException:
                del _VM_MODULES[name]
                raise
            _EXECUTED.add(name)

    for path in __path__:
        for dirpath, dirnames, _files in _os.walk(path):
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
            if _os.path.isfile(_os.path.join(dirpath, "__init__.py")):
                _sys.path_importer_cache[dirpath] = FileFinder(
                    dirpath, (SealedSourceLoader, SOURCE_SUFFIXES))


_seal_package()

__version__ = "0.1.0"

__all__ = ["VM", "compile", "run_source", "run_file", "dis"]


def __getattr__(name):
    # evalframe.VM (evalframe/embed.py), loaded when first asked for
    if name == "VM":
        from .embed import VM
        return VM
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def compile(source, filename="<string>", mode="exec", flags=0, dont_inherit=False,
            optimize=-1):
    """Compile ``source`` to an evalframe ``Code`` object, as CPython 3.10 would."""
    from .compiler import compile_source
    return compile_source(source, filename, mode, flags, dont_inherit, optimize)


def run_source(source, globals=None, filename="<string>"):
    """Compile and run ``source`` in a new VM; return the globals it ran in.

    Each call is a fresh ``evalframe.VM``: a ``sys.settrace`` or
    ``sys.setrecursionlimit`` made by the guest ends with the call."""
    from .embed import VM
    with VM() as vm:
        return vm.run_source(source, globals, filename)


def run_file(path, globals=None):
    """Run the file at ``path`` in a new VM; return the globals it ran in."""
    from .embed import VM
    with VM() as vm:
        return vm.run_file(path, globals)


def dis(x=None, file=None):
    """Disassemble ``x`` (source text, a Code, or a guest function) like 3.10's dis."""
    from .tools import disasm
    if isinstance(x, (str, bytes)):
        x = compile(x, "<dis>")
    return disasm.dis(x, file=file)
