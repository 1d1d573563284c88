"""The opcode table: CPython 3.10's instruction set, names, numbers and stack effects.

Mirrors Lib/opcode.py and the ``stack_effect`` switch of Python/compile.c (3.10).
Compiler, assembler, disassembler and decoder all read this module; nothing else
lists opcodes.  Two opcodes come from CPython 3.11, for ``except*`` only, with
3.11's names and numbers (both numbers are unused in 3.10): CHECK_EG_MATCH and
PREP_RERAISE_STAR.
"""

HAVE_ARGUMENT = 90
EXTENDED_ARG = 144

# Argument kinds: how the oparg is read (dis uses this to print the argument).
ARG_NONE = "none"
ARG_INT = "int"          # a plain number (counts, flags)
ARG_CONST = "const"      # index into co_consts
ARG_NAME = "name"        # index into co_names
ARG_LOCAL = "local"      # index into co_varnames
ARG_FREE = "free"        # index into co_cellvars + co_freevars
ARG_JREL = "jrel"        # relative jump, in instructions (3.10 wordcode)
ARG_JABS = "jabs"        # absolute jump, in instructions
ARG_COMPARE = "compare"  # index into CMP_OP

CMP_OP = ("<", "<=", "==", "!=", ">", ">=")

# (number, name, argument kind)
_TABLE = [
    (1, "POP_TOP", ARG_NONE),
    (2, "ROT_TWO", ARG_NONE),
    (3, "ROT_THREE", ARG_NONE),
    (4, "DUP_TOP", ARG_NONE),
    (5, "DUP_TOP_TWO", ARG_NONE),
    (6, "ROT_FOUR", ARG_NONE),
    (9, "NOP", ARG_NONE),
    (10, "UNARY_POSITIVE", ARG_NONE),
    (11, "UNARY_NEGATIVE", ARG_NONE),
    (12, "UNARY_NOT", ARG_NONE),
    (15, "UNARY_INVERT", ARG_NONE),
    (16, "BINARY_MATRIX_MULTIPLY", ARG_NONE),
    (17, "INPLACE_MATRIX_MULTIPLY", ARG_NONE),
    (19, "BINARY_POWER", ARG_NONE),
    (20, "BINARY_MULTIPLY", ARG_NONE),
    (22, "BINARY_MODULO", ARG_NONE),
    (23, "BINARY_ADD", ARG_NONE),
    (24, "BINARY_SUBTRACT", ARG_NONE),
    (25, "BINARY_SUBSCR", ARG_NONE),
    (26, "BINARY_FLOOR_DIVIDE", ARG_NONE),
    (27, "BINARY_TRUE_DIVIDE", ARG_NONE),
    (28, "INPLACE_FLOOR_DIVIDE", ARG_NONE),
    (29, "INPLACE_TRUE_DIVIDE", ARG_NONE),
    (30, "GET_LEN", ARG_NONE),
    (31, "MATCH_MAPPING", ARG_NONE),
    (32, "MATCH_SEQUENCE", ARG_NONE),
    (33, "MATCH_KEYS", ARG_NONE),
    (34, "COPY_DICT_WITHOUT_KEYS", ARG_NONE),
    (37, "CHECK_EG_MATCH", ARG_NONE),       # 3.11, for except*
    (49, "WITH_EXCEPT_START", ARG_NONE),
    (50, "GET_AITER", ARG_NONE),
    (51, "GET_ANEXT", ARG_NONE),
    (52, "BEFORE_ASYNC_WITH", ARG_NONE),
    (54, "END_ASYNC_FOR", ARG_NONE),
    (55, "INPLACE_ADD", ARG_NONE),
    (56, "INPLACE_SUBTRACT", ARG_NONE),
    (57, "INPLACE_MULTIPLY", ARG_NONE),
    (59, "INPLACE_MODULO", ARG_NONE),
    (60, "STORE_SUBSCR", ARG_NONE),
    (61, "DELETE_SUBSCR", ARG_NONE),
    (62, "BINARY_LSHIFT", ARG_NONE),
    (63, "BINARY_RSHIFT", ARG_NONE),
    (64, "BINARY_AND", ARG_NONE),
    (65, "BINARY_XOR", ARG_NONE),
    (66, "BINARY_OR", ARG_NONE),
    (67, "INPLACE_POWER", ARG_NONE),
    (68, "GET_ITER", ARG_NONE),
    (69, "GET_YIELD_FROM_ITER", ARG_NONE),
    (70, "PRINT_EXPR", ARG_NONE),
    (71, "LOAD_BUILD_CLASS", ARG_NONE),
    (72, "YIELD_FROM", ARG_NONE),
    (73, "GET_AWAITABLE", ARG_NONE),
    (74, "LOAD_ASSERTION_ERROR", ARG_NONE),
    (75, "INPLACE_LSHIFT", ARG_NONE),
    (76, "INPLACE_RSHIFT", ARG_NONE),
    (77, "INPLACE_AND", ARG_NONE),
    (78, "INPLACE_XOR", ARG_NONE),
    (79, "INPLACE_OR", ARG_NONE),
    (82, "LIST_TO_TUPLE", ARG_NONE),
    (83, "RETURN_VALUE", ARG_NONE),
    (84, "IMPORT_STAR", ARG_NONE),
    (85, "SETUP_ANNOTATIONS", ARG_NONE),
    (86, "YIELD_VALUE", ARG_NONE),
    (87, "POP_BLOCK", ARG_NONE),
    (88, "PREP_RERAISE_STAR", ARG_NONE),    # 3.11, for except*
    (89, "POP_EXCEPT", ARG_NONE),
    (90, "STORE_NAME", ARG_NAME),
    (91, "DELETE_NAME", ARG_NAME),
    (92, "UNPACK_SEQUENCE", ARG_INT),
    (93, "FOR_ITER", ARG_JREL),
    (94, "UNPACK_EX", ARG_INT),
    (95, "STORE_ATTR", ARG_NAME),
    (96, "DELETE_ATTR", ARG_NAME),
    (97, "STORE_GLOBAL", ARG_NAME),
    (98, "DELETE_GLOBAL", ARG_NAME),
    (99, "ROT_N", ARG_INT),
    (100, "LOAD_CONST", ARG_CONST),
    (101, "LOAD_NAME", ARG_NAME),
    (102, "BUILD_TUPLE", ARG_INT),
    (103, "BUILD_LIST", ARG_INT),
    (104, "BUILD_SET", ARG_INT),
    (105, "BUILD_MAP", ARG_INT),
    (106, "LOAD_ATTR", ARG_NAME),
    (107, "COMPARE_OP", ARG_COMPARE),
    (108, "IMPORT_NAME", ARG_NAME),
    (109, "IMPORT_FROM", ARG_NAME),
    (110, "JUMP_FORWARD", ARG_JREL),
    (111, "JUMP_IF_FALSE_OR_POP", ARG_JABS),
    (112, "JUMP_IF_TRUE_OR_POP", ARG_JABS),
    (113, "JUMP_ABSOLUTE", ARG_JABS),
    (114, "POP_JUMP_IF_FALSE", ARG_JABS),
    (115, "POP_JUMP_IF_TRUE", ARG_JABS),
    (116, "LOAD_GLOBAL", ARG_NAME),
    (117, "IS_OP", ARG_INT),
    (118, "CONTAINS_OP", ARG_INT),
    (119, "RERAISE", ARG_INT),
    (121, "JUMP_IF_NOT_EXC_MATCH", ARG_JABS),
    (122, "SETUP_FINALLY", ARG_JREL),
    (124, "LOAD_FAST", ARG_LOCAL),
    (125, "STORE_FAST", ARG_LOCAL),
    (126, "DELETE_FAST", ARG_LOCAL),
    (129, "GEN_START", ARG_INT),
    (130, "RAISE_VARARGS", ARG_INT),
    (131, "CALL_FUNCTION", ARG_INT),
    (132, "MAKE_FUNCTION", ARG_INT),
    (133, "BUILD_SLICE", ARG_INT),
    (135, "LOAD_CLOSURE", ARG_FREE),
    (136, "LOAD_DEREF", ARG_FREE),
    (137, "STORE_DEREF", ARG_FREE),
    (138, "DELETE_DEREF", ARG_FREE),
    (141, "CALL_FUNCTION_KW", ARG_INT),
    (142, "CALL_FUNCTION_EX", ARG_INT),
    (143, "SETUP_WITH", ARG_JREL),
    (144, "EXTENDED_ARG", ARG_INT),
    (145, "LIST_APPEND", ARG_INT),
    (146, "SET_ADD", ARG_INT),
    (147, "MAP_ADD", ARG_INT),
    (148, "LOAD_CLASSDEREF", ARG_FREE),
    (152, "MATCH_CLASS", ARG_INT),
    (154, "SETUP_ASYNC_WITH", ARG_JREL),
    (155, "FORMAT_VALUE", ARG_INT),
    (156, "BUILD_CONST_KEY_MAP", ARG_INT),
    (157, "BUILD_STRING", ARG_INT),
    (160, "LOAD_METHOD", ARG_NAME),
    (161, "CALL_METHOD", ARG_INT),
    (162, "LIST_EXTEND", ARG_INT),
    (163, "SET_UPDATE", ARG_INT),
    (164, "DICT_MERGE", ARG_INT),
    (165, "DICT_UPDATE", ARG_INT),
]

opname = ["<%d>" % i for i in range(256)]
opmap = {}
argkind = [ARG_NONE] * 256
for _num, _name, _kind in _TABLE:
    opname[_num] = _name
    opmap[_name] = _num
    argkind[_num] = _kind
    globals()[_name] = _num
del _num, _name, _kind

hasconst = [op for op in range(256) if argkind[op] == ARG_CONST]
hasname = [op for op in range(256) if argkind[op] == ARG_NAME]
haslocal = [op for op in range(256) if argkind[op] == ARG_LOCAL]
hasfree = [op for op in range(256) if argkind[op] == ARG_FREE]
hasjrel = [op for op in range(256) if argkind[op] == ARG_JREL]
hasjabs = [op for op in range(256) if argkind[op] == ARG_JABS]
hascompare = [op for op in range(256) if argkind[op] == ARG_COMPARE]
hasjump = frozenset(hasjrel + hasjabs)

# Instructions after which control never falls through to the next one.
UNCONDITIONAL_JUMPS = frozenset({JUMP_ABSOLUTE, JUMP_FORWARD})
SCOPE_EXITS = frozenset({RETURN_VALUE, RAISE_VARARGS, RERAISE})

# FORMAT_VALUE oparg bits (Include/ceval.h)
FVC_MASK, FVC_NONE, FVC_STR, FVC_REPR, FVC_ASCII = 0x3, 0x0, 0x1, 0x2, 0x3
FVS_MASK, FVS_HAVE_SPEC = 0x4, 0x4

# MAKE_FUNCTION oparg bits
MF_DEFAULTS, MF_KWDEFAULTS, MF_ANNOTATIONS, MF_CLOSURE = 0x01, 0x02, 0x04, 0x08

# Stack effects that do not depend on the argument or the jump.
FIXED_STACK_EFFECTS = {
    POP_TOP: -1, ROT_TWO: 0, ROT_THREE: 0, ROT_FOUR: 0, DUP_TOP: 1, DUP_TOP_TWO: 2,
    NOP: 0, UNARY_POSITIVE: 0, UNARY_NEGATIVE: 0, UNARY_NOT: 0, UNARY_INVERT: 0,
    BINARY_SUBSCR: -1, STORE_SUBSCR: -3, DELETE_SUBSCR: -2,
    GET_LEN: 1, MATCH_MAPPING: 1, MATCH_SEQUENCE: 1, MATCH_KEYS: 2,
    COPY_DICT_WITHOUT_KEYS: 0, WITH_EXCEPT_START: 1, GET_AITER: 0, GET_ANEXT: 1,
    BEFORE_ASYNC_WITH: 1, END_ASYNC_FOR: -7, GET_ITER: 0, GET_YIELD_FROM_ITER: 0,
    PRINT_EXPR: -1, LOAD_BUILD_CLASS: 1, YIELD_FROM: -1, GET_AWAITABLE: 0,
    LOAD_ASSERTION_ERROR: 1, LIST_TO_TUPLE: 0, RETURN_VALUE: -1, IMPORT_STAR: -1,
    SETUP_ANNOTATIONS: 0, YIELD_VALUE: 0, POP_BLOCK: 0, POP_EXCEPT: -3,
    STORE_NAME: -1, DELETE_NAME: 0, STORE_ATTR: -2, DELETE_ATTR: -1,
    STORE_GLOBAL: -1, DELETE_GLOBAL: 0, ROT_N: 0, LOAD_CONST: 1, LOAD_NAME: 1,
    LOAD_ATTR: 0, COMPARE_OP: -1, IS_OP: -1, CONTAINS_OP: -1,
    JUMP_IF_NOT_EXC_MATCH: -2, IMPORT_NAME: -1, IMPORT_FROM: 1,
    JUMP_FORWARD: 0, JUMP_ABSOLUTE: 0, POP_JUMP_IF_FALSE: -1, POP_JUMP_IF_TRUE: -1,
    LOAD_GLOBAL: 1, RERAISE: -3, LOAD_FAST: 1, STORE_FAST: -1, DELETE_FAST: 0,
    GEN_START: -1, LOAD_CLOSURE: 1, LOAD_DEREF: 1, LOAD_CLASSDEREF: 1,
    STORE_DEREF: -1, DELETE_DEREF: 0, LIST_APPEND: -1, SET_ADD: -1, MAP_ADD: -2,
    MATCH_CLASS: -1, LOAD_METHOD: 1, LIST_EXTEND: -1, SET_UPDATE: -1,
    DICT_MERGE: -1, DICT_UPDATE: -1, EXTENDED_ARG: 0,
    # except* (3.11): CHECK_EG_MATCH (exc, type -- rest, match);
    # PREP_RERAISE_STAR (orig, list -- exc)
    CHECK_EG_MATCH: 0, PREP_RERAISE_STAR: -1,
}
for _op in range(256):
    if opname[_op].startswith(("BINARY_", "INPLACE_")):
        FIXED_STACK_EFFECTS.setdefault(_op, -1)
del _op


def stack_effect(op, arg=0, jump=None):
    """The stack effect of ``op`` with ``arg``, as 3.10's dis.stack_effect.

    ``jump=True`` is the effect when the jump is taken, ``False`` when it is not,
    and ``None`` the maximum of both (what the assembler uses).
    """
    eff = FIXED_STACK_EFFECTS.get(op)
    if eff is not None:
        return eff
    if op in (UNPACK_SEQUENCE,):
        return arg - 1
    if op == UNPACK_EX:
        return (arg & 0xFF) + (arg >> 8)
    if op in (BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING):
        return 1 - arg
    if op == BUILD_MAP:
        return 1 - 2 * arg
    if op == BUILD_CONST_KEY_MAP:
        return -arg
    if op == FOR_ITER:
        # exhausted: pops the iterator; otherwise pushes the next value
        if jump is None:
            return 1
        return -1 if jump else 1
    if op in (JUMP_IF_TRUE_OR_POP, JUMP_IF_FALSE_OR_POP):
        if jump is None:
            return 0
        return 0 if jump else -1
    if op == SETUP_FINALLY:
        # 0 in the normal flow; the handler is entered with 6 values pushed
        if jump is None:
            return 6
        return 6 if jump else 0
    if op == SETUP_WITH:
        if jump is None:
            return 6
        return 6 if jump else 1
    if op == SETUP_ASYNC_WITH:
        if jump is None:
            return 5
        return 5 if jump else 0
    if op == RAISE_VARARGS:
        return -arg
    if op == CALL_FUNCTION:
        return -arg
    if op == CALL_METHOD:
        return -arg - 1
    if op == CALL_FUNCTION_KW:
        return -arg - 1
    if op == CALL_FUNCTION_EX:
        return -1 - (1 if arg & 1 else 0)
    if op == MAKE_FUNCTION:
        return -1 - bin(arg & 0x0F).count("1")
    if op == BUILD_SLICE:
        return -2 if arg == 3 else -1
    if op == FORMAT_VALUE:
        return -1 if (arg & FVS_MASK) == FVS_HAVE_SPEC else 0
    raise ValueError("invalid opcode or oparg: %r %r" % (op, arg))
