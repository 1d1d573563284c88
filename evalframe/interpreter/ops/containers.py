"""Containers left to handlers (BUILD_MAP, BUILD_CONST_KEY_MAP, PRINT_EXPR), and the
slow paths of the unpacking and merging opcodes declared in interpreter/bytecodes.py.

Mirrors those cases of Python/ceval.c (3.10), with CPython's error texts:
unpack_iterable (UNPACK_SEQUENCE, UNPACK_EX), list_extend, dict_update and
dict_merge (_PyDict_MergeEx).  The other builders, appends and f-string
opcodes are declared in bytecodes.py.
"""

import sys

from ...objects.cellobject import NULL
from . import handler


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


@handler
def BUILD_MAP(f, stack, count):
    "(values[oparg*2] -- map)"
    d = {}
    if count:
        items = stack[-2 * count:]
        del stack[-2 * count:]
        for i in range(0, 2 * count, 2):
            d[items[i]] = items[i + 1]
    stack.append(d)


@handler
def BUILD_CONST_KEY_MAP(f, stack, count):
    "(values[oparg], keys -- map)"
    keys = stack.pop()
    if type(keys) is not tuple or len(keys) != count:
        raise SystemError("bad BUILD_CONST_KEY_MAP keys argument")
    if count:
        values = stack[-count:]
        del stack[-count:]
        stack.append(dict(zip(keys, values)))
    else:
        stack.append({})


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


_CONVERSIONS = (None, str, repr, ascii)


@handler
def PRINT_EXPR(f, stack, arg):
    "(value -- )"
    value = stack.pop()
    hook = getattr(sys, "displayhook", None)
    if hook is None:
        raise RuntimeError("lost sys.displayhook")
    from ..call import call_object
    call_object(hook, (value,))
