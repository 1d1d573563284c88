"""Stack manipulation and constants: POP_TOP, ROT_*, DUP_TOP*, NOP, LOAD_CONST.

Mirrors the corresponding cases of Python/ceval.c (3.10).
"""

from . import handler


@handler
def NOP(f, stack, arg):
    "( -- )"


@handler
def EXTENDED_ARG(f, stack, arg):
    "( -- )"
    # decode.py folds EXTENDED_ARG into its follower; this never runs.


@handler
def POP_TOP(f, stack, arg):
    "(value -- )"
    stack.pop()


@handler
def ROT_TWO(f, stack, arg):
    "(second, top -- top, second)"
    stack[-1], stack[-2] = stack[-2], stack[-1]


@handler
def ROT_THREE(f, stack, arg):
    "(third, second, top -- top, third, second)"
    stack.insert(-2, stack.pop())


@handler
def ROT_FOUR(f, stack, arg):
    "(fourth, third, second, top -- top, fourth, third, second)"
    stack.insert(-3, stack.pop())


@handler
def ROT_N(f, stack, arg):
    "(items[oparg-1], top -- top, items[oparg-1])"
    if arg > 1:
        stack.insert(-(arg - 1), stack.pop())


@handler
def DUP_TOP(f, stack, arg):
    "(value -- value, value)"
    stack.append(stack[-1])


@handler
def DUP_TOP_TWO(f, stack, arg):
    "(second, top -- second, top, second, top)"
    stack += stack[-2:]


@handler
def LOAD_CONST(f, stack, const):
    "( -- value)"
    stack.append(const)
