"""Direct access to an exception's C-level fields, as the VM must read them.

Mirrors PyException_GetTraceback/SetTraceback, GetContext/SetContext,
GetCause/SetCause (Objects/exceptions.c): CPython's eval loop reads and writes
these fields of the exception struct, never through the exception's
``__getattribute__``/``__setattr__``.  A guest exception class that defines
``__getattribute__`` (boltons' ``wrap_trace``) must not have it called by the
VM's own exception handling (it would run guest code in the middle of an
unwind, and recurse when that code calls host functions from an except
block).  The getset descriptors of BaseException do exactly what the C
accessors do.
"""

_tb = BaseException.__dict__["__traceback__"]
_ctx = BaseException.__dict__["__context__"]
_cause = BaseException.__dict__["__cause__"]
_sup = BaseException.__dict__["__suppress_context__"]

get_traceback = _tb.__get__
set_traceback = _tb.__set__
get_context = _ctx.__get__
set_context = _ctx.__set__
get_cause = _cause.__get__
set_cause = _cause.__set__
get_suppress_context = _sup.__get__
set_suppress_context = _sup.__set__


def cut_by_raise(held, value):
    """The exception whose ``__context__`` the host's own ``raise value``
    sets to None while it handles ``held`` (or None): _PyErr_SetObject
    chains ``value`` to ``held`` and, to make no cycle, cuts the link of
    ``held``'s context chain that leads back to ``value`` (the same walk,
    Floyd's check of a cycle not through ``value`` included).  The VM raises
    a guest exception in the host only to show it in the host's exc_info
    (interpreter/call.call_in_exc): the link is then put back."""
    if held is None or held is value:
        return None
    o = slow = held
    toggle = False
    while True:
        context = get_context(o)
        if context is None:
            return None
        if context is value:
            return o
        o = context
        if o is slow:
            return None
        if toggle:
            slow = get_context(slow)
        toggle = not toggle
