"""Names: the locals mapping, class-body cells, annotations, and the cold
paths of the name opcodes declared in interpreter/bytecodes.py.

Mirrors the name cases of Python/ceval.c (3.10) that need more than a line
(the locals mapping, the builtins, late __class__ cells), and its error texts
(format_exc_check_arg / format_exc_unbound): NameError "name 'x' is not
defined", and for unbound locals and free variables the 3.10 or the 3.11+
wording depending on the host.  The name opcodes themselves (fast locals,
globals, the locals mapping, cells, attributes) are declared in bytecodes.py;
their slow and error paths (unbound_local, unbound_deref, load_deref_slow,
load_global_slow, load_global_missed, locals_get, load_name_global) are here.
"""

import sys

from ...objects.cellobject import NULL, Cell, settle_class_cell
from ...objects.excslots import get_context as _get_context, set_context as _set_context

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
    return unbound_free_name(code.co_freevars[i - ncells])


def unbound_free_name(name):
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
    return load_builtin(f, name)




def load_global_missed(f, name):
    """load_global_slow from the ``except KeyError`` clause of LOAD_GLOBAL's
    exact form (bytecodes.py): an exception it raises keeps the context the
    KeyError had (the exception being handled when that was raised), as it
    would have without the host ``try``, not the KeyError."""
    context = _get_context(sys.exc_info()[1])
    try:
        return load_global_slow(f, name)
    except BaseException as e:
        _set_context(e, context)
        e = None
        raise
    finally:
        context = None


def load_builtin(f, name):
    """The builtins' value of ``name`` (an exact dict with .get, else []), or the NameError."""
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


# -- the locals mapping (module and class bodies: LOAD_NAME & co. in bytecodes.py) ---------

def locals_get(mapping, name):
    """``mapping[name]`` of a locals mapping that is not an exact dict, NULL
    when it raises KeyError (PyObject_GetItem, the KeyError cleared)."""
    try:
        return mapping[name]
    except KeyError:
        return NULL


def load_name_global(f, name):
    """LOAD_NAME past the locals mapping: the globals with PyDict_GetItem (no
    __missing__, no method a dict subclass overrides), then the builtins."""
    g = f.f_globals
    value = g.get(name, NULL) if g.__class__ is dict else dict.get(g, name, NULL)
    if value is NULL:
        b = f.f_builtins
        value = b.get(name, NULL) if b.__class__ is dict else NULL
        if value is NULL:
            return load_builtin(f, name)     # (a mapping as builtins, or the NameError)
    return value


def no_locals(what):
    """The SystemError of a name opcode run without a locals mapping."""
    return SystemError("no locals " + what)


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


__all__ = ["Cell"]
