"""The cold paths of the call opcodes.

Mirrors the argument checks of Python/ceval.c's (3.10) CALL_FUNCTION_EX: its
positional arguments from any iterable, its keywords from any mapping, with
CPython's error texts.  The call opcodes themselves are declared in
interpreter/bytecodes.py.
"""


from .containers import function_str, dict_merge


def star_args(func, callargs):
    """The positional arguments of CALL_FUNCTION_EX from a non-tuple: a list, or
    CPython's TypeError naming the callee."""
    try:
        return list(callargs)
    except TypeError:
        tp = type(callargs)
        if getattr(tp, "__iter__", None) is not None or hasattr(tp, "__getitem__"):
            raise
    # (outside the except clause: the guest's handled exception is the
    # context, not the host's TypeError)
    raise TypeError("%s argument after * must be an iterable, not %s"
                    % (function_str(func), tp.__name__))


def kwargs_dict(func, kwargs):
    """The keywords of CALL_FUNCTION_EX from a mapping that is not a dict."""
    d = {}
    dict_merge(func, d, kwargs)
    return d
