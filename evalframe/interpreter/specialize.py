"""The frames of the plain loop's fast calls.

Mirrors the frame half of CPython 3.11's CALL_PY_EXACT_ARGS
(Python/specialize.c, _PyFrame_PushUnchecked): ``fast_frame`` builds an
exact-arity guest callee's Frame without Frame.__init__ (the slots
frameobject.Frame documents), taking back its code's zombie frame.  The
handlers that call it, and the plain loop's own variants of the
frame-switching opcodes (``NAME__live``: the loop records f._lasti, resumes
guest generators inline), are derived from interpreter/bytecodes.py's
declarations (``CALL_PY(...)``, ``# if live`` lines); superinstr.plain_list
puts those variants in ``Decoded.instrs``.
"""

from ..objects.frameobject import Frame, FRAME_CREATED
from .superinstr import warm_event

_new = object.__new__


def fast_frame(func, args):
    """The Frame of an exact-arity call of ``func``: _PyFunction_Vectorcall's
    fast path (the arguments are the fast locals), without Frame.__init__."""
    # (new_frame's body, inlined: a host call more per guest call cost 3%
    # of fib's host instructions)
    args += func._fast_tail
    code = func._code
    fr = code.co_zombieframe
    if fr is None:
        fr = _new(Frame)
    else:
        code.co_zombieframe = None  # _PyFrame_New_NoTrack takes the zombie back
    fr.f_code = code
    fr.f_globals = func._globals
    fr.f_builtins = func._builtins
    fr._f_locals = None
    fr.f_localsplus = args
    fr.f_valuestack = []
    fr.f_blockstack = []
    fr._lasti = -1
    d = code._decoded or _decode(code)
    if d.warm:
        warm_event(code, d)
    fr.f_instrs = d.instrs
    fr.f_state = FRAME_CREATED
    fr.f_init_self = None
    return fr


def new_frame(func, localsplus):
    """A new Frame running ``func`` with ``localsplus`` (complete: locals, cells,
    free cells), built slot by slot: the fields frameobject.Frame lists."""
    code = func._code
    fr = _new(Frame)
    fr.f_code = code
    fr.f_globals = func._globals
    fr.f_builtins = func._builtins
    fr._f_locals = None
    fr.f_localsplus = localsplus
    fr.f_valuestack = []
    fr.f_blockstack = []
    fr._lasti = -1
    d = code._decoded or _decode(code)
    if d.warm:
        warm_event(code, d)
    fr.f_instrs = d.instrs
    fr.f_state = FRAME_CREATED
    fr.f_init_self = None
    return fr


def _decode(code):
    from .decode import decode
    return decode(code)
