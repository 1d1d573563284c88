"""Generators, coroutines and async iteration: the cold paths.

Mirrors the parts of Python/ceval.c (3.10) that the generator and async
opcodes declared in interpreter/bytecodes.py call:
_PyCoro_GetAwaitableIter, format_awaitable_error, and the checks and errors of
3.10's GET_AITER and GET_ANEXT.  The generator objects are in
objects/genobject.py.
"""

import types

from ...objects import genobject
from ...objects.codeobject import CO_ASYNC_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE
from ... import opcodes

_GenTypes = (genobject.Generator, types.GeneratorType)
_CoroTypes = (genobject.Coroutine, types.CoroutineType)
# (what ``yield from`` sends into even a None: gen_send / a coroutine's send)
SEND_TYPES = (genobject.GenBase, types.GeneratorType, types.CoroutineType)
# (GET_YIELD_FROM_ITER, bytecodes.py: what ``yield from`` takes as it is)
CORO_TYPES = _CoroTypes
GEN_CORO_TYPES = _GenTypes + _CoroTypes


def yield_kind(code, index, arg, darg):
    """The decoded argument of YIELD_VALUE: 1 in an async generator (its
    value is wrapped), else 0."""
    return 1 if code.co_flags & CO_ASYNC_GENERATOR else 0


AsyncGenWrappedValue = genobject.AsyncGenWrappedValue


def get_awaitable_iter(o):
    """_PyCoro_GetAwaitableIter."""
    if isinstance(o, _CoroTypes) or genobject.is_iterable_coroutine(o):
        return o
    getter = getattr(type(o), "__await__", None)
    if getter is None:
        raise TypeError("object %s can't be used in 'await' expression" % type(o).__name__)
    res = getter(o)
    if isinstance(res, _CoroTypes):
        raise TypeError("__await__() returned a coroutine")
    if not hasattr(type(res), "__next__"):
        raise TypeError("__await__() returned non-iterator of type '%s'" % type(res).__name__)
    return res


def awaitable_where(code, index, arg, darg):
    """The decoded argument of GET_AWAITABLE: where its error names (1:
    __aenter__, 2: __aexit__, 0: an ``await``)."""
    # format_awaitable_error looks at the previous instruction (3.10)
    raw = code.co_code
    prev = raw[2 * index - 2] if index else None
    prevprev = raw[2 * index - 4] if index > 1 else None
    if prev == opcodes.BEFORE_ASYNC_WITH:
        return 1
    if prev == opcodes.WITH_EXCEPT_START or (prev == opcodes.CALL_FUNCTION
                                            and prevprev == opcodes.DUP_TOP):
        # __aexit__ on an exception, or on the normal exit (None, None, None)
        return 2
    return 0


def get_awaitable(iterable, where):
    """GET_AWAITABLE: what ``await`` drives (``where``: awaitable_where)."""
    try:
        it = get_awaitable_iter(iterable)
    except TypeError:
        if not where or getattr(type(iterable), "__await__", None) is not None:
            raise
        it = None
    if it is None:
        # format_awaitable_error replaces the error (_PyErr_Format): raised
        # outside the except clause, its context is the handled exception
        raise TypeError("'async with' received an object from %s that does not "
                        "implement __await__: %s"
                        % ("__aenter__" if where == 1 else "__aexit__",
                           type(iterable).__name__))
    if isinstance(it, genobject.Coroutine) and it._yieldfrom() is not None:
        raise RuntimeError("coroutine is being awaited already")
    return it


def get_aiter(obj):
    """The asynchronous iterator of ``obj`` (GET_AITER, checked)."""
    getter = getattr(type(obj), "__aiter__", None)
    if getter is None:
        raise TypeError("'async for' requires an object with __aiter__ method, got %s"
                        % type(obj).__name__)
    it = getter(obj)
    if getattr(type(it), "__anext__", None) is None:
        raise TypeError("'async for' received an object from __aiter__ that does not "
                        "implement __anext__: %s" % type(it).__name__)
    return it


def get_anext(aiter):
    """GET_ANEXT of an iterator other than a guest async generator: the
    awaitable its __anext__ returned (checked)."""
    getter = getattr(type(aiter), "__anext__", None)
    if getter is None:
        raise TypeError("'async for' requires an iterator with __anext__ method, got %s"
                        % type(aiter).__name__)
    next_iter = getter(aiter)
    try:
        awaitable = get_awaitable_iter(next_iter)
    except BaseException as exc:
        # _PyErr_FormatFromCause: the failure is the cause (and context)
        raise TypeError("'async for' received an invalid object from __anext__: %s"
                        % type(next_iter).__name__) from exc
    return awaitable


AsyncGenerator = genobject.AsyncGenerator       # (GET_ANEXT's fast path)
