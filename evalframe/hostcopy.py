"""Private copies of the host library modules the VM's own code calls.

No CPython counterpart: CPython's import machinery, path handling and parser are
C or frozen code whose builtins a program cannot rebind out from under them in the
middle of an import.  evalframe's own modules run with a builtins snapshot
(``evalframe.VM_BUILTINS``, docs/boundary.md), but when they call a pure-Python
host module (``posixpath`` for the importer's policy checks) that module looks its
builtins up in the guest-visible ``builtins`` namespace, where a guest may have put
``None`` or a counting wrapper.  ``module(name)`` gives a copy of such a module,
executed from the host's own code for it (frozen, cached bytecode or source) with
the snapshot as ``__builtins__`` and never entered in
``sys.modules``, so it is the VM's alone.
"""

import importlib.util
import sys
import types

from . import VM_BUILTINS

_COPIES = {}


def module(name):
    """A private copy of host module ``name`` (its code run with VM_BUILTINS).

    Falls back to the shared host module when it has no Python code to run
    (an extension): it is then C code, which reads no builtins.
    """
    mod = _COPIES.get(name)
    if mod is not None:
        return mod
    host = sys.modules.get(name) or importlib.import_module(name)
    path = getattr(host, "__file__", None)
    code = _host_code(host, name, path)
    if code is None:
        mod = host
    else:
        mod = types.ModuleType(name, host.__doc__)
        mod.__file__ = path
        mod.__dict__["__builtins__"] = VM_BUILTINS
        exec(code, mod.__dict__)
    _COPIES[name] = mod
    return mod


def _host_code(host, name, path):
    """The host module's code object, as the host's own loader gives it: the
    frozen code or the ``__pycache__`` bytecode (compiling the source on every
    start cost evalframe's start-up about 4 ms).  None when it is not Python."""
    spec = getattr(host, "__spec__", None)
    loader = getattr(spec, "loader", None)
    get_code = getattr(loader, "get_code", None)
    if get_code is not None:
        try:
            code = get_code(name)
        except (ImportError, OSError, SyntaxError):
            code = None
        if code is not None:
            return code
    if not (path and path.endswith(".py")):
        return None
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError:
        return None
    return compile(source, path, "exec", dont_inherit=True)
