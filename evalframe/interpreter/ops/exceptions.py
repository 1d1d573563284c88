"""Exceptions and the block stack: the cold paths of their declarations.

The opcodes (try/except/finally, with, raise, except*) are declared in
interpreter/bytecodes.py; their bodies call these helpers, which mirror
Python/ceval.c (3.10)'s do_raise, the exception-class checks of
JUMP_IF_NOT_EXC_MATCH, _PyObject_LookupSpecial and the with-statement errors,
_PyErr_SetObject's implicit chaining (Python/errors.c), and for ``except*``
3.11's exception_group_match and _PyExc_PrepReraiseStar (Objects/
exceptions.c).  Unwinding itself (the 6-value push on entering a handler) is
in ceval._unwind.
"""

import sys

from ...objects import frameobject as _frameobject
from ...objects import excslots as _x

# the block type a PUSH_BLOCK of a declaration pushes (3.10's SETUP_FINALLY block)
FINALLY_BLOCK = _frameobject.SETUP_FINALLY

_NEW_WITH_MESSAGES = sys.version_info >= (3, 11)
# 3.12+ normalize a raised instance when it is set (_PyErr_SetObject); 3.10 and
# 3.11 when exception_unwind enters a handler (_PyErr_NormalizeException)
_NORMALIZE_AT_RAISE = sys.version_info >= (3, 12)


_Reraise = None

# the exception the host handles, or None (3.10 has no sys.exception)
_host_exception = getattr(sys, "exception", None) or (lambda: sys.exc_info()[1])


def reraise(exc, lasti=None):
    """ceval.Reraise(exc, lasti): unwound with no new traceback entry."""
    # (ceval imports this module: its Reraise is bound at the first raise,
    # not imported again on every re-raise)
    global _Reraise
    if _Reraise is None:
        from ..ceval import Reraise
        _Reraise = Reraise
    return _Reraise(exc, lasti)


# (id of a raw traceback chain, id of the chain made of it: the last one
# runtime/tracebacks.materialize made; compared only while both are alive)
MADE = [0, 0]


def restore_traceback(value, tb):
    """The restore, by RERAISE, of the traceback ``tb`` saved when the handler was
    entered, now that ``value`` holds another: kept when that other is the
    one tier 2's raw entries of ``tb`` were made into (runtime/tracebacks.py:
    the same entries, which the guest may have seen, as on CPython)."""
    if MADE[0] == id(tb) and MADE[1] == id(_x.get_traceback(value)):
        return
    _x.set_traceback(value, tb)


def _materialize(exc):
    from ...runtime.tracebacks import materialize
    return materialize(exc)


def exit_traceback(value, tb):
    """The traceback a ``with`` block's ``__exit__`` gets (``tb``: the one
    saved when the handler was entered): the exception's own, tier 2's raw
    entries made first (runtime/tracebacks.py)."""
    if value is not None and tb is not None and _x.get_traceback(value) is tb:
        return _materialize(value)
    return tb


def set_context(tstate, value):
    """_PyErr_SetObject's chaining: value.__context__ = the handled exception,
    first breaking any cycle that would create."""
    exc_value = tstate.topmost_exception()
    if exc_value is None:
        # No guest exception is being handled: the host's may be (guest code
        # called from a host except clause); CPython has one chain for both.
        exc_value = sys.exc_info()[1]
    if exc_value is None or exc_value is value:
        return
    _unlink_context(exc_value, value)
    _x.set_context(value, exc_value)


def _unlink_context(o, value):
    """Cut ``value`` out of the __context__ chain that starts at ``o`` (the
    link to it becomes None)."""
    for _ in range(100000):     # (a pre-existing cycle: stop like CPython's Floyd check)
        context = _x.get_context(o)
        if context is None:
            return
        if context is value:
            _x.set_context(o, None)
            return
        o = context


def _is_exception_class(obj):
    # PyExceptionClass_Check: the real type, never obj.__class__ (isinstance
    # would ask a guest __getattribute__ of an exception instance)
    return issubclass(type(obj), type) and issubclass(obj, BaseException)


def _instance_error(cls, value):
    return TypeError("calling %r should have returned an instance of BaseException, not %r"
                     % (cls, type(value)))


def active_exception(tstate):
    """A bare ``raise``: the exception being handled, or RuntimeError."""
    value = tstate.topmost_exception()
    if value is None:
        raise RuntimeError("No active exception to reraise")
    return value


def do_raise(tstate, exc, cause, with_cause):
    """do_raise: raise ``exc`` (a class is instantiated), with ``cause`` if
    ``with_cause`` (``raise exc from cause``).  Its callers ``raise`` what it
    returns (``raise do_raise(...)``); it raises itself where the host's raise
    would change the context it sets."""
    if issubclass(type(exc), BaseException):
        # (the usual case, an instance, first: its real type is never a class
        # of classes (a class cannot derive from both type and BaseException),
        # so the tests below would find what this finds; no guest hook asked)
        value = exc
    elif _is_exception_class(exc):
        from ..call import call_object
        value = call_object(exc, ())
        if not isinstance(value, BaseException):
            raise _instance_error(exc, value)
    elif isinstance(exc, BaseException):
        value = exc
    else:
        raise TypeError("exceptions must derive from BaseException")
    if with_cause:
        if issubclass(type(cause), BaseException):
            # (an instance, the usual cause, first: as for ``exc`` above)
            fixed = cause
        elif _is_exception_class(cause):
            from ..call import call_object
            fixed = call_object(cause, ())
            if not isinstance(fixed, BaseException):
                raise _instance_error(cause, fixed)
        elif isinstance(cause, BaseException):
            fixed = cause
        elif cause is None:
            fixed = None
        else:
            raise TypeError("exception causes must derive from BaseException")
        _x.set_cause(value, fixed)      # also sets __suppress_context__
    if type(type(value)) is not type:
        # (a metaclass of its own: its __subclasscheck__ is the guest's)
        if _NORMALIZE_AT_RAISE:
            value = _normalized(value)
        tstate.raising = value
    # (set_context written out: the host's handled exception read once, for
    # the chaining and for the test below; the thread's innermost exc_info
    # item read inline, the walk only past an empty one)
    host = _host_exception()
    item = tstate.exc_info
    handled = item.exc_value
    if handled is None:
        handled = tstate.topmost_exception() if item.previous_item is not None else None
        if handled is None:
            handled = host
    if handled is not None and handled is not value:
        # (the walk only past a first link: a handled exception's usual
        # context is none)
        if _x.get_context(handled) is not None:
            _unlink_context(handled, value)
        _x.set_context(value, handled)
    handled = item = None
    # The host chains what it raises to *its* handled exception, which is
    # not the guest's when guest code runs inside a host except clause (a
    # callback of contextlib.ExitStack.__exit__): keep the context just set.
    # The host handling none, the usual case, there is nothing to keep: the
    # caller raises it (the caller's exc_info is this frame's), and no host
    # frame of this function's is made for the traceback entry the raise
    # would add, that the catching VM code drops again.
    if host is None:
        return value
    host = None
    context = _x.get_context(value)
    try:
        raise value
    finally:
        _x.set_context(value, context)
        value = context = None


def _normalized(value):
    """PyObject_IsSubclass(type(value), type(value)) and what a false answer
    means to _PyErr_NormalizeException / 3.12's _PyErr_SetObject: a new
    instance made from the old one (_PyErr_CreateException).  An exception
    the hook raises propagates."""
    cls = type(value)
    if issubclass(cls, cls):
        return value
    return cls(value)


def normalize_at_handler(tstate, exc):
    """_PyErr_NormalizeException where exception_unwind enters a guest handler
    (3.10/3.11; ceval._unwind calls it for an exception whose class has a
    metaclass other than ``type``): the one call of the metaclass's
    __subclasscheck__ CPython makes there.  An exception the hook raises is
    what the handler gets instead, normalized in turn (at most 32 times, as
    CPython)."""
    tstate.raising = None
    if _NORMALIZE_AT_RAISE:
        return exc      # (done when it was raised)
    for _ in range(32):
        try:
            return _normalized(exc)
        except BaseException as e:
            # (the hook ran in the loop's host except clause, whose exception,
            # ``exc``, set_context took for the one being handled: CPython's
            # chain has no in-flight exception in it)
            _unlink_context(e, exc)
            exc = e
            e = None
        tstate.raising = None
        if type(type(exc)) is type:
            return exc
    return RecursionError("maximum recursion depth exceeded while normalizing an exception")


def _check_except_type(right):
    if isinstance(right, tuple):
        for item in right:
            if not _is_exception_class(item):
                raise TypeError("catching classes that do not inherit from BaseException"
                                " is not allowed")
    elif not _is_exception_class(right):
        raise TypeError("catching classes that do not inherit from BaseException is not allowed")


def given_exception_matches(err, exc):
    """PyErr_GivenExceptionMatches: a subtype test on classes, no __subclasscheck__."""
    if err is None or exc is None:
        return False
    if isinstance(exc, tuple):
        for e in exc:
            if given_exception_matches(err, e):
                return True
        return False
    if isinstance(err, BaseException):
        err = type(err)
    if isinstance(err, type) and isinstance(exc, type) and issubclass(exc, BaseException):
        return exc in err.__mro__
    return err is exc


def exc_no_match(left, right):
    """The test of an except clause (bytecodes.py): True when exception type
    ``left`` does not match the clause's ``right`` (TypeError when ``right``
    is not an exception class or a tuple of them).  The usual case first: two plain
    classes (``type`` their metaclass), whose subclass test runs no
    __subclasscheck__, as PyType_IsSubtype."""
    if type(right) is type and type(left) is type and issubclass(right, BaseException):
        return not issubclass(left, right)
    _check_except_type(right)
    return not given_exception_matches(left, right)


# -- with ----------------------------------------------------------------------------

def lookup_special(obj, name):
    """_PyObject_LookupSpecial: look ``name`` up on the type, bind it to ``obj``."""
    tp = type(obj)
    for klass in tp.__mro__:
        d = klass.__dict__
        if name in d:
            attr = d[name]
            break
    else:
        return None
    get = getattr(type(attr), "__get__", None)
    if get is None:
        return attr
    return get(attr, obj, tp)


def _cm_error(mgr, name, is_async):
    if not _NEW_WITH_MESSAGES:
        return AttributeError(name)
    proto = "asynchronous context manager" if is_async else "context manager"
    msg = "'%s' object does not support the %s protocol" % (type(mgr).__name__, proto)
    if name in ("__exit__", "__aexit__"):
        msg += " (missed %s method)" % name
    return TypeError(msg)


cm_error = _cm_error    # (SETUP_WITH, BEFORE_ASYNC_WITH: bytecodes.py)



# -- except* (3.11's opcodes) -----------------------------------------------------------

def check_except_star_type(match_type):
    _check_except_type(match_type)
    eg = getattr(__import__("builtins"), "BaseExceptionGroup", None)
    types_ = match_type if isinstance(match_type, tuple) else (match_type,)
    if eg is not None:
        for t in types_:
            if issubclass(t, eg):
                raise TypeError("catching ExceptionGroup with except* is not allowed. "
                                "Use except instead.")


def exception_group_match(exc_value, match_type):
    """exception_group_match (3.11 ceval.c): (match, rest)."""
    import builtins
    BEG = builtins.BaseExceptionGroup
    if exc_value is None:
        return None, None
    # (the parts get the group's traceback: tier 2's raw entries made first,
    # so that each part's, and what PREP_RERAISE_STAR compares, is the one
    # the guest can see, runtime/tracebacks.py)
    _materialize(exc_value)
    if given_exception_matches(type(exc_value), match_type):
        if isinstance(exc_value, BEG):
            return exc_value, None
        # A naked exception is wrapped in a group made from a 1-tuple (so its
        # repr shows a tuple) with no traceback of its own, as 3.11's
        # exception_group_match does.
        return BEG("", (exc_value,)), None
    if isinstance(exc_value, BEG):
        match, rest = exc_value.split(match_type)
        return match, rest
    return None, None


def _leaf_ids(exc, out):
    import builtins
    if isinstance(exc, builtins.BaseExceptionGroup):
        for e in exc.exceptions:
            _leaf_ids(e, out)
    else:
        out.add(id(exc))
    return out


def prep_reraise_star(orig, excs):
    """_PyExc_PrepReraiseStar: combine what the except* clauses raised."""
    import builtins
    BEG = builtins.BaseExceptionGroup
    excs = [e for e in excs if e is not None]
    if not excs:
        return None
    if not isinstance(orig, BEG):
        return excs[0]
    orig_leaves = _leaf_ids(orig, set())
    raised, reraised_leaves = [], set()
    for e in excs:
        leaves = _leaf_ids(e, set())
        same_meta = (_x.get_traceback(e) is _x.get_traceback(orig) and _x.get_cause(e) is _x.get_cause(orig)
                     and _x.get_context(e) is _x.get_context(orig))
        if same_meta and leaves <= orig_leaves:
            reraised_leaves |= leaves
        else:
            raised.append(e)
    reraised_eg = None
    if reraised_leaves:
        reraised_eg = orig.split(lambda leaf: not isinstance(leaf, BEG)
                                 and id(leaf) in reraised_leaves)[0]
    if not raised:
        return reraised_eg
    if reraised_eg is not None:
        raised.append(reraised_eg)
    if len(raised) == 1:
        return raised[0]
    return builtins.ExceptionGroup("", raised) if all(
        isinstance(e, Exception) for e in raised) else BEG("", raised)
