"""Stack manipulation left to handlers: ROT_N, and EXTENDED_ARG's placeholder.

Mirrors those cases of Python/ceval.c (3.10); the other stack opcodes and
LOAD_CONST are declared in interpreter/bytecodes.py.
"""

from . import handler


@handler
def EXTENDED_ARG(f, stack, arg):
    "( -- )"
    # decode.py folds EXTENDED_ARG into its follower; this never runs.


@handler
def ROT_N(f, stack, arg):
    "(items[oparg-1], top -- top, items[oparg-1])"
    if arg > 1:
        stack.insert(-(arg - 1), stack.pop())
