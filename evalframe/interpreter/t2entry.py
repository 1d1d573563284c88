"""Call entries: a guest function's lean tier-2 function called with the
arguments of one call shape (how many positional ones, which keywords).

Mirrors CPython 3.11's specialised CALL instructions (Python/specialize.c:
CALL_PY_WITH_DEFAULTS beside CALL_PY_EXACT_ARGS) and the binder they skip
(Python/ceval.c initialize_locals): a call whose arguments fill the callee's
parameters without an error, once the function's defaults, keyword-only
defaults, ``*args`` tuple and ``**kwargs`` dict are added, is the same
binding at every call of that shape.  So, per function and shape, a small
host function is made once (``entry``): it takes the call's arguments in the
caller's order and calls the lean function with the parameters in the
callee's order:

    def entry(tstate, a0, a1, frame0=OUTSIDE):   # f(x, b=y) of def f(a, b=2, *, c=3)
        k0 = kd.get('c', NULL)
        if k0 is NULL: return slow(tstate, fref(), [a0, a1], ('b',))
        return lean(tstate, a0, a1, k0, (a0 := None) or (a1 := None) or frame0)

* Positional defaults are the values of ``__defaults__`` when the entry was
  made (a tuple: assigning ``__defaults__``, ``__kwdefaults__`` or
  ``__code__`` drops the function's entries, Function._update_fast);
  keyword-only defaults are read from the ``__kwdefaults__`` dict at each
  call, as the binder reads them (the guest may change the dict in place);
  one missing sends the call to the binder (``slow``: its error text).
* The arguments are moved (the last argument, the callee's ``frame0``, is
  the call site's, None from lean code, and clears the entry's own
  references on the way: t2frames.OUTSIDE): the callee alone holds them
  while it runs, as a 3.11+ call of a Python function, and as the direct
  calls of tier2.py do.
* The entry holds the function weakly (``fref``, read only on the error
  path): the function holds its entries, and a cycle would keep it alive
  until a collection, where CPython frees it at its last reference.
* A shape the binder would refuse (too many positional arguments, an
  unexpected or repeated keyword, a missing argument without a default) gets
  no entry (None): the binder raises its error.

A function whose code has no lean function (handlers: try/except/finally)
gets the call form of its frame-based tier-2 function for its exact arity
(tier2.bound_call: the same body after a prologue of its own, no host frame
between); where there is none (the translation failed), an entry
(``frame_entry``): it calls the code's frame-based tier-2 function, which
makes its Frame, with the arguments in a new list (that list becomes the
Frame's fast locals), as tier2.call_any did at every call.

The entry's source is made per shape and compiled once (``_FACTORIES``,
keyed by the source), then bound per function; its host file is in the
package directory, so guest tracebacks drop it as they drop the VM's own
frames.  A call through an entry costs one host call more than an
exact-arity call of the lean function.
"""

import os
from weakref import ref as _weakref

from ..objects.cellobject import NULL
from .t2frames import OUTSIDE

_CO_VARARGS = 0x4
_CO_VARKEYWORDS = 0x8

_FILENAME = os.path.join(os.path.dirname(os.path.abspath(__file__)), "<tier2 entry>")

# entry source -> its compiled factory (shapes repeat across functions)
_FACTORIES = {}
MAX_FACTORIES = 2000


def plan(code, npos, kwnames):
    """For each of ``code``'s parameters, in order (positional, keyword-only,
    then ``*args`` and ``**kwargs``), where its value comes from: ``("a", i)``
    the call's i-th argument, ``("d", j)`` the j-th positional parameter's
    default, ``("k", name)`` the keyword-only default, ``("*", i)`` the tuple
    of the arguments from i on, ``("**", [(name, i)..])`` the dict of the
    keywords that name no parameter; None where the binder must decide (its
    error)."""
    argcount = code.co_argcount
    total = argcount + code.co_kwonlyargcount
    flags = code.co_flags
    if npos > argcount and not flags & _CO_VARARGS:
        return None
    given = [None] * total
    for i in range(min(npos, argcount)):
        given[i] = ("a", i)
    names = code.co_varnames
    extra = []
    for k, name in enumerate(kwnames):
        try:
            j = names.index(name, code.co_posonlyargcount, total)
        except ValueError:
            if not flags & _CO_VARKEYWORDS or name in dict(extra):
                return None
            extra.append((name, npos + k))
            continue
        if given[j] is not None:
            return None
        given[j] = ("a", npos + k)
    for j in range(total):
        if given[j] is None:
            given[j] = ("d", j) if j < argcount else ("k", names[j])
    if flags & _CO_VARARGS:
        given.append(("*", argcount))
    if flags & _CO_VARKEYWORDS:
        given.append(("**", extra))
    return given


def _source(given, nargs, kwnames, first_default):
    """The factory's source for one plan and the indices in ``__defaults__``
    of the defaults it takes (None: a positional parameter without a
    default)."""
    args = ["a%d" % i for i in range(nargs)]
    values, closure, checks = [], [], []
    for kind, x in given:
        if kind == "a":
            values.append(args[x])
        elif kind == "d":
            if x < first_default:
                return None
            closure.append(x - first_default)
            values.append("d%d" % closure[-1])
        elif kind == "k":
            k = "k%d" % len(checks)
            checks.append("        %s = kd.get(%r, NULL)\n" % (k, x))
            checks.append("        if %s is NULL: return slow(tstate, fref(), [%s], %r)\n"
                          % (k, ", ".join(args), tuple(kwnames)))
            values.append(k)
        elif kind == "*":
            rest = args[x:nargs - len(kwnames)]
            values.append("(%s)" % "".join(a + ", " for a in rest))
        else:
            values.append("{%s}" % ", ".join("%r: %s" % (name, args[i]) for name, i in x))
    # (the arguments dropped, then the call site's frame0 passed on: None
    # from lean code, else OUTSIDE, t2frames)
    moved = " or ".join(["(%s := None)" % a for a in args] + ["frame0"])
    return ("def make(lean, fref, slow, kd, %s):\n"
            "    def entry(tstate%s, frame0=OUTSIDE):\n"
            "%s"
            "        return lean(tstate%s%s)\n"
            "    return entry\n"
            % ("".join("d%d, " % c for c in closure), "".join(", " + a for a in args),
               "".join(checks), "".join(", " + v for v in values),
               ", " + moved), closure)


def entry_for(func, lean, nargs, kwnames, slow):
    """The entry calling ``lean`` (``func``'s lean function) with ``nargs``
    arguments of which the last ``len(kwnames)`` are the keywords
    ``kwnames``, or None (the binder decides: an error, or a shape beyond
    this module)."""
    code = func._code
    given = plan(code, nargs - len(kwnames), kwnames)
    if given is None:
        return None
    if given == [("a", i) for i in range(nargs)]:
        return lean         # (the arguments are the parameters, in order)
    defaults = func._defaults
    if defaults is not None and type(defaults) is not tuple:
        return None
    ndef = len(defaults) if defaults else 0
    kd = func._kwdefaults
    if any(kind == "k" for kind, _ in given) and type(kd) is not dict:
        return None
    made = _source(given, nargs, kwnames, code.co_argcount - ndef)
    if made is None:
        return None
    src, used = made
    make = _factory(src)
    if make is None:
        return None
    return make(lean, _weakref(func), slow, kd, *[defaults[i] for i in used])


def _factory(src):
    make = _FACTORIES.get(src)
    if make is None:
        if len(_FACTORIES) >= MAX_FACTORIES:
            return None
        ns = {"NULL": NULL, "OUTSIDE": OUTSIDE}
        exec(compile(src, _FILENAME, "exec"), ns)
        make = _FACTORIES[src] = ns["make"]
    return make


def frame_entry(func, decoded):
    """The exact-arity entry of ``func``, whose code is in tier 2 without a
    lean function: ``decoded.t2`` (read at each call: the deferred stub
    replaces itself, a translation failing leaves tier 1's runner) called
    with a Frame made from the arguments; or None (too many factories).
    (``frame0``: the call sites' moving expression, unused here: only the
    lean functions take it.)"""
    args = ["a%d" % i for i in range(func._fast_argcount)]
    src = ("def make(d, fref):\n"
           "    def entry(tstate%s, frame0=OUTSIDE):\n"
           "        args = [%s]\n"
           "%s"
           "        return d.t2(None, tstate, 0, fref(), args)\n"
           "    return entry\n"
           % ("".join(", " + a for a in args), ", ".join(args),
              # (the list alone holds the arguments: it is the callee's
              # fast locals, so a ``del`` there frees them, as on 3.11)
              "        %s = None\n" % " = ".join(args) if args else ""))
    make = _factory(src)
    return make(decoded, _weakref(func)) if make is not None else None
