"""The guest's ``__import__``: one function, so the VM importer can replace it.

Mirrors builtin___import__ (Python/bltinmodule.c).  For now it is the host's
import (modules are run by the host); evalframe's importer swaps
``vm_import`` for one that runs module code in the VM (set_import_hook).
"""

import builtins as _host_builtins

_host_import = _host_builtins.__import__
_hook = None


def set_import_hook(func):
    """Route every guest import through ``func`` (same signature as __import__)."""
    global _hook
    _hook = func


# Host modules a guest import gets a VM-aware stand-in for: the host's C
# profiler core would time the VM itself (runtime/lsprof.py).
GUEST_SUBSTITUTES = {"_lsprof": "evalframe.runtime.lsprof"}


def vm_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name in GUEST_SUBSTITUTES:
        import importlib
        return importlib.import_module(GUEST_SUBSTITUTES[name])
    if _hook is not None:
        return _hook(name, globals, locals, fromlist, level)
    module = _host_import(name, globals, locals, fromlist, level)
    from . import builtins as _rb
    _rb.after_import()
    return module
