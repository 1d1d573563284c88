"""Host line numbers without a scan: 3.11's per-code line array, made ahead.

Mirrors no part of CPython: it makes CPython 3.11 build what it builds for
itself when a code object is traced (Objects/codeobject.c
_PyCode_CreateLineArray, called by call_trace in Python/ceval.c).  Every
host frame an exception passes through gets a traceback entry, and the entry
gets the frame's line (PyTraceBack_Here -> PyFrame_GetLineNumber ->
PyCode_Addr2Line).  Without the line array that is a walk of the code's
location table from its start to the instruction: for the VM's large host
functions (a tier-2 function is a whole guest function; the plain loop is one
long function), whose except clauses and exits sit at their ends, that walk
was 29% of all host instructions of the exceptions benchmark in tier 2
(``_PyCode_CheckLineNumber``, callgrind).  With the array the line is an index.

The array is made by starting a frame of the code while a profile function is
set: the host's call event builds it, then the profile function raises, so
none of the code runs.  Only on 3.11 (3.10 has no array; 3.12+ dropped it),
and never while a host tracer or profiler is set (its own events and state
must stay as they are: the host's cProfile has a C profile function that
sys.getprofile cannot give back).
"""

import sys
import types

_ENABLED = sys.version_info[:2] == (3, 11)
_CO_GENERATOR = 0x0020
_CO_COROUTINE = 0x0080
_CO_ASYNC_GENERATOR = 0x0200


class _Made(Exception):
    pass


def index_lines(code):
    """Give host ``code`` its line array (a no-op where there is none to make)."""
    if not _ENABLED or sys.getprofile() is not None or sys.gettrace() is not None:
        return
    if code.co_flags & _CO_ASYNC_GENERATOR or code.co_kwonlyargcount:
        return
    try:
        func = types.FunctionType(code, {}, None, (None,) * code.co_argcount,
                                  tuple(types.CellType() for _ in code.co_freevars))
    except Exception:
        return

    def stop(frame, event, arg):
        if event == "call" and frame.f_code is code:
            raise _Made

    sys.setprofile(stop)
    try:
        r = func()
        if code.co_flags & _CO_GENERATOR:
            next(r)         # (a generator's call event is at its first resumption)
        elif code.co_flags & _CO_COROUTINE:
            r.send(None)
    except Exception:
        pass            # (_Made: the profile function stopped the frame at its call event)
    finally:
        sys.setprofile(None)
