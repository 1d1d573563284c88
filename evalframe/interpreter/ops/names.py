"""Names: the locals mapping, class-body cells, annotations, and the cold
paths of the name opcodes declared in interpreter/bytecodes.py.

Mirrors the LOAD_NAME, STORE_NAME, DELETE_NAME, DELETE_GLOBAL, LOAD_CLASSDEREF
and SETUP_ANNOTATIONS cases of Python/ceval.c (3.10), and its error texts
(format_exc_check_arg / format_exc_unbound): NameError "name 'x' is not
defined", and for unbound locals and free variables the 3.10 or the 3.11+
wording depending on the host.  The fast locals, globals, cells and
attributes are declared in bytecodes.py; their slow and error paths
(unbound_local, unbound_deref, load_deref_slow, load_global_slow) are here.
"""

import sys

from ...objects.cellobject import NULL, Cell, settle_class_cell
from . import handler

_NEW_MESSAGES = sys.version_info >= (3, 11)


# -- cold error paths -----------------------------------------------------------

def name_error(name):
    exc = NameError("name '%s' is not defined" % name)
    exc.name = name
    return exc


def unbound_local(f, index):
    name = f.f_code.co_varnames[index]
    if _NEW_MESSAGES:
        msg = "cannot access local variable '%s' where it is not associated with a value" % name
    else:
        msg = "local variable '%s' referenced before assignment" % name
    # (format_exc_check_arg gives .name to a NameError only, not to this subclass)
    return UnboundLocalError(msg)


def unbound_deref(f, index):
    """format_exc_unbound: a cell variable is a local, a free one is a NameError."""
    code = f.f_code
    i = index - code.co_nlocals
    ncells = len(code.co_cellvars)
    if i < ncells:
        return unbound_local_name(code.co_cellvars[i])
    name = code.co_freevars[i - ncells]
    if _NEW_MESSAGES:
        msg = ("cannot access free variable '%s' where it is not associated with a"
               " value in enclosing scope" % name)
    else:
        msg = "free variable '%s' referenced before assignment in enclosing scope" % name
    exc = NameError(msg)
    exc.name = name
    return exc


def unbound_local_name(name):
    if _NEW_MESSAGES:
        msg = "cannot access local variable '%s' where it is not associated with a value" % name
    else:
        msg = "local variable '%s' referenced before assignment" % name
    # (format_exc_check_arg gives .name to a NameError only, not to this subclass)
    return UnboundLocalError(msg)


def deref_name(f, index):
    code = f.f_code
    return (code.co_cellvars + code.co_freevars)[index - code.co_nlocals]


# -- fast locals ------------------------------------------------------------------


# -- globals and builtins -------------------------------------------------------------


def load_global_slow(f, name):
    """LOAD_GLOBAL when globals are a dict subclass, or after an exact dict's
    ``get`` missed: a subclass is asked with ``[]`` (its __getitem__ and
    __missing__ run, as PyObject_GetItem; a KeyError means "not there"),
    then the builtins the same way."""
    g = f.f_globals
    if type(g) is not dict:
        try:
            return g[name]
        except KeyError:
            pass
    return _load_builtin(f, name)




def _load_builtin(f, name):
    b = f.f_builtins
    if type(b) is dict:
        value = b.get(name, NULL)
        if value is NULL:
            raise name_error(name)
        return value
    try:
        return b[name]
    except KeyError:
        pass
    # (outside the except clause: no host KeyError as the NameError's context)
    raise name_error(name)


# -- the locals mapping (module and class bodies) --------------------------------------

@handler
def LOAD_NAME(f, stack, name):
    "( -- value)"
    locals = f._f_locals
    if locals is None:
        raise SystemError("no locals when loading %r" % name)
    if type(locals) is dict:
        value = locals.get(name, NULL)
    else:
        try:
            value = locals[name]
        except KeyError:
            value = NULL
    if value is NULL:
        # (LOAD_NAME reads globals with PyDict_GetItem: no __missing__, and
        # no method a dict subclass overrides)
        g = f.f_globals
        value = g.get(name, NULL) if g.__class__ is dict else dict.get(g, name, NULL)
        if value is NULL:
            value = _load_builtin(f, name)
    stack.append(value)


@handler
def STORE_NAME(f, stack, name):
    "(value -- )"
    locals = f._f_locals
    if locals is None:
        raise SystemError("no locals found when storing %r" % name)
    locals[name] = stack.pop()


@handler
def DELETE_NAME(f, stack, name):
    "( -- )"
    locals = f._f_locals
    if locals is None:
        raise SystemError("no locals when deleting %r" % name)
    try:
        del locals[name]
    except KeyError:
        pass
    else:
        return
    raise name_error(name)


# -- cells ----------------------------------------------------------------------------

# (LOAD_CLOSURE, the cell loads and stores: interpreter/bytecodes.py)

def load_deref_slow(f, index):
    """An empty cell: a __class__ cell the metaclass has filled on the host
    side already (cellobject.settle_class_cell), else the error."""
    cell = f.f_localsplus[index]
    if isinstance(cell, Cell):
        value = settle_class_cell(cell)
        if value is not NULL:
            return value
    raise unbound_deref(f, index)


# -- attributes ------------------------------------------------------------------------


# -- misc ------------------------------------------------------------------------------

@handler
def SETUP_ANNOTATIONS(f, stack, arg):
    "( -- )"
    locals = f._f_locals
    if locals is None:
        raise SystemError("no locals found when setting up annotations")
    if type(locals) is dict:
        if "__annotations__" not in locals:
            locals["__annotations__"] = {}
    else:
        try:
            locals["__annotations__"]
        except KeyError:
            locals["__annotations__"] = {}


__all__ = ["Cell"]
