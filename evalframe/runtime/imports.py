"""The guest's ``__import__``: the host's import, then the late host patches.

Mirrors builtin___import__ (Python/bltinmodule.c).  The import itself is the
host's (evalframe.importer's finder on sys.meta_path runs the modules it selects
in the VM); afterwards the call intercepts and host patches for modules the
guest may have just imported are set up (runtime/builtins.after_import).
"""

import builtins as _host_builtins
import importlib

_host_import = _host_builtins.__import__
host_import = _host_import   # (the host's own, for the call intercepts)
host_import_module = importlib.import_module


# Host modules a guest import gets a VM-aware stand-in for: the host's C
# profiler core would time the VM itself (runtime/lsprof.py).
GUEST_SUBSTITUTES = {"_lsprof": "evalframe.runtime.lsprof"}


def vm_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name in GUEST_SUBSTITUTES:
        # (the VM's own import: the VM's modules are not in sys.modules)
        return __import__(GUEST_SUBSTITUTES[name], None, None, ("__name__",), 0)
    module = _host_import(name, globals, locals, fromlist, level)
    from . import builtins as _rb
    _rb.after_import()
    return module


def vm_import_module(name, package=None):
    """importlib.import_module called by guest code: the host's, then the late
    host patches, as after an import statement (``signal`` imported this way
    gets its routing: runtime/signals.py)."""
    module = host_import_module(name, package)
    from . import builtins as _rb
    _rb.after_import()
    return module
