"""Tier 2's inline forms of the block-stack and exception opcodes.

Mirrors the SETUP_FINALLY, POP_BLOCK, POP_EXCEPT, JUMP_IF_NOT_EXC_MATCH,
RERAISE and RAISE_VARARGS cases of Python/ceval.c (3.10) for the frame-based
tier-2 function (tier2._Function): the block stack stays ``f.f_blockstack``
(3.10's model, which ceval._unwind, the traced loop and deoptimisation read),
but the value stack is not written out to ``f.f_valuestack`` and read back
around each of these opcodes, as running their ordinary handler (tier2._any)
does: in 3.10 the value-stack depth at each instruction is static
(tier2.stack_depths), so a block's level is a constant of the translation,
and the values these opcodes pop are host expressions of the virtual stack.

What an exception needs from the slots is kept: ``catch`` writes the slots
``s0 ..`` to the frame's value stack and ceval._unwind cuts it at the
block's level, so everything below a level must be in its canonical slot
where the block is pushed (SETUP_FINALLY canonicalises the virtual stack)
and where an exception is raised on purpose (RERAISE, RAISE_VARARGS).
"""

from ..objects.frameobject import SETUP_FINALLY as _B_SETUP_FINALLY, EXCEPT_HANDLER
from ..objects import excslots as _x
from .pystate import set_exc_value

# bound at the first translation (ops.exceptions imports call.py, ceval this module)
_check_except_type = _given_exception_matches = _Reraise = None

# the opcodes translated here (the others run their handler through run_op)
INLINE = frozenset(("SETUP_FINALLY", "POP_BLOCK", "POP_EXCEPT", "JUMP_IF_NOT_EXC_MATCH",
                    "RERAISE", "RAISE_VARARGS"))


def exc_match(left, right):
    """JUMP_IF_NOT_EXC_MATCH's test: whether exception class ``left`` matches
    ``right`` (TypeError for a ``right`` that is no exception class)."""
    _check_except_type(right)
    return _given_exception_matches(left, right)


def pop_except(f, tstate, value):
    """POP_EXCEPT: the handler's block popped, the saved exception restored."""
    if f.f_blockstack.pop()[0] != EXCEPT_HANDLER:
        raise SystemError("popped block is not an except handler")
    set_exc_value(tstate.exc_info, value)


def reraise(f, tb, value, arg):
    """RERAISE: ``value`` again with traceback ``tb``, placed at the handler's
    instruction (arg 1: a ``finally`` re-raising where its block was set up)."""
    lasti = f.f_blockstack[-1][1] if arg else None
    if value is not None:
        _x.set_traceback(value, tb)
    raise _Reraise(value, lasti)


def translate(g, name, arg, darg, depth, handler):
    """Emit instruction ``name`` into frame-based translation ``g`` (the
    depth before it: ``depth``); False when the block ends with it."""
    global _check_except_type, _given_exception_matches, _Reraise
    if _Reraise is None:
        from .ops.exceptions import check_except_type, given_exception_matches
        from .ceval import Reraise
        _check_except_type, _given_exception_matches = check_except_type, given_exception_matches
        _Reraise = Reraise
    if name == "SETUP_FINALLY":
        # (what an exception unwinds to must sit in the slots: catch passes them)
        g.canonical()
        g.emit("f.f_blockstack.append(%s)" % g.param((_B_SETUP_FINALLY, darg, depth)))
        return True
    if name == "POP_BLOCK":
        g.emit("f.f_blockstack.pop()")
        return True
    if name == "JUMP_IF_NOT_EXC_MATCH":
        right = g.pop()
        left = g.pop()
        t = g.temp()
        g.emit("%s = %s(%s, %s)" % (t, g.param(exc_match), left, right))
        g.release(left, right)
        g.emit("if not %s:" % t)
        g.exit(darg, 1)
        return True
    if name == "POP_EXCEPT":
        g.pop()
        value = g.pop()
        tb = g.pop()
        g.emit("%s(f, tstate, %s)" % (g.param(pop_except), value))
        g.release(tb, value)
        return True
    if name == "RERAISE":
        g.pop()
        value = g.pop()
        tb = g.pop()
        g.canonical()
        g.emit("%s(f, %s, %s, %d)" % (g.param(reraise), tb, value, arg))
        return False
    if name == "RAISE_VARARGS":
        items = [g.pop() for _ in range(arg)][::-1]
        g.canonical()
        g.emit("run_raise(%s, [%s], %d)" % (g.param(handler), ", ".join(items), arg))
        return False
    raise AssertionError(name)
