"""Calls and function creation.

Mirrors the CALL_FUNCTION, CALL_FUNCTION_KW, CALL_FUNCTION_EX,
CALL_METHOD, MAKE_FUNCTION and LOAD_BUILD_CLASS cases of Python/ceval.c (3.10).
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
from . import handler, arg_decoder


def _with_index(code, index, arg, darg):
    # Call opcodes carry their own instruction index, so a host callee that
    # inspects the calling frame (warnings, sys._getframe().f_lineno,
    # inspect.stack) sees an up-to-date f_lasti.
    return (darg, index)


for _name in ("CALL_FUNCTION", "CALL_FUNCTION_KW", "CALL_FUNCTION_EX", "CALL_METHOD"):
    arg_decoder(_name)(_with_index)


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
def CALL_FUNCTION_EX(f, stack, arg):
    "(func, callargs, kwargs if (oparg & 1) -- result)"
    flags, f._lasti = arg
    kwargs = None
    if flags & 1:
        kwargs = stack.pop()
        if type(kwargs) is not dict:
            d = {}
            dict_merge(stack[-2], d, kwargs)
            kwargs = d
    callargs = stack.pop()
    func = stack.pop()
    if type(callargs) is not tuple:
        try:
            callargs = list(callargs)
        except TypeError:
            tp = type(callargs)
            if getattr(tp, "__iter__", None) is not None or hasattr(tp, "__getitem__"):
                raise
            callargs = NULL
        if callargs is NULL:
            # (outside the except clause: the guest's handled exception is the
            # context, not the host's TypeError)
            raise TypeError("%s argument after * must be an iterable, not %s"
                            % (function_str(func), tp.__name__))
    else:
        callargs = list(callargs)
    return call_push(stack, func, callargs, kwargs)


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


@handler
def MAKE_FUNCTION(f, stack, flags):
    "(defaults, kwdefaults, annotations, closure, code, qualname -- func)"
    qualname = stack.pop()
    code = stack.pop()
    # (the function's builtins are the globals' __builtins__ now, as
    # _PyEval_BuiltinsFromGlobals: a module may have rebound it since its frame began)
    g = f.f_globals
    b = dict.get(g, "__builtins__", f.f_builtins)
    func = Function(code, g, qualname=qualname, builtins=b if type(b) is dict else None)
    if flags & 0x08:
        func._closure = stack.pop()
    if flags & 0x04:
        func._annotations = stack.pop()
    if flags & 0x02:
        func._kwdefaults = stack.pop()
    if flags & 0x01:
        func._defaults = stack.pop()
    if flags & 0x09:
        func._update_fast()
    stack.append(func)


@handler
def LOAD_BUILD_CLASS(f, stack, arg):
    "( -- __build_class__)"
    b = f.f_builtins
    try:
        stack.append(b["__build_class__"])
        return
    except KeyError:
        pass
    raise NameError("__build_class__ not found")
