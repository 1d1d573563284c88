"""Unary, binary and in-place operators, comparisons, subscripts.

Mirrors the UNARY_*, BINARY_*, INPLACE_*, COMPARE_OP, IS_OP, CONTAINS_OP and
*_SUBSCR cases of Python/ceval.c (3.10).  The binary and in-place families
come from two small factories over the ``operator`` functions (PyNumber_Add,
PyNumber_InPlaceAdd, ...), which produce the host's own TypeError texts.
"""

import operator

from ... import opcodes
from . import handler, arg_decoder


def _binary(name, op):
    def binary_op(f, stack, arg):
        right = stack.pop()
        stack[-1] = op(stack[-1], right)
    binary_op.__name__ = binary_op.__qualname__ = name
    binary_op.__doc__ = "(left, right -- result)"
    return handler(binary_op)


def _unary(name, op):
    def unary_op(f, stack, arg):
        stack[-1] = op(stack[-1])
    unary_op.__name__ = unary_op.__qualname__ = name
    unary_op.__doc__ = "(value -- result)"
    return handler(unary_op)


UNARY_POSITIVE = _unary("UNARY_POSITIVE", operator.pos)
UNARY_NEGATIVE = _unary("UNARY_NEGATIVE", operator.neg)
UNARY_NOT = _unary("UNARY_NOT", operator.not_)


def _bool_invert_warning():
    """(message, category) of the host's warning for ``~`` on a bool (3.12+), or None."""
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        operator.invert(True)
    return (str(caught[0].message), caught[0].category) if caught else None


_BOOL_INVERT = _bool_invert_warning()
if _BOOL_INVERT is not None:
    def UNARY_INVERT(f, stack, arg):
        "(value -- result)"
        # The host's bool.__invert__ would warn from the VM's own frame (and so
        # be filtered out): warn from the guest's, as unary_invert does in C.
        value = stack[-1]
        if value.__class__ is bool:
            from ...runtime.hostframes import warn_from
            warn_from(f, _BOOL_INVERT[0], _BOOL_INVERT[1], 1)
            stack[-1] = ~int(value)
        else:
            stack[-1] = ~value
    UNARY_INVERT = handler(UNARY_INVERT)
else:
    UNARY_INVERT = _unary("UNARY_INVERT", operator.invert)


BINARY_POWER = _binary("BINARY_POWER", operator.pow)
BINARY_MULTIPLY = _binary("BINARY_MULTIPLY", operator.mul)
BINARY_MATRIX_MULTIPLY = _binary("BINARY_MATRIX_MULTIPLY", operator.matmul)
BINARY_TRUE_DIVIDE = _binary("BINARY_TRUE_DIVIDE", operator.truediv)
BINARY_FLOOR_DIVIDE = _binary("BINARY_FLOOR_DIVIDE", operator.floordiv)
BINARY_MODULO = _binary("BINARY_MODULO", operator.mod)
BINARY_SUBTRACT = _binary("BINARY_SUBTRACT", operator.sub)
BINARY_LSHIFT = _binary("BINARY_LSHIFT", operator.lshift)
BINARY_RSHIFT = _binary("BINARY_RSHIFT", operator.rshift)
BINARY_AND = _binary("BINARY_AND", operator.and_)
BINARY_XOR = _binary("BINARY_XOR", operator.xor)
BINARY_OR = _binary("BINARY_OR", operator.or_)
BINARY_SUBSCR = _binary("BINARY_SUBSCR", operator.getitem)

INPLACE_POWER = _binary("INPLACE_POWER", operator.ipow)
INPLACE_MULTIPLY = _binary("INPLACE_MULTIPLY", operator.imul)
INPLACE_MATRIX_MULTIPLY = _binary("INPLACE_MATRIX_MULTIPLY", operator.imatmul)
INPLACE_TRUE_DIVIDE = _binary("INPLACE_TRUE_DIVIDE", operator.itruediv)
INPLACE_FLOOR_DIVIDE = _binary("INPLACE_FLOOR_DIVIDE", operator.ifloordiv)
INPLACE_MODULO = _binary("INPLACE_MODULO", operator.imod)
INPLACE_ADD = _binary("INPLACE_ADD", operator.iadd)
INPLACE_SUBTRACT = _binary("INPLACE_SUBTRACT", operator.isub)
INPLACE_LSHIFT = _binary("INPLACE_LSHIFT", operator.ilshift)
INPLACE_RSHIFT = _binary("INPLACE_RSHIFT", operator.irshift)
INPLACE_AND = _binary("INPLACE_AND", operator.iand)
INPLACE_XOR = _binary("INPLACE_XOR", operator.ixor)
INPLACE_OR = _binary("INPLACE_OR", operator.ior)


@handler
def BINARY_ADD(f, stack, arg):
    "(left, right -- sum)"
    right = stack.pop()
    stack[-1] = stack[-1] + right


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


@handler
def IS_OP(f, stack, invert):
    "(left, right -- bool)"
    right = stack.pop()
    stack[-1] = (stack[-1] is right) is not bool(invert)


@handler
def CONTAINS_OP(f, stack, invert):
    "(left, right -- bool)"
    right = stack.pop()
    stack[-1] = (stack[-1] in right) is not bool(invert)


@handler
def STORE_SUBSCR(f, stack, arg):
    "(value, container, sub -- )"
    sub = stack.pop()
    container = stack.pop()
    container[sub] = stack.pop()


@handler
def DELETE_SUBSCR(f, stack, arg):
    "(container, sub -- )"
    sub = stack.pop()
    del stack.pop()[sub]


__all__ = ["opcodes"]
