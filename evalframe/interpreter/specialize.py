"""Specialised one-instruction handlers for the plain loop's instruction list.

Mirrors the idea of CPython 3.11's specialising adaptive interpreter
(Python/specialize.c: CALL_PY_EXACT_ARGS, RETURN_VALUE's frame pop), decided
once per code object at decode time instead of by run-time quickening.  The
handlers here replace the ordinary ones (interpreter/ops) only in
``Decoded.instrs``, the list the plain loop runs; the traced loop and the
tools keep the ordinary handlers (``Decoded.basic``).

* ``for_iter``: FOR_ITER returning a guest generator to the loop, which
  resumes its frame inline (ceval: FOR_ITER_GEN of 3.12).
* ``yield_from``: YIELD_FROM delegating to a guest generator the loop can
  resume inline (it checks what the loop would: not running, not finished,
  no tracer, recursion room) returns it to the loop, which sends the value
  by pushing its frame; a yield of the delegate is yielded on by the
  delegating frame (3.12's SEND / YIELD_VALUE in one loop).
* ``return_value_at``: RETURN_VALUE that records its own index in f._lasti
  (the loop does not: a superinstruction may return from the middle of a
  group).
* ``call_function`` / ``call_method``: CALL_FUNCTION and CALL_METHOD with the
  decoded argument being the plain count (no ``(nargs, index)`` pair: the
  plain loop writes f._lasti when it pushes a callee, and a host callee
  reading its caller's line gets the live index, ceval.live_lasti), and the
  guest-to-guest exact-arity call building the callee's Frame without
  Frame.__init__ (the slots frameobject.Frame documents).
"""

from ..objects.frameobject import Frame, FRAME_CREATED
from ..objects.funcobject import Function
from ..objects.genobject import Generator
from .call import call_push
from . import ops
from .pystate import get_tstate as _get_tstate
from .superinstr import warm_event

_new = object.__new__
_RETURN = ops.RETURN


def return_value_at(f, stack, index):
    "(retval -- )"
    f._lasti = index
    return _RETURN


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


def call_function(f, stack, nargs):
    "(callable, args[oparg] -- res)"
    if nargs:
        func = stack[-nargs - 1]
        args = stack[-nargs:]
        del stack[-nargs - 1:]
    else:
        args = []
        func = stack.pop()
    if type(func) is Function and func._fast_argcount == nargs:
        return fast_frame(func, args)
    return call_push(stack, func, args, None)


def call_method(f, stack, nargs):
    "(meth | NULL, self | callable, args[oparg] -- res)"
    meth = stack[-nargs - 2]
    if meth is _NULL:
        args = stack[-nargs:] if nargs else []
        func = stack[-nargs - 1]
        del stack[-nargs - 2:]
    else:
        args = stack[-nargs - 1:]
        del stack[-nargs - 2:]
        func = meth
        nargs += 1
    if type(func) is Function and func._fast_argcount == nargs:
        return fast_frame(func, args)
    return call_push(stack, func, args, None)


def for_iter(f, stack, target):
    "(iter -- iter, next)"
    it = stack[-1]
    if type(it) is Generator:
        return it           # the loop resumes the generator's frame inline
    value = next(it, _NULL)
    if value is _NULL:
        stack.pop()
        return target
    stack.append(value)


def yield_from(f, stack, arg):
    "(receiver, value -- receiver, yielded | result)"
    receiver = stack[-2]
    if (type(receiver) is Generator and _gen_can_inline(_get_tstate(), receiver)
            and (stack[-1] is None or receiver.gi_frame.f_state != FRAME_CREATED)):
        return receiver     # the loop resumes it inline, sending the value
    return _YIELD_FROM(f, stack, arg)


def _gen_can_inline(tstate, gen):
    global _gen_can_inline
    from .ceval import gen_can_inline
    _gen_can_inline = gen_can_inline    # (bound on first use: ceval imports this module)
    return gen_can_inline(tstate, gen)


def _decode(code):
    from .decode import decode
    return decode(code)


from ..objects.cellobject import NULL as _NULL  # noqa: E402

# opname -> (handler, decoded argument -> argument for it, given the index)
SPECIALIZED = {
    "RETURN_VALUE": (return_value_at, lambda darg, raw_arg, index: index),
    "CALL_FUNCTION": (call_function, lambda darg, raw_arg, index: raw_arg),
    "CALL_METHOD": (call_method, lambda darg, raw_arg, index: raw_arg),
    "FOR_ITER": (for_iter, lambda darg, raw_arg, index: darg),
    "YIELD_FROM": (yield_from, lambda darg, raw_arg, index: darg),
}
_YIELD_FROM = ops.handler_table()[ops.opcodes.YIELD_FROM]
