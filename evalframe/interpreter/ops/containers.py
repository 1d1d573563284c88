"""The slow paths of the container opcodes declared in interpreter/bytecodes.py:
unpacking, merging, and PRINT_EXPR's display hook.

Mirrors those cases of Python/ceval.c (3.10), with CPython's error texts:
unpack_iterable (UNPACK_SEQUENCE, UNPACK_EX), list_extend, dict_update and
dict_merge (_PyDict_MergeEx).  The opcodes themselves (builders, dict
displays, appends, f-strings) are declared in bytecodes.py.
"""

import sys

from ...objects.cellobject import NULL


def function_str(func):
    """_PyObject_FunctionStr: 'mod.qualname()' for messages about calls."""
    try:
        qualname = func.__qualname__
    except Exception:
        return str(func)
    if not isinstance(qualname, str):
        return str(func)
    try:
        module = func.__module__
    except Exception:
        module = None
    if isinstance(module, str) and module != "builtins":
        return "%s.%s()" % (module, qualname)
    return "%s()" % qualname


def _is_iterable(obj):
    tp = type(obj)
    return getattr(tp, "__iter__", None) is not None or hasattr(tp, "__getitem__")


def list_extend(lst, iterable):
    """The slow path of LIST_EXTEND (bytecodes.py): any iterable, CPython's error."""
    try:
        lst.extend(iterable)
    except TypeError:
        if _is_iterable(iterable):
            raise
    else:
        return
    # (raised outside the except clause: the guest's handled exception, not
    # the host's TypeError, is its context, as with _PyErr_Format)
    raise TypeError("Value after * must be an iterable, not %s" % type(iterable).__name__)


def dict_update(d, update):
    """The slow path of DICT_UPDATE (bytecodes.py): a mapping that is not a dict."""
    keys = getattr(update, "keys", NULL)
    if keys is NULL:
        raise TypeError("'%s' object is not a mapping" % type(update).__name__)
    for k in keys():
        d[k] = update[k]


def dict_merge(func, d, update):
    """The slow path of DICT_MERGE (bytecodes.py; _PyDict_MergeEx with override=2):
    a non-dict mapping, or keys to check for repeats; ``func`` names the
    callee in the errors."""
    if type(update) is dict:
        items = update.items()
    else:
        keys = getattr(update, "keys", NULL)
        if keys is NULL:
            raise TypeError("%s argument after ** must be a mapping, not %s"
                            % (function_str(func), type(update).__name__))
        items = [(k, update[k]) for k in keys()]
    for k, v in items:
        if k in d:
            raise TypeError("%s got multiple values for keyword argument '%s'"
                            % (function_str(func), k))
        d[k] = v


def unpack_iterable(seq, argcnt, argcntafter):
    """unpack_iterable: the items of ``seq`` (argcnt, then a list, then argcntafter)."""
    # Errors are raised outside except clauses, so that their context is the
    # guest's handled exception (as _PyErr_Format's), not a host StopIteration.
    try:
        it = iter(seq)
    except TypeError:
        if _is_iterable(seq):
            raise
        it = NULL
    if it is NULL:
        raise TypeError("cannot unpack non-iterable %s object" % type(seq).__name__)
    out = []
    for i in range(argcnt):
        try:
            out.append(next(it))
        except StopIteration:
            break
    if len(out) < argcnt:
        if argcntafter == -1:
            raise ValueError("not enough values to unpack (expected %d, got %d)"
                             % (argcnt, len(out)))
        raise ValueError("not enough values to unpack (expected at least %d, got %d)"
                         % (argcnt + argcntafter, len(out)))
    if argcntafter == -1:
        try:
            next(it)
        except StopIteration:
            return out
        raise ValueError("too many values to unpack (expected %d)" % argcnt)
    rest = list(it)
    if len(rest) < argcntafter:
        raise ValueError("not enough values to unpack (expected at least %d, got %d)"
                         % (argcnt + argcntafter, argcnt + len(rest)))
    if argcntafter:
        out.append(rest[:len(rest) - argcntafter])
        out.extend(rest[len(rest) - argcntafter:])
    else:
        out.append(rest)
    return out


def displayhook():
    """The display hook (PRINT_EXPR): sys.displayhook, looked up at each use."""
    hook = getattr(sys, "displayhook", None)
    if hook is None:
        raise RuntimeError("lost sys.displayhook")
    return hook
