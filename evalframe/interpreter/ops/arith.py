"""Comparisons: COMPARE_OP (its argument decoded to the ``operator`` function).

Mirrors the COMPARE_OP case of Python/ceval.c (3.10).  The unary, binary and
in-place operators, the subscripts, IS_OP and CONTAINS_OP, which this module
used to hold, are declared in interpreter/bytecodes.py.
"""

import operator

from ... import opcodes
from . import handler, arg_decoder


_COMPARE = (operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge)


@arg_decoder("COMPARE_OP")
def _decode_compare(code, index, arg, darg):
    if arg >= len(_COMPARE):
        raise SystemError("bad COMPARE_OP oparg %d" % arg)
    return _COMPARE[arg]


@handler
def COMPARE_OP(f, stack, cmp):
    "(left, right -- result)"
    right = stack.pop()
    stack[-1] = cmp(stack[-1], right)


__all__ = ["opcodes"]
