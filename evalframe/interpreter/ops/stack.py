"""Stack manipulation and constants: POP_TOP, ROT_*, DUP_TOP*, NOP, LOAD_CONST.

Mirrors the corresponding cases of Python/ceval.c (3.10).  NOP, POP_TOP,
ROT_TWO, ROT_THREE, DUP_TOP and LOAD_CONST are declared in
interpreter/bytecodes.py (one definition per opcode).
"""

from . import handler


@handler
def EXTENDED_ARG(f, stack, arg):
    "( -- )"
    # decode.py folds EXTENDED_ARG into its follower; this never runs.


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
def DUP_TOP_TWO(f, stack, arg):
    "(second, top -- second, top, second, top)"
    stack += stack[-2:]
