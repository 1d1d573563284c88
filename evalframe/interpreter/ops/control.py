"""Control flow left to handlers: FOR_ITER and RETURN_VALUE.

Mirrors those cases of Python/ceval.c (3.10).  The jumps and GET_ITER are
declared in interpreter/bytecodes.py.  Jump arguments were resolved by
decode.py to absolute instruction indices; a handler returns the index to jump.
"""

from ...objects.cellobject import NULL
from . import handler, RETURN

_next = next


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
