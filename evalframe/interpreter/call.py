"""Calling: the fast path, the general argument binder, and host calls.

Mirrors Python/ceval.c of 3.10: call_function / _PyFunction_Vectorcall (the
fast path: exact positional arity, no keywords, no cells: the new frame's
fast locals are the caller's arguments), _PyEval_MakeFrameVector (the general
binder, with CPython's TypeError texts: too_many_positional,
missing_arguments, positional_only_passed_as_keyword...), do_call_core, and
the vectorcall of bound methods (a host ``types.MethodType`` whose __func__ is
a guest Function stays a guest call) and of ``type.__call__`` (a class whose
__init__ is a guest function gets its __init__ frame pushed inline).

``call_push`` is what the call opcodes use: it either returns a new Frame for
the eval loop to push (guest callee: no host recursion) or calls the host
object and pushes the result.  ``call_from_host`` is the entry used when host
code calls a guest function (Function.__call__).
"""

import sys
from sys import exc_info as _exc_info
from types import MethodType, FunctionType, BuiltinFunctionType, FrameType as _FrameType

from ..objects import excslots as _excslots
from ..objects.cellobject import NULL, Cell
from ..objects.codeobject import (CO_VARARGS, CO_VARKEYWORDS, CO_GENERATOR, CO_NEWLOCALS,
                                  CO_COROUTINE, CO_ASYNC_GENERATOR)
from ..objects.funcobject import Function, set_call_hook
from ..objects.genobject import Generator as _Generator
from .decode import decode
from . import pystate
from . import tier2 as _tier2

GEN_FLAGS = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR

# Host callables whose behaviour depends on the guest's frame or thread
# state (sys._getframe, sys.exc_info, locals, exec, super, __build_class__,
# __import__...): host callable -> VM replacement.  Filled by
# evalframe.runtime.builtins; looked up only for host functions/builtins.
INTERCEPTS = {}
# Classes called like functions that need the VM (super): class -> replacement.
TYPE_INTERCEPTS = {}
# The value of INTERCEPTS for the builtins of tier2gen.CONSUMERS that are
# functions: no replacement, but call_host hands a generator argument to
# tier2gen.consume (a test only where INTERCEPTS found an entry: none in the
# path of every other builtin call); plain_callables counts them plain.
CONSUMES = object()
for _name in ("sum", "min", "max", "any", "all"):
    INTERCEPTS[getattr(__import__("builtins"), _name)] = CONSUMES
del _name

_type_call = type.__dict__["__call__"]
_object_init = object.__init__
_get_tstate = pystate.get_tstate
_handled = pystate.handled
_HOST_NEST_DEPTH = pystate.HOST_NEST_DEPTH


# -- the general binder ---------------------------------------------------------

def _kwindex(code, d):
    """name -> fast-local index for the parameters that may be passed by keyword
    (cached on the code's Decoded)."""
    names = code.co_varnames
    start = code.co_posonlyargcount
    end = code.co_argcount + code.co_kwonlyargcount
    kwindex = d.kwindex = {names[i]: i for i in range(start, end)}
    return kwindex


def _names_list(names):
    """'a'; 'a' and 'b'; 'a', 'b', and 'c' (format_missing in ceval.c)."""
    names = ["'%s'" % n for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return "%s and %s" % (names[0], names[1])
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _missing_arguments(func, code, fast, kwonly, defcount):
    if kwonly:
        start = code.co_argcount
        end = start + code.co_kwonlyargcount
        kind = "keyword-only"
    else:
        start = 0
        end = code.co_argcount - defcount
        kind = "positional"
    missing = [code.co_varnames[i] for i in range(start, end) if fast[i] is NULL]
    return TypeError("%s() missing %d required %s argument%s: %s" % (
        func._qualname, len(missing), kind, "" if len(missing) == 1 else "s",
        _names_list(missing)))


def _unexpected_keyword(func, code, name):
    """The binder's TypeError for a keyword no parameter takes; 3.13+ hosts add
    _Py_CalculateSuggestions' nearest parameter name (suggestions.c)."""
    text = "%s() got an unexpected keyword argument '%s'" % (func._qualname, name)
    if sys.version_info >= (3, 13):
        total = code.co_argcount + code.co_kwonlyargcount
        suggestion = _suggest(code.co_varnames[code.co_posonlyargcount:total], name)
        if suggestion is not None:
            text += ". Did you mean '%s'?" % suggestion
    return TypeError(text)


def _suggest(candidates, name):
    """_Py_CalculateSuggestions: the closest candidate within a third of the
    characters, by the host traceback module's Levenshtein distance."""
    import traceback
    distance = getattr(traceback, "_levenshtein_distance", None)
    if distance is None or len(candidates) >= traceback._MAX_CANDIDATE_ITEMS:
        return None
    best, best_distance = None, sys.maxsize
    for item in candidates:
        if item == name:
            continue
        limit = (len(name) + len(item) + 3) * traceback._MOVE_COST // 6
        limit = min(limit, best_distance - 1)
        current = distance(name, item, limit)
        if current > limit:
            continue
        if best is None or current < best_distance:
            best, best_distance = item, current
    return best


def _too_many_positional(func, code, given, defcount, fast):
    co_argcount = code.co_argcount
    plural = co_argcount != 1
    kwonly_given = sum(1 for i in range(co_argcount, co_argcount + code.co_kwonlyargcount)
                       if fast[i] is not NULL)
    if defcount:
        atleast = co_argcount - defcount
        plural = True
        sig = "from %d to %d" % (atleast, co_argcount)
    else:
        sig = "%d" % co_argcount
    if kwonly_given:
        kwonly_sig = " positional argument%s (and %d keyword-only argument%s)" % (
            "s" if given != 1 else "", kwonly_given, "s" if kwonly_given != 1 else "")
    else:
        kwonly_sig = ""
    return TypeError("%s() takes %s positional argument%s but %d%s %s given" % (
        func._qualname, sig, "s" if plural else "", given, kwonly_sig,
        "was" if given == 1 and not kwonly_given else "were"))


def _posonly_as_keyword(func, code, kwargs):
    posonly = code.co_varnames[:code.co_posonlyargcount]
    bad = [name for name in posonly if name in kwargs]
    if not bad:
        return None
    return TypeError("%s() got some positional-only arguments passed as keyword "
                     "arguments: '%s'" % (func._qualname, ", ".join(bad)))


def bind_frame(func, args, kwargs):
    """_PyEval_MakeFrameVector: a new Frame for ``func(*args, **kwargs)``."""
    if not kwargs:
        nargs = len(args)
        argcount = func._fast_argcount
        if nargs == argcount:
            return _fast_frame(func, list(args))
        if nargs < argcount:
            # the fast shape with trailing defaults filling the missing arguments
            defaults = func._defaults
            if defaults and nargs >= argcount - len(defaults):
                args = list(args)
                args += defaults[nargs - argcount:]
                return _fast_frame(func, args)
    frame = _new_frame(func, bind_args(func, args, kwargs))
    if not func._code.co_flags & CO_NEWLOCALS:
        # a function made from module code (types.FunctionType(code, g)):
        # its names live in the globals, as _PyFrame_New_NoTrack gives it
        frame._f_locals = func._globals
    return frame


def bind_args(func, args, kwargs):
    """The argument binding of _PyEval_MakeFrameVector: the fast locals of a
    new frame of ``func(*args, **kwargs)`` (locals, cells, free cells), or
    CPython's TypeError.  (Lean tier-2 calls take their arguments from it
    and make no Frame: tier2.call_bound.)"""
    code = func._code
    d = code._decoded or decode(code)
    nargs = len(args)
    fast = [NULL] * d.nlocalsplus
    co_argcount = code.co_argcount
    total = co_argcount + code.co_kwonlyargcount
    flags = code.co_flags
    n = nargs if nargs < co_argcount else co_argcount
    fast[:n] = args[:n]
    i = total
    if flags & CO_VARARGS:
        fast[i] = tuple(args[n:])
        i += 1
    kwdict = None
    if flags & CO_VARKEYWORDS:
        kwdict = fast[i] = {}
    if kwargs:
        kwindex = d.kwindex
        if kwindex is None:
            kwindex = _kwindex(code, d)
        for name, value in kwargs.items():
            j = kwindex.get(name)
            if j is None:
                if not isinstance(name, str):
                    raise TypeError("keywords must be strings")
                if kwdict is None:
                    if code.co_posonlyargcount:
                        err = _posonly_as_keyword(func, code, kwargs)
                        if err is not None:
                            raise err
                    raise _unexpected_keyword(func, code, name)
                kwdict[name] = value
                continue
            if fast[j] is not NULL:
                raise TypeError("%s() got multiple values for argument '%s'"
                                % (func._qualname, name))
            fast[j] = value
    defaults = func._defaults
    defcount = len(defaults) if defaults else 0
    if nargs > co_argcount and not flags & CO_VARARGS:
        raise _too_many_positional(func, code, nargs, defcount, fast)
    if nargs < co_argcount:
        m = co_argcount - defcount
        for i in range(nargs, m):
            if fast[i] is NULL:
                raise _missing_arguments(func, code, fast, False, defcount)
        for i in range(nargs - m if nargs > m else 0, defcount):
            if fast[m + i] is NULL:
                fast[m + i] = defaults[i]
    if code.co_kwonlyargcount:
        kwdefs = func._kwdefaults
        missing = False
        for i in range(co_argcount, total):
            if fast[i] is NULL:
                name = code.co_varnames[i]
                if kwdefs is not None and name in kwdefs:
                    fast[i] = kwdefs[name]
                else:
                    missing = True
        if missing:
            raise _missing_arguments(func, code, fast, True, defcount)
    ncells = len(code.co_cellvars)
    if ncells:
        make_cells(code, d, fast)
    closure = func._closure
    if closure:
        j = code.co_nlocals + ncells
        fast[j:j + len(closure)] = closure
    return fast


def make_cells(code, d, fast):
    """The code's own cells in ``fast`` (its locals bound): an argument that
    is a cell moves into it, its local cleared (3.10's co_cell2arg); the
    others start empty."""
    nlocals = code.co_nlocals
    cell2arg = d.cell2arg
    for c in range(len(code.co_cellvars)):
        a = cell2arg[c] if cell2arg is not None else None
        if a is not None:
            fast[nlocals + c] = Cell(fast[a])
            fast[a] = NULL
        else:
            fast[nlocals + c] = Cell()


# -- generators ------------------------------------------------------------------

_genobject = None

def _make_generator(func, frame):
    global _genobject
    if _genobject is None:
        # (bound once: an import statement here ran the import machinery,
        # evalframe's hook included, at every generator made)
        from ..objects import genobject as _genobject
    gen = _genobject.make_generator(func, frame)
    t2gen = func._code._decoded.t2gen
    # (pystate.HOST_NEST_DEPTH: a generator nest that deep runs in tier 1 on 3.12)
    if (t2gen is not None and (ts := _get_tstate()).tracer is None
            and ts.depth < _HOST_NEST_DEPTH):
        gen._hg = t2gen(frame, 0, ts)   # (tier 2: a host generator runs its frame, tier2gen.py)
        gen._xl = t2gen.links
    return gen


# -- calling from the eval loop ---------------------------------------------------

def unbind_method(func, args):
    """A host bound method of a guest function is a guest call: the function,
    with ``self`` inserted first in ``args`` (a list); anything else as it is."""
    inner = func.__func__
    if type(inner) is Function:
        args.insert(0, func.__self__)
        return inner
    return func


def call_push(stack, func, args, kwargs):
    """Call ``func``: return a Frame for the loop to push, or push the result."""
    cls = type(func)
    if cls is MethodType:
        func = unbind_method(func, args)
        cls = type(func)
    if cls is Function:
        frame = bind_frame(func, args, kwargs)
        if func._code.co_flags & GEN_FLAGS:
            stack.append(_make_generator(func, frame))
            return None
        return frame
    if isinstance(func, type):
        frame = _call_type(stack, func, args, kwargs)
        if frame is not NULL:
            return frame
        return None
    stack.append(call_host(func, args, kwargs))
    return None


def _call_type(stack, cls, args, kwargs):
    """type.__call__ with a guest __init__: create the object, push __init__'s frame."""
    special = TYPE_INTERCEPTS.get(cls)
    if special is not None:
        stack.append(special(*args, **(kwargs or {})))
        return None
    meta = cls.__class__
    if meta is type or meta.__call__ is _type_call:
        init = cls.__init__
        if type(init) is Function and not (cls is type and len(args) == 1):
            new = cls.__new__
            if type(new) is not Function:
                # object.__new__ too is given the arguments, as type_call
                # gives them to tp_new: object_new accepts them when the
                # class's tp_new is object_new and refuses them when it is
                # slot_tp_new (a class whose __new__ was set, then deleted,
                # keeps that slot though __new__ is object.__new__ again)
                if kwargs:
                    obj = new(cls, *args, **kwargs)
                else:
                    obj = new(cls, *args)
                if not isinstance(obj, cls):
                    stack.append(obj)
                    return None
                args.insert(0, obj)
                frame = bind_frame(init, args, kwargs)
                if init._code.co_flags & GEN_FLAGS:
                    # __init__ as a generator returns a generator: CPython's error
                    raise TypeError("__init__() should return None, not 'generator'")
                frame.f_init_self = obj
                # (type_call's tuple: __init__ deleting a parameter does not
                # free its value before __init__ returns)
                frame.f_type_call_args = (args, kwargs) if kwargs else args
                return frame
    stack.append(call_host(cls, args, kwargs))
    return None


def call_host(func, args, kwargs):
    """Call a host callable from guest code (intercepts, guest exc_info)."""
    cls = type(func)
    if cls is BuiltinFunctionType or cls is FunctionType:
        special = INTERCEPTS.get(func)
        if special is not None:
            if special is not CONSUMES:
                func = special
            elif (len(args) == 1 and type(args[0]) is _Generator and not kwargs
                  and not _handled[0]):
                # (``sum(gen)``: tier2gen.consume resumes the generator for
                # the builtin, no Generator.__next__ call per item; inside a
                # guest except clause, the call below)
                return _tier2.consume(_get_tstate(), func, args[0])
        elif args and type(args[0]) is Function and cls is BuiltinFunctionType:
            args = _host_function_args(func, args)
        elif (not args and cls is BuiltinFunctionType and type(func.__self__) is _FrameType
              and func.__name__ == "clear"):
            # tb_frame.clear(): a traceback's frame is a stand-in host frame;
            # clearing it clears the guest frame (runtime/tracebacks.clear_frame)
            return clear_standin_frame(func.__self__)
    if cls is FunctionType or cls is MethodType:
        # (host Python code given an exception reads its traceback natively,
        # traceback.format_exception(e): tier 2's raw entries made first,
        # runtime/tracebacks.py)
        for a in args:
            if isinstance(a, BaseException):
                _materialize_args(args, kwargs)
                break
        else:
            if kwargs:
                _materialize_args((), kwargs)
    if _handled[0]:
        exc = _get_tstate().topmost_exception()
        if exc is not None and sys.exc_info()[1] is not exc:
            return call_in_exc(exc, func, args, kwargs)
    if kwargs:
        return func(*args, **kwargs)
    return func(*args)


def _materialize_args(args, kwargs):
    from ..runtime.tracebacks import materialize
    for a in args:
        if isinstance(a, BaseException):
            materialize(a)
    if kwargs:
        for a in kwargs.values():
            if isinstance(a, BaseException):
                materialize(a)


# Builtins and builtin classes that call_host calls as they are (none of its
# special cases applies) and that read nothing of the guest's frame: tier-2
# code calls them directly (tier2._emit_call), outside a guest except block.
# Not sorted: a guest key function it calls counts one more C check on 3.11
# (runtime/cdepth.py finds the builtin in call_host's frame); and only on
# 3.11+, where no other builtin callback counts one.
_PLAIN_NAMES = (
    "abs", "all", "any", "ascii", "bin", "callable", "chr", "delattr", "divmod",
    "format", "getattr", "hasattr", "hash", "hex", "id", "isinstance", "issubclass",
    "iter", "len", "max", "min", "next", "oct", "ord", "pow", "repr", "round",
    "setattr", "sum", "bool", "bytearray", "bytes", "complex", "dict", "enumerate",
    "filter", "float", "frozenset", "int", "list", "map", "range", "reversed", "set",
    "slice", "str", "tuple", "zip",
)


def plain_callables():
    """The host builtins tier-2 code may call without call_host (a fresh set:
    those not intercepted now, on 3.11+ hosts)."""
    import builtins
    if sys.version_info < (3, 11):
        return frozenset()
    import math
    out = set()
    for name in _PLAIN_NAMES:
        obj = getattr(builtins, name)
        if (type(obj) is BuiltinFunctionType and INTERCEPTS.get(obj, CONSUMES) is CONSUMES) or (
                type(obj) is type and obj not in TYPE_INTERCEPTS
                and not obj.__flags__ & _HEAPTYPE):
            out.add(obj)
    # math's functions (the guest's math is the host's module): numbers in, a
    # number out; a guest __float__/__index__/__floor__ they call back is a
    # callback as abs's and round's are (float.py: sin, cos and sqrt went
    # through call_any and call_host, three of its four calls per point)
    for name in dir(math):
        obj = getattr(math, name)
        if type(obj) is BuiltinFunctionType and obj not in INTERCEPTS:
            out.add(obj)
    # the builtin exceptions' __init__ slot wrappers (BaseException_init:
    # sets ``args``; a guest exception class's __init__ calls its base's,
    # ``Exception.__init__(self, reason)``, often inside a guest except
    # block, where call_host's path cost a raise and four calls)
    for name in dir(builtins):
        obj = getattr(builtins, name)
        if type(obj) is type and issubclass(obj, BaseException):
            init = obj.__dict__.get("__init__")
            if type(init) is _WrapperDescriptorType:
                out.add(init)
    return frozenset(out)


_WrapperDescriptorType = type(object.__init__)


_HEAPTYPE = 1 << 9


def plain_method_owners():
    """The builtin containers whose methods (``lst.append``, ``d.get``...)
    tier-2 code may call without call_host (none of its special cases is a
    method of theirs), on 3.11+ hosts (plain_callables)."""
    if sys.version_info < (3, 11):
        return frozenset()
    return frozenset((list, dict, set, frozenset, tuple, str, bytes, bytearray, int, float))


def clear_standin_frame(frame):
    from ..runtime.tracebacks import clear_frame
    return clear_frame(frame)


def _host_function_args(func, args):
    """C methods that insist on a host function (PyFunction_Check), such as
    BaseExceptionGroup.split/subgroup's predicate: pass a host wrapper."""
    owner = getattr(func, "__self__", None)
    eg = getattr(__builtins__ if isinstance(__builtins__, dict) else __builtins__.__dict__,
                 "get", lambda *a: None)("BaseExceptionGroup")
    if eg is not None and isinstance(owner, eg) and func.__name__ in ("split", "subgroup"):
        guest = args[0]
        args = list(args)
        args[0] = lambda exc: guest(exc)
    return args


def hold_raising(exc):
    """For raising ``exc`` (its metaclass not ``type``) in a host except
    clause of the VM's own: the host normalizes it there, which is no call
    of the guest's __subclasscheck__ (funcobject._normalizing).  Returns
    what puts the previous state back (and returns None), to call in the
    clause before anything else runs."""
    ts = _get_tstate()
    prev = ts.raising
    ts.raising = exc

    def release():
        ts.raising = prev
    return release


# the exception the host handles, or None (3.10 has no sys.exception)
_host_exception = getattr(sys, "exception", None) or (lambda: sys.exc_info()[1])
# PyException_SetTraceback as a METH_O call (the checks and messages of the
# __traceback__ slot's __set__)
_with_traceback = BaseException.with_traceback

_HEAPTYPE = 1 << 9      # (Py_TPFLAGS_HEAPTYPE: a class made by a class statement)
# (C functions and slot wrappers: ``Exception.__init__(self, reason)`` in a handler)
_C_CALLABLES = frozenset((BuiltinFunctionType, type(object.__init__), type(str.join),
                          type("".__str__), type(dict.__dict__["fromkeys"])))


def call_in_exc(exc, func, args, kwargs):
    """Call ``func`` with the host's own exc_info showing the guest's handled
    exception, so host code (traceback.print_exc, logging.exception,
    sys.exc_info in a library) sees what the guest is handling."""
    # (the fields themselves: a guest __getattribute__ must not run here)
    x = _excslots
    # (the host reads its traceback: tier 2's raw entries made first,
    # runtime/tracebacks.py)
    # (a C builtin or builtin class reads no exc_info: print, len, str (the
    # plain builtins tier 2 calls in an except clause, tier2.plain_handled);
    # one that calls back into guest code sees it through sys.exc_info
    # there, vm_exc_info)
    cls = type(func)
    if cls in _C_CALLABLES or (cls is type and not func.__flags__ & _HEAPTYPE):
        tb = x.get_traceback(exc)
    else:
        from ..runtime.tracebacks import materialize
        tb = materialize(exc)
    if type(type(exc)) is type and _host_exception() is None:
        # (the usual case: a raise with no exception handled by the host sets
        # no __context__, and none sets __suppress_context__: only the
        # traceback, which gets this frame's entry, is put back; by
        # with_traceback, a METH_O call, where the slot's __set__ goes through
        # tp_call; four slot calls fewer, ~1,000 host instructions)
        try:
            raise exc
        except BaseException:
            _with_traceback(exc, tb)
            if kwargs:
                return func(*args, **kwargs)
            return func(*args)
    ctx = x.get_context(exc)
    sup = x.get_suppress_context(exc)
    # (what the host handles itself now, VM code's except clause unwinding a
    # frame whose finalizer got here: the raise cuts its chain's link back to
    # exc, which is put back)
    held = _exc_info()[1]
    cut = None if held is None else x.cut_by_raise(held, exc)
    release = hold_raising(exc) if type(type(exc)) is not type else None
    try:
        raise exc
    except BaseException:
        if release is not None:
            release = release()
        x.set_traceback(exc, tb)
        x.set_context(exc, ctx)
        x.set_suppress_context(exc, sup)
        if cut is not None:
            x.set_context(cut, exc)
        if kwargs:
            return func(*args, **kwargs)
        return func(*args)


# -- calling from the host ------------------------------------------------------------

def call_from_host(func, args, kwargs):
    """Function.__call__: host code calls a guest function; run it in the VM."""
    if not kwargs and len(args) == func._fast_argcount:
        # (the fast shape is never a generator's)
        d = func._code._decoded
        if d is not None and d.t2 is not None:
            return _tier2.call_from_host(d.t2, func, list(args))
        return _run_frame(_fast_frame(func, list(args)))
    frame = bind_frame(func, args, kwargs)
    if func._code.co_flags & GEN_FLAGS:
        return _make_generator(func, frame)
    return _run_frame(frame)


def call_object(func, args, kwargs=None):
    """Call any object from VM runtime code, running guest callees in the VM."""
    if type(func) is Function:
        return call_from_host(func, args, kwargs)
    if kwargs:
        return func(*args, **kwargs)
    return func(*args)


def _fast_frame(func, args):
    global _fast_frame
    from .specialize import fast_frame
    _fast_frame = fast_frame    # (bound on first use: specialize imports this module)
    return fast_frame(func, args)


def _new_frame(func, localsplus):
    global _new_frame
    from .specialize import new_frame
    _new_frame = new_frame      # (bound on first use: specialize imports this module)
    return new_frame(func, localsplus)


def _run_frame(frame):
    global _run_frame
    from .ceval import run_frame
    _run_frame = run_frame      # (bound on first use: ceval imports this module)
    return run_frame(frame)


set_call_hook(call_from_host)
