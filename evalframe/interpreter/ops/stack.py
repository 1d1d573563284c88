"""Stack manipulation left to handlers: EXTENDED_ARG's placeholder.

Mirrors that case of Python/ceval.c (3.10); the stack opcodes (ROT_N too)
and LOAD_CONST are declared in interpreter/bytecodes.py.
"""

from . import handler


@handler
def EXTENDED_ARG(f, stack, arg):
    "( -- )"
    # decode.py folds EXTENDED_ARG into its follower; this never runs.

