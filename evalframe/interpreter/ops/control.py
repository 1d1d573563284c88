"""Control flow: jumps, iteration, return.

Mirrors the JUMP_*, POP_JUMP_IF_*, JUMP_IF_*_OR_POP, GET_ITER, FOR_ITER and
RETURN_VALUE cases of Python/ceval.c (3.10).  Jump arguments were resolved by
decode.py to absolute instruction indices; a handler returns the index to jump.
"""

from ...objects.cellobject import NULL
from . import handler, RETURN

_next = next
_iter = iter


@handler
def JUMP_FORWARD(f, stack, target):
    "( -- )"
    return target


@handler
def JUMP_ABSOLUTE(f, stack, target):
    "( -- )"
    return target


@handler
def POP_JUMP_IF_FALSE(f, stack, target):
    "(cond -- )"
    cond = stack.pop()
    if cond is False:
        return target
    if cond is True:
        return None
    if not cond:
        return target


@handler
def POP_JUMP_IF_TRUE(f, stack, target):
    "(cond -- )"
    cond = stack.pop()
    if cond is True:
        return target
    if cond is False:
        return None
    if cond:
        return target


@handler
def JUMP_IF_FALSE_OR_POP(f, stack, target):
    "(cond -- cond if jump)"
    if not stack[-1]:
        return target
    stack.pop()


@handler
def JUMP_IF_TRUE_OR_POP(f, stack, target):
    "(cond -- cond if jump)"
    if stack[-1]:
        return target
    stack.pop()


@handler
def GET_ITER(f, stack, arg):
    "(iterable -- iter)"
    stack[-1] = _iter(stack[-1])


@handler
def FOR_ITER(f, stack, target):
    "(iter -- iter, next)"
    value = _next(stack[-1], NULL)
    if value is NULL:
        stack.pop()
        return target
    stack.append(value)


@handler
def RETURN_VALUE(f, stack, arg):
    "(retval -- )"
    return RETURN
