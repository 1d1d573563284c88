"""The facts interpreter/bytecodes.py derives from its definitions.

GENERATED from interpreter/bytecodes.py's definitions: do not edit;
regenerate with ``python -m evalframe.interpreter.bytecodes``.  Read at
start-up instead of deriving them again (bytecodes.derived_facts).
"""

ALWAYS_JUMPS = frozenset((
    'JUMP_ABSOLUTE',
    'JUMP_FORWARD',
))
BINDS_LOCAL = frozenset((
    'STORE_FAST',
))
UNBINDS_LOCAL = frozenset((
    'DELETE_FAST',
))
CALLS = frozenset((
    'BEFORE_ASYNC_WITH',
    'CALL_FUNCTION_EX',
    'IMPORT_NAME',
    'WITH_EXCEPT_START',
))
NEEDS_LOCALS = frozenset((
    'DELETE_NAME',
    'IMPORT_STAR',
    'LOAD_NAME',
    'SETUP_ANNOTATIONS',
    'STORE_NAME',
))
WITH_INDEX = frozenset((
    'CALL_FUNCTION',
    'CALL_FUNCTION_EX',
    'CALL_FUNCTION_KW',
    'CALL_METHOD',
    'IMPORT_NAME',
))
BLOCKS = frozenset((
    'END_ASYNC_FOR',
    'POP_BLOCK',
    'POP_EXCEPT',
    'RERAISE',
    'SETUP_ASYNC_WITH',
    'SETUP_FINALLY',
    'SETUP_WITH',
))
PUSHES_BLOCK = frozenset((
    'SETUP_ASYNC_WITH',
    'SETUP_FINALLY',
    'SETUP_WITH',
))
RAISES = frozenset((
    'RAISE_VARARGS',
    'RERAISE',
))
FORMS = {
    'CALL_FUNCTION': 'call',
    'CALL_FUNCTION_KW': 'call_kw',
    'CALL_METHOD': 'call_method',
    'FOR_ITER': 'next',
    'RETURN_VALUE': 'return',
    'YIELD_FROM': 'delegate',
}
HAS_LIVE = frozenset((
    'CALL_FUNCTION',
    'CALL_METHOD',
    'FOR_ITER',
    'RETURN_VALUE',
    'YIELD_FROM',
))
COUNTED = frozenset((
    'BUILD_CONST_KEY_MAP',
    'BUILD_LIST',
    'BUILD_MAP',
    'BUILD_SET',
    'BUILD_SLICE',
    'BUILD_STRING',
    'BUILD_TUPLE',
    'CALL_FUNCTION',
    'CALL_FUNCTION_EX',
    'CALL_FUNCTION_KW',
    'CALL_METHOD',
    'FORMAT_VALUE',
    'MAKE_FUNCTION',
    'RAISE_VARARGS',
    'ROT_N',
    'UNPACK_EX',
    'UNPACK_SEQUENCE',
    'WITH_EXCEPT_START',
))
