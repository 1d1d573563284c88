"""Calls and function creation.

Mirrors the CALL_FUNCTION, CALL_FUNCTION_KW and CALL_METHOD cases of
Python/ceval.c (3.10), and the argument checks of its CALL_FUNCTION_EX (the
opcode, MAKE_FUNCTION and LOAD_BUILD_CLASS are declared in bytecodes.py).
The fast path (a guest Function called with exactly its positional arity) is
inline here; everything else goes to call.call_push, which returns a Frame for
the loop to push (guest callee) or pushes the host result.
"""


from ...objects.cellobject import NULL
from ...objects.frameobject import Frame
from ...objects.funcobject import Function
from ..call import call_push
from ..decode import decode
from .containers import function_str, dict_merge
from . import handler, arg_decoder, with_index


for _name in ("CALL_FUNCTION", "CALL_FUNCTION_KW", "CALL_METHOD"):
    arg_decoder(_name)(with_index)


@handler
def CALL_FUNCTION(f, stack, arg):
    "(callable, args[oparg] -- res)"
    nargs, f._lasti = arg
    if nargs:
        func = stack[-nargs - 1]
        args = stack[-nargs:]
        del stack[-nargs - 1:]
    else:
        args = []
        func = stack.pop()
    if type(func) is Function and func._fast_argcount == nargs:
        code = func._code
        args += func._fast_tail
        return Frame(code, func._globals, func._builtins, None, args,
                     (code._decoded or decode(code)).instrs)
    return call_push(stack, func, args, None)


@handler
def CALL_FUNCTION_KW(f, stack, arg):
    "(callable, args[oparg], kwnames -- res)"
    nargs, f._lasti = arg
    kwnames = stack.pop()
    nkw = len(kwnames)
    func = stack[-nargs - 1]
    allargs = stack[-nargs:] if nargs else []
    del stack[-nargs - 1:]
    npos = nargs - nkw
    kwargs = dict(zip(kwnames, allargs[npos:]))
    del allargs[npos:]
    return call_push(stack, func, allargs, kwargs)


@handler
def CALL_METHOD(f, stack, arg):
    "(meth | NULL, self | callable, args[oparg] -- res)"
    nargs, f._lasti = arg
    meth = stack[-nargs - 2]
    if meth is NULL:
        args = stack[-nargs:] if nargs else []
        func = stack[-nargs - 1]
        del stack[-nargs - 2:]
    else:
        args = stack[-nargs - 1:]
        del stack[-nargs - 2:]
        func = meth
        nargs += 1
    if type(func) is Function and func._fast_argcount == nargs:
        code = func._code
        args += func._fast_tail
        return Frame(code, func._globals, func._builtins, None, args,
                     (code._decoded or decode(code)).instrs)
    return call_push(stack, func, args, None)


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
