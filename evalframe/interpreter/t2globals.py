"""LOAD_GLOBAL in lean tier-2 code: one dict lookup where the declaration's
exact line makes two.

Mirrors what CPython 3.11's LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN buy for
exact dicts (Python/ceval.c; _PyDict_LoadGlobal in Objects/dictobject.c for
the order: the globals, then the builtins, then the NameError).

bytecodes.py's "if exact" line, ``globals[n] if n in globals else builtins[n]
if n in builtins else load_global_slow(f, n)``, looks a global up twice and a
builtin three times.  A lean function (tier2._Lean: exact dicts bound once)
writes instead, per name, a host ``try`` around one subscript (a ``try`` costs
nothing on the host until it catches):

* a name the host's builtins module does not have (a module's function,
  class or constant): ``try: t = globals_[n]``, the builtins (and the
  NameError) only in ``except KeyError``;
* a builtin's name (``len``, ``range``...): ``try: t = builtins_[n] if n not
  in globals_ else globals_[n]``: a module global shadowing it is still
  found first; the NameError in ``except KeyError``.

Which form a name gets is a guess made once at translation (a KeyError caught
costs a microsecond, so a builtin read through the first form would pay one
at every use); either form gives the same value and error for every name.
The slow path runs inside the ``except KeyError`` clause, where a raised
NameError would get the host's KeyError as its ``__context__``: ``missed``
gives it the context it would have had without the ``try``, the KeyError's
own (tests/guest/programs/lean_global_lookups.py).
"""

import builtins as _host_builtins
import sys

from ..objects import excslots as _x
from .ops.names import load_global_slow

_BUILTIN_NAMES = frozenset(vars(_host_builtins))


def emit_load_global(g, name):
    """Push the value of global ``name`` (lean group ``g``)."""
    t = g.temp()
    p = g.param(name)
    if name in _BUILTIN_NAMES:
        g.emit("try: %s = builtins_[%s] if %s not in globals_ else globals_[%s]"
               % (t, p, p, p))
        g.emit("except KeyError: %s = global_missed(mat(fr), %s)" % (t, p))
    else:
        g.emit("try: %s = globals_[%s]" % (t, p))
        g.emit("except KeyError: %s = builtins_[%s] if %s in builtins_ else "
               "global_missed(mat(fr), %s)" % (t, p, p, p))
    g.push(t)


def missed(f, name):
    """load_global_slow from the ``except KeyError`` clause of a lean
    function's LOAD_GLOBAL: an exception it raises keeps the context the
    KeyError had (the exception the host was handling when it was raised),
    not the KeyError."""
    context = _x.get_context(sys.exc_info()[1])
    try:
        return load_global_slow(f, name)
    except BaseException as e:
        _x.set_context(e, context)
        e = None
        raise
    finally:
        context = None


NAMESPACE = {"global_missed": missed}
