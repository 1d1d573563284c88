"""Imports: the helpers of IMPORT_NAME, IMPORT_FROM and IMPORT_STAR (bytecodes.py).

Mirrors import_name, import_from and import_all_from of Python/ceval.c (3.10),
with the host's "cannot import name" texts.  The import itself goes through
``__import__`` from the frame's builtins (which the VM intercepts and routes to
evalframe.runtime.imports, the one function the importer replaces).
"""

import sys

from ...objects.cellobject import NULL


def import_func(builtins):
    """The __import__ of IMPORT_NAME: the frame's builtins' (PyObject_GetItem)."""
    try:
        return builtins["__import__"]
    except KeyError:
        raise ImportError("__import__ not found") from None


def import_from(v, name):
    try:
        return getattr(v, name)
    except AttributeError:
        pass
    # Issue #17636: circular imports of submodules via sys.modules
    pkgname = getattr(v, "__name__", None)
    if isinstance(pkgname, str):
        fullmodname = "%s.%s" % (pkgname, name)
        mod = sys.modules.get(fullmodname)
        if mod is not None:
            return mod
    else:
        pkgname = "<unknown module name>"
    pkgpath = getattr(v, "__file__", None)
    spec = getattr(v, "__spec__", None)
    initializing = bool(getattr(spec, "_initializing", False)) if spec is not None else False
    if initializing:
        msg = ("cannot import name '%s' from partially initialized module '%s' "
               "(most likely due to a circular import) (%s)" % (name, pkgname, pkgpath))
    elif not isinstance(pkgpath, str):
        msg = "cannot import name '%s' from '%s' (unknown location)" % (name, pkgname)
    else:
        msg = "cannot import name '%s' from '%s' (%s)" % (name, pkgname, pkgpath)
    raise ImportError(msg, name=pkgname, path=pkgpath if isinstance(pkgpath, str) else None)


def import_all_from(locals, v):
    try:
        all_ = v.__all__
        skip_leading_underscores = False
    except AttributeError:
        try:
            d = v.__dict__
        except AttributeError:
            raise ImportError("from-import-* object has no __dict__ and no __all__") from None
        all_ = list(d.keys())
        skip_leading_underscores = True
    for name in all_:
        if not isinstance(name, str):
            modname = getattr(v, "__name__", None)
            if not isinstance(modname, str):
                raise TypeError("module __name__ must be a string, not %s"
                                % type(modname).__name__)
            raise TypeError("%s in %s.%s must be str, not %s" % (
                "Key" if skip_leading_underscores else "Item", modname,
                "__dict__" if skip_leading_underscores else "__all__", type(name).__name__))
        if skip_leading_underscores and name.startswith("_"):
            continue
        locals[name] = getattr(v, name)


__all__ = ["NULL"]
