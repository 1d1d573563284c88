"""Private copies of the host library modules the VM's own code calls.

No CPython counterpart: CPython's import machinery, path handling and parser are
C or frozen code whose builtins a program cannot rebind out from under them in the
middle of an import.  evalframe's own modules run with a builtins snapshot
(``evalframe.VM_BUILTINS``, docs/boundary.md), but when they call a pure-Python
host module (``posixpath`` for the importer's policy checks) that module looks its
builtins up in the guest-visible ``builtins`` namespace, where a guest may have put
``None`` or a counting wrapper.  ``module(name)`` gives a copy of such a module,
executed from its source with the snapshot as ``__builtins__`` and never entered in
``sys.modules``, so it is the VM's alone.
"""

import importlib.util
import sys
import types

from . import VM_BUILTINS

_COPIES = {}


def module(name):
    """A private copy of host module ``name`` (its source run with VM_BUILTINS).

    Falls back to the shared host module when there is no source to run (an
    extension, a frozen module without a file): it is then C code, which reads
    no builtins.
    """
    mod = _COPIES.get(name)
    if mod is not None:
        return mod
    host = sys.modules.get(name) or importlib.import_module(name)
    path = getattr(host, "__file__", None)
    source = None
    if path and path.endswith(".py"):
        try:
            with open(path, "rb") as f:
                source = f.read()
        except OSError:
            source = None
    if source is None:
        mod = host
    else:
        mod = types.ModuleType(name, host.__doc__)
        mod.__file__ = path
        mod.__dict__["__builtins__"] = VM_BUILTINS
        exec(compile(source, path, "exec", dont_inherit=True), mod.__dict__)
    _COPIES[name] = mod
    return mod
