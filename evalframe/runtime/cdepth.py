"""The recursion checks CPython's C code makes between a caller and a Python function.

Mirrors the ``_Py_EnterRecursiveCall`` calls of Objects/call.c, methodobject.c,
object.c and typeobject.c (3.10 and 3.11), which count against the same
recursion limit as Python frames: ``repr(x)`` counts the builtin call (" while
calling a Python object") and PyObject_Repr (" while getting the repr of an
object") before ``x.__repr__``'s frame counts itself.  So ``repr(self)`` inside
``__repr__`` fails after about 333 levels on CPython, not 1000, and with the
repr message.

The VM's guest-to-guest calls go through no C code and count one per frame,
as CPython's do.  A guest function entered *from host code* (``Function.__call__``:
a dunder slot of a guest class, a key function, a builtin's callback) asks
``entry_units`` which checks CPython would have made on the way, from the
callee's name and the calling guest instruction; ``Function.__call__`` counts
them on the guest depth for the length of the call.

Only the common paths are modelled (docs/boundary.md says which).  3.11's
specializing interpreter drops the builtin-call check of most builtins once a
call site is specialized (after a code object's first 8 runs); the VM uses the
specialized cost from the first call.  On 3.12+ C calls count against a
separate C limit and Python frames alone against the recursion limit: no
units (funcobject checks only the guest depth).
"""

import sys
from sys import _getframe
from types import BuiltinFunctionType as _BuiltinFunctionType

from ..opcodes import opmap
from ..interpreter import ceval
from ..interpreter import t2frames as _t2frames
from ..interpreter import tier2 as _tier2
from ..objects.frameobject import Frame as _Frame
from ..interpreter.call import call_host
from ..objects.funcobject import Function

_CALL_HOST = call_host.__code__

_V = sys.version_info[:2]

CALL = " while calling a Python object"
REPR = " while getting the repr of an object"
STR = " while getting the str of an object"
CMP = " in comparison"

_CALL_OPS = frozenset(opmap[n] for n in ("CALL_FUNCTION", "CALL_FUNCTION_KW",
                                         "CALL_FUNCTION_EX", "CALL_METHOD"))
_CALL_OP = opmap["CALL_FUNCTION"]
_COMPARE_OPS = frozenset(opmap[n] for n in ("COMPARE_OP", "CONTAINS_OP"))

_RICH = frozenset(("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"))

NONE = ()


def _handler_codes():
    from ..interpreter.ops import HANDLERS, VARIANTS, handler_table
    handler_table()     # (fills VARIANTS)
    # Keyed by id(code): a host code object hashes by value (its constants
    # included) at every lookup, which was most of a nested entry's cost.
    # The codes are kept alive beside it (_HANDLER_CODES).
    out = {}
    for name, fn in HANDLERS.items():
        if name in opmap and hasattr(fn, "__code__"):
            _HANDLER_CODES.append(fn.__code__)
            out[id(fn.__code__)] = opmap[name]
    # the handlers derived for one argument value (COMPARE_OP's per operator)
    for op, by_value in enumerate(VARIANTS):
        for fn in (by_value or {}).values():
            _HANDLER_CODES.append(fn.__code__)
            out[id(fn.__code__)] = op
    return out


_HANDLER_OPS = None
_HANDLER_CODES = []


def _near_op(hf):
    """(op, host frame or None): the guest instruction that a host frame among
    the three above Function.__call__ says called host code (call_host's frame
    for a call, returned with it; an opcode handler's), else (None, None).
    A tier-2 function's frame ends the search: that guest code itself called
    the host code (an attribute read, an operator, a builtin called directly),
    and a call_host further out belongs to a call around it (a key function
    reading a property is not sorted calling the property's getter)."""
    ops = _HANDLER_OPS or _handler_ops()
    lean = _t2frames.LEAN_CODES
    t2 = _tier2.T2_LINES
    for _ in range(3):
        if hf is None:
            break
        code = hf.f_code
        if code is _CALL_HOST:
            return _CALL_OP, hf
        key = id(code)
        if key in lean or key in t2:
            break
        op = ops.get(key)
        if op is not None:
            return op, None
        hf = hf.f_back
    return None, None


def _handler_ops():
    global _HANDLER_OPS
    _HANDLER_OPS = _handler_codes()
    return _HANDLER_OPS


def _caller(f, hf):
    """The guest instruction running in ``f`` that called host code, found
    from the host frames above Function.__call__ (call_host for a call, else
    an opcode handler) and, when neither is close (a fused group, tier 2),
    from the loop's position."""
    op = _near_op(hf)[0]
    if op is not None:
        return op
    if f is None:
        return -1
    if f is _t2frames.LEAN:
        # a lean tier-2 call has no Frame: its instruction from its host line
        # (materialising a Frame for every nested host entry would cost more)
        info = _t2frames.LEAN_CODES.get(id(hf.f_code)) if hf is not None else None
        if info is not None:
            # (the usual case: that host frame is the lean call's own)
            co = info.code.co_code
            index = _t2frames.index_at(info, hf)
            return co[2 * index] if 0 <= index and 2 * index < len(co) else -1
        pos = _t2frames.lean_position(hf)
        if pos is None:
            return -1
        code, index = pos
        co = code.co_code
    else:
        # (f_lasti asks the loop running f where it is: plain, fused or tier 2)
        index = f.f_lasti >> 1
        co = f.f_code.co_code
    if 0 <= index and 2 * index < len(co):
        return co[2 * index]
    return -1


def _called_builtin(hf):
    """The host callable of call_host's frame among those _near_op looks at, or None."""
    op, frame = _near_op(hf)
    return frame.f_locals.get("func") if frame is not None else None


def _builtin_call(slot):
    """The builtin-call check for a builtin (or type) whose C code reaches ``slot``."""
    if _V >= (3, 11):
        # PRECALL_NO_KW_BUILTIN_O keeps the check; FASTCALL builtins, len,
        # str(x) and type calls are specialized without it
        return (CALL,) if slot in ("__repr__", "__hash__", "__init__", "__call__") else NONE
    return (CALL,)


def charge_outer(tstate):
    """Count the outermost host->guest entry's units now, if they were left
    for later (Function.__call__ far from the limit): a nested entry, or
    something that shows the depth (sys.setrecursionlimit's message), needs
    them.  ``tstate.c_lazy`` is (guest function, the host frame that called
    it) of that entry while its units are pending, their number once counted,
    None when no entry is pending."""
    pending = tstate.c_lazy
    if tstate.reentry != 2 or type(pending) is not tuple:
        return
    func, hf = pending
    n = len(entry_units(func, _loop_frame(hf), hf))
    tstate.c_lazy = n
    tstate.depth += n


def entry_charge(func, tstate, hf):
    """Function.__call__ from host code (``hf``: the host frame that called
    it): count the C checks made on the way (raising RecursionError where one
    fails); return how many were counted."""
    charge_outer(tstate)
    units = entry_units(func, tstate.frame, hf)
    for counted, where in enumerate(units):
        if tstate.depth >= tstate.recursion_limit:
            tstate.depth -= counted
            hook = ceval.depth_limit_hook
            if hook is not None:
                # --max-depth: reaching the cap is the run's stop, not the
                # guest's RecursionError (evalframe.limits)
                exc = hook()
                if not isinstance(exc, RecursionError):
                    raise exc
            raise RecursionError("maximum recursion depth exceeded" + where)
        tstate.depth += 1
    return len(units)


def _loop_frame(hf):
    """The guest frame running nearest above host frame ``hf``: the plain
    loop's, a tier-2 function's, or LEAN for a lean tier-2 call (whose
    instruction _caller reads from its host line)."""
    loop = ceval.eval_plain.__code__
    lean = _t2frames.LEAN_CODES
    t2 = _tier2.T2_LINES
    for _ in range(8):
        if hf is None:
            return None
        code = hf.f_code
        if code is loop:
            return hf.f_locals.get("f")
        if id(code) in lean:
            return _t2frames.LEAN
        if id(code) in t2:
            loc = hf.f_locals
            f = loc.get("f")
            if type(loc) is dict:
                loc.clear()     # (the host frame keeps the snapshot: hold nothing alive)
            if isinstance(f, _Frame):
                return f
        hf = hf.f_back
    return None


def entry_units(func, caller, hf):
    """The messages of the C recursion checks made before ``func``'s frame, in
    order, when the guest frame ``caller`` called the host code whose Python
    frame nearest to the entry is ``hf``."""
    if func is None or (caller is None and hf is None):
        return NONE
    name = func._name
    if name not in _SLOTS:
        # a callback (a key function, map's function...): the builtin the
        # guest called, if it called one (its frame is call_host's); the
        # calling instruction is not needed (a lean caller's host line, read
        # for every property and callback entry, cost more than the rest)
        if hf is not None and id(hf.f_code) in _t2frames.LEAN_CODES:
            return NONE     # (_near_op's answer: tier-2 code called no builtin)
        builtin = _called_builtin(hf)
        if type(builtin) is not _BuiltinFunctionType:
            return NONE         # a type (list(map(f, ...)): vectorcall, no check)
        if builtin is sorted:
            # builtin_sorted calls list.sort, a method descriptor: checked too
            return (CALL,) if _V >= (3, 11) else (CALL, CALL)
        return NONE if _V >= (3, 11) else (CALL,)
    op = _caller(caller, hf)
    called = op in _CALL_OPS
    if name == "__repr__":
        return (_builtin_call(name) + (REPR,)) if called else (REPR,)
    if name == "__str__":
        if called:
            return ((STR,) if _V >= (3, 11) else (CALL, STR))
        return (STR,)
    if name in _RICH:
        return (CMP,) if op in _COMPARE_OPS else NONE
    return _builtin_call(name) if called else NONE


_SLOTS = _RICH | frozenset(("__repr__", "__str__", "__hash__", "__len__", "__getattr__",
                            "__getattribute__", "__setattr__", "__delattr__", "__iter__",
                            "__next__", "__format__", "__init__", "__call__"))
