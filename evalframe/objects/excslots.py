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
