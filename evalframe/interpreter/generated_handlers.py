"""The plain handlers of the opcodes declared in bytecodes.py.

GENERATED from interpreter/bytecodes.py's definitions: do not edit;
regenerate with ``python -m evalframe.interpreter.bytecodes``.  Mirrors
CPython 3.12's Python/generated_cases.c.h.
"""

from types import MethodType
from ..objects.cellobject import NULL
from ..objects.funcobject import Function
from .call import call_push
from .call import call_object
from .ops.names import unbound_local
from .ops.names import unbound_deref
from .ops.names import load_deref_slow
from .ops.names import load_global_slow
from .ops.names import load_global_missed
from .ops.names import name_error
from .ops.names import deref_name
from .ops.names import load_name_global
from .ops.names import locals_get
from .ops.names import no_locals
from .ops.arith import invert_bool
from .ops.containers import unpack_iterable
from .ops.containers import list_extend
from .ops.containers import dict_update
from .ops.containers import dict_merge
from .ops.containers import displayhook
from .ops.imports import import_func
from .ops.imports import import_from
from .ops.imports import import_all_from
from .ops.patterns import match_keys
from .ops.patterns import match_class
from .ops.calls import star_args
from .ops.calls import kwargs_dict
from .ops.generators import CORO_TYPES
from .ops.generators import GEN_CORO_TYPES
from .ops.generators import AsyncGenerator
from .ops.generators import AsyncGenWrappedValue
from .ops.generators import yield_kind
from .ops import YIELD
from .ops import RETURN
from .ops import YIELD_AGAIN
from .ops.generators import SEND_TYPES
from ..objects.genobject import Generator
from ..objects.frameobject import FRAME_CREATED
from .specialize import fast_frame
from .ceval import gen_can_inline
from .ops.generators import get_awaitable
from .ops.generators import awaitable_where
from .ops.generators import get_aiter
from .ops.generators import get_anext
from .pystate import get_tstate
from .pystate import set_exc_value
from ..objects.frameobject import EXCEPT_HANDLER
from ..objects.excslots import set_traceback
from ..objects.excslots import get_traceback
from .ops.exceptions import restore_traceback
from .ops.exceptions import exit_traceback
from .ops.exceptions import FINALLY_BLOCK
from .ops.exceptions import reraise
from .ops.exceptions import active_exception
from .ops.exceptions import do_raise
from .ops.exceptions import exc_no_match
from .ops.exceptions import given_exception_matches
from .ops.exceptions import lookup_special
from .ops.exceptions import cm_error
from .ops.exceptions import check_except_star_type
from .ops.exceptions import exception_group_match
from .ops.exceptions import prep_reraise_star

IS_OP_VARIANTS = {}
CONTAINS_OP_VARIANTS = {}
COMPARE_OP_VARIANTS = {}
BUILD_SLICE_VARIANTS = {}
FORMAT_VALUE_VARIANTS = {}
BUILD_MAP_VARIANTS = {}
MAKE_FUNCTION_VARIANTS = {}
CALL_FUNCTION_EX_VARIANTS = {}
RERAISE_VARIANTS = {}
RAISE_VARARGS_VARIANTS = {}
YIELD_VALUE_VARIANTS = {}


def NOP(f, stack, oparg):
    '( -- )'


def POP_TOP(f, stack, oparg):
    '(value -- )'
    stack.pop()


def ROT_TWO(f, stack, oparg):
    '(second, top -- top, second)'
    stack[-2:] = stack[-1], stack[-2]


def ROT_THREE(f, stack, oparg):
    '(third, second, top -- top, third, second)'
    stack[-3:] = stack[-1], stack[-3], stack[-2]


def DUP_TOP(f, stack, oparg):
    '(value -- value, value)'
    stack.append(stack[-1])


def LOAD_CONST(f, stack, oparg):
    '( -- value)'
    value = oparg
    stack.append(value)


def UNARY_POSITIVE(f, stack, oparg):
    '(value -- res)'
    value = stack[-1]
    res = +value
    stack[-1] = res


def UNARY_NEGATIVE(f, stack, oparg):
    '(value -- res)'
    value = stack[-1]
    res = -value
    stack[-1] = res


def UNARY_NOT(f, stack, oparg):
    '(value -- res)'
    value = stack[-1]
    res = not value
    stack[-1] = res


def UNARY_INVERT(f, stack, oparg):
    '(value -- res)'
    value = stack[-1]
    res = invert_bool(f, value) if value.__class__ is bool else ~value
    stack[-1] = res


def BINARY_ADD(f, stack, oparg):
    '(left, right -- sum)'
    left = stack[-2]
    right = stack.pop()
    sum = left + right
    stack[-1] = sum


def BINARY_SUBTRACT(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left - right
    stack[-1] = res


def BINARY_MULTIPLY(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left * right
    stack[-1] = res


def BINARY_MATRIX_MULTIPLY(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left @ right
    stack[-1] = res


def BINARY_TRUE_DIVIDE(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left / right
    stack[-1] = res


def BINARY_FLOOR_DIVIDE(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left // right
    stack[-1] = res


def BINARY_MODULO(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left % right
    stack[-1] = res


def BINARY_POWER(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left ** right
    stack[-1] = res


def BINARY_LSHIFT(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left << right
    stack[-1] = res


def BINARY_RSHIFT(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left >> right
    stack[-1] = res


def BINARY_AND(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left & right
    stack[-1] = res


def BINARY_XOR(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left ^ right
    stack[-1] = res


def BINARY_OR(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left | right
    stack[-1] = res


def BINARY_SUBSCR(f, stack, oparg):
    '(container, sub -- res)'
    container = stack[-2]
    sub = stack.pop()
    res = container[sub]
    stack[-1] = res


def INPLACE_ADD(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res += right
    stack[-1] = res


def INPLACE_SUBTRACT(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res -= right
    stack[-1] = res


def INPLACE_MULTIPLY(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res *= right
    stack[-1] = res


def INPLACE_MATRIX_MULTIPLY(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res @= right
    stack[-1] = res


def INPLACE_TRUE_DIVIDE(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res /= right
    stack[-1] = res


def INPLACE_FLOOR_DIVIDE(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res //= right
    stack[-1] = res


def INPLACE_MODULO(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res %= right
    stack[-1] = res


def INPLACE_POWER(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res **= right
    stack[-1] = res


def INPLACE_LSHIFT(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res <<= right
    stack[-1] = res


def INPLACE_RSHIFT(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res >>= right
    stack[-1] = res


def INPLACE_AND(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res &= right
    stack[-1] = res


def INPLACE_XOR(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res ^= right
    stack[-1] = res


def INPLACE_OR(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left
    res |= right
    stack[-1] = res


def STORE_SUBSCR(f, stack, oparg):
    '(value, container, sub -- )'
    value = stack[-3]
    container = stack[-2]
    sub = stack.pop()
    stack.pop()
    stack.pop()
    container[sub] = value


def DELETE_SUBSCR(f, stack, oparg):
    '(container, sub -- )'
    container = stack[-2]
    sub = stack.pop()
    stack.pop()
    del container[sub]


def IS_OP__0(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left is right
    stack[-1] = res


def IS_OP__1(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left is not right
    stack[-1] = res


def IS_OP(f, stack, oparg):
    '(left, right -- res)'
    fn = IS_OP_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad IS_OP oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def CONTAINS_OP__0(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left in right
    stack[-1] = res


def CONTAINS_OP__1(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left not in right
    stack[-1] = res


def CONTAINS_OP(f, stack, oparg):
    '(left, right -- res)'
    fn = CONTAINS_OP_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad CONTAINS_OP oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def LOAD_CLOSURE(f, stack, oparg):
    '( -- cell)'
    cell = f.f_localsplus[oparg]
    stack.append(cell)


def LOAD_DEREF(f, stack, oparg):
    '( -- value)'
    value = f.f_localsplus[oparg].ob_ref
    if value is NULL: value = load_deref_slow(f, oparg)
    stack.append(value)


def STORE_DEREF(f, stack, oparg):
    '(value -- )'
    value = stack.pop()
    f.f_localsplus[oparg].ob_ref = value


def LOAD_FAST(f, stack, oparg):
    '( -- value)'
    value = f.f_localsplus[oparg]
    if value is NULL: raise unbound_local(f, oparg)  # unless bound
    stack.append(value)


def STORE_FAST(f, stack, oparg):
    '(value -- )'
    value = stack.pop()
    f.f_localsplus[oparg] = value


def DELETE_FAST(f, stack, oparg):
    '( -- )'
    fast = f.f_localsplus
    if fast[oparg] is NULL: raise unbound_local(f, oparg)  # unless bound
    fast[oparg] = NULL


def LOAD_GLOBAL(f, stack, oparg):
    '( -- value)'
    globals = f.f_globals
    value = globals.get(oparg, NULL) if globals.__class__ is dict else load_global_slow(f, oparg)  # unless exact
    if value is NULL: value = f.f_builtins.get(oparg, NULL) if f.f_builtins.__class__ is dict else NULL  # unless exact
    if value is NULL: value = load_global_slow(f, oparg)  # unless exact
    stack.append(value)


def STORE_GLOBAL(f, stack, oparg):
    '(value -- )'
    globals = f.f_globals
    value = stack.pop()
    if globals.__class__ is dict: globals[oparg] = value
    else: dict.__setitem__(globals, oparg, value)


def DELETE_GLOBAL(f, stack, oparg):
    '( -- )'
    if dict.pop(f.f_globals, oparg, NULL) is NULL: raise name_error(oparg)


def LOAD_ATTR(f, stack, oparg):
    '(owner -- attr)'
    owner = stack[-1]
    attr = getattr(owner, oparg)
    stack[-1] = attr


def STORE_ATTR(f, stack, oparg):
    '(value, owner -- )'
    value = stack[-2]
    owner = stack.pop()
    stack.pop()
    setattr(owner, oparg, value)


def DELETE_ATTR(f, stack, oparg):
    '(owner -- )'
    owner = stack.pop()
    delattr(owner, oparg)


def LOAD_METHOD(f, stack, oparg):
    '(owner -- meth, self_or_attr)'
    owner = stack.pop()
    self_or_attr = getattr(owner, oparg)
    if type(self_or_attr) is MethodType and self_or_attr.__self__ is owner and type(meth := self_or_attr.__func__) is Function: self_or_attr = owner
    else: meth = NULL
    stack += (meth, self_or_attr,)


def COMPARE_OP__0(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left < right
    stack[-1] = res


def COMPARE_OP__1(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left <= right
    stack[-1] = res


def COMPARE_OP__2(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left == right
    stack[-1] = res


def COMPARE_OP__3(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left != right
    stack[-1] = res


def COMPARE_OP__4(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left > right
    stack[-1] = res


def COMPARE_OP__5(f, stack, oparg):
    '(left, right -- res)'
    left = stack[-2]
    right = stack.pop()
    res = left >= right
    stack[-1] = res


def COMPARE_OP(f, stack, oparg):
    '(left, right -- res)'
    fn = COMPARE_OP_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad COMPARE_OP oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def BUILD_TUPLE(f, stack, oparg):
    '(values[oparg] -- tup)'
    values = stack[len(stack) - oparg:]
    del stack[len(stack) - oparg:]
    tup = (*values,)
    stack.append(tup)


def BUILD_LIST(f, stack, oparg):
    '(values[oparg] -- lst)'
    values = stack[len(stack) - oparg:]
    del stack[len(stack) - oparg:]
    lst = [*values]
    stack.append(lst)


def BUILD_SET(f, stack, oparg):
    '(values[oparg] -- st)'
    values = stack[len(stack) - oparg:]
    del stack[len(stack) - oparg:]
    st = {*values}
    stack.append(st)


def BUILD_STRING(f, stack, oparg):
    '(pieces[oparg] -- res)'
    pieces = stack[len(stack) - oparg:]
    del stack[len(stack) - oparg:]
    res = "".join(pieces)
    stack.append(res)


def BUILD_SLICE__2(f, stack, oparg):
    '(start, stop, step if (oparg == 3) -- slc)'
    start = stack[-2]
    stop = stack.pop()
    slc = slice(start, stop)
    stack[-1] = slc


def BUILD_SLICE__3(f, stack, oparg):
    '(start, stop, step if (oparg == 3) -- slc)'
    start = stack[-3]
    stop = stack[-2]
    step = stack.pop()
    stack.pop()
    slc = slice(start, stop, step)
    stack[-1] = slc


def BUILD_SLICE(f, stack, oparg):
    '(start, stop, step if (oparg == 3) -- slc)'
    fn = BUILD_SLICE_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad BUILD_SLICE oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def LIST_TO_TUPLE(f, stack, oparg):
    '(lst -- tup)'
    lst = stack[-1]
    tup = tuple(lst)
    stack[-1] = tup


def LIST_APPEND(f, stack, oparg):
    '(v -- )'
    v = stack.pop()
    stack[-oparg].append(v)


def SET_ADD(f, stack, oparg):
    '(v -- )'
    v = stack.pop()
    stack[-oparg].add(v)


def MAP_ADD(f, stack, oparg):
    '(key, value -- )'
    key = stack[-2]
    value = stack.pop()
    stack.pop()
    stack[-oparg][key] = value


def SET_UPDATE(f, stack, oparg):
    '(iterable -- )'
    iterable = stack.pop()
    stack[-oparg].update(iterable)


def LIST_EXTEND(f, stack, oparg):
    '(iterable -- )'
    iterable = stack.pop()
    if iterable.__class__ is list or iterable.__class__ is tuple: stack[-oparg].extend(iterable)
    else: list_extend(stack[-oparg], iterable)


def DICT_UPDATE(f, stack, oparg):
    '(update -- )'
    update = stack.pop()
    if isinstance(update, dict): stack[-oparg].update(update)
    else: dict_update(stack[-oparg], update)


def DICT_MERGE(f, stack, oparg):
    '(update -- )'
    update = stack.pop()
    if update.__class__ is dict and not stack[-oparg]: stack[-oparg].update(update)
    else: dict_merge(stack[-(oparg + 2)], stack[-oparg], update)


def UNPACK_SEQUENCE(f, stack, oparg):
    '(seq -- values[oparg])'
    seq = stack.pop()
    if (seq.__class__ is tuple or seq.__class__ is list) and len(seq) == oparg: values = seq[::-1]
    else: values = unpack_iterable(seq, oparg, -1)[::-1]
    stack.extend(values)


def UNPACK_EX(f, stack, oparg):
    '(seq -- values[(oparg & 0xFF) + 1 + (oparg >> 8)])'
    seq = stack.pop()
    values = unpack_iterable(seq, oparg & 0xFF, oparg >> 8)[::-1]
    stack.extend(values)


def GET_ITER(f, stack, oparg):
    '(iterable -- it)'
    iterable = stack[-1]
    it = iter(iterable)
    stack[-1] = it


def GET_LEN(f, stack, oparg):
    '(obj -- obj, n)'
    obj = stack[-1]
    n = len(obj)
    stack.append(n)


def LOAD_ASSERTION_ERROR(f, stack, oparg):
    '( -- value)'
    value = AssertionError
    stack.append(value)


def MATCH_MAPPING(f, stack, oparg):
    '(subject -- subject, res)'
    subject = stack[-1]
    res = bool(type(subject).__flags__ & 64)
    stack.append(res)


def MATCH_SEQUENCE(f, stack, oparg):
    '(subject -- subject, res)'
    subject = stack[-1]
    res = bool(type(subject).__flags__ & 32)
    stack.append(res)


def FORMAT_VALUE__0(f, stack, oparg):
    '(value, fmt_spec if (oparg & 4) -- res)'
    value = stack[-1]
    res = value if value.__class__ is str else format(value, '')
    stack[-1] = res


def FORMAT_VALUE__1(f, stack, oparg):
    '(value, fmt_spec if (oparg & 4) -- res)'
    value = stack[-1]
    res = str(value)
    if res.__class__ is not str: res = format(res, '')
    stack[-1] = res


def FORMAT_VALUE__2(f, stack, oparg):
    '(value, fmt_spec if (oparg & 4) -- res)'
    value = stack[-1]
    res = repr(value)
    if res.__class__ is not str: res = format(res, '')
    stack[-1] = res


def FORMAT_VALUE__3(f, stack, oparg):
    '(value, fmt_spec if (oparg & 4) -- res)'
    value = stack[-1]
    res = ascii(value)
    if res.__class__ is not str: res = format(res, '')
    stack[-1] = res


def FORMAT_VALUE__4(f, stack, oparg):
    '(value, fmt_spec if (oparg & 4) -- res)'
    value = stack[-2]
    fmt_spec = stack.pop()
    res = format(value, fmt_spec)
    stack[-1] = res


def FORMAT_VALUE__5(f, stack, oparg):
    '(value, fmt_spec if (oparg & 4) -- res)'
    value = stack[-2]
    fmt_spec = stack.pop()
    res = format(str(value), fmt_spec)
    stack[-1] = res


def FORMAT_VALUE__6(f, stack, oparg):
    '(value, fmt_spec if (oparg & 4) -- res)'
    value = stack[-2]
    fmt_spec = stack.pop()
    res = format(repr(value), fmt_spec)
    stack[-1] = res


def FORMAT_VALUE__7(f, stack, oparg):
    '(value, fmt_spec if (oparg & 4) -- res)'
    value = stack[-2]
    fmt_spec = stack.pop()
    res = format(ascii(value), fmt_spec)
    stack[-1] = res


def FORMAT_VALUE(f, stack, oparg):
    '(value, fmt_spec if (oparg & 4) -- res)'
    fn = FORMAT_VALUE_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad FORMAT_VALUE oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def JUMP_FORWARD(f, stack, oparg):
    '( -- )'
    return oparg


def JUMP_ABSOLUTE(f, stack, oparg):
    '( -- )'
    return oparg


def POP_JUMP_IF_FALSE(f, stack, oparg):
    '(cond -- )'
    cond = stack.pop()
    if not cond: return oparg


def POP_JUMP_IF_TRUE(f, stack, oparg):
    '(cond -- )'
    cond = stack.pop()
    if cond: return oparg


def JUMP_IF_FALSE_OR_POP(f, stack, oparg):
    '(cond -- )'
    cond = stack.pop()
    if not cond: stack.append(cond); return oparg


def JUMP_IF_TRUE_OR_POP(f, stack, oparg):
    '(cond -- )'
    cond = stack.pop()
    if cond: stack.append(cond); return oparg


def ROT_FOUR(f, stack, oparg):
    '(fourth, third, second, top -- top, fourth, third, second)'
    stack[-4:] = stack[-1], stack[-4], stack[-3], stack[-2]


def DUP_TOP_TWO(f, stack, oparg):
    '(second, top -- second, top, second, top)'
    stack += stack[-2:]


def LOAD_CLASSDEREF(f, stack, oparg):
    '( -- value)'
    try: value = f._f_locals[deref_name(f, oparg)]
    except KeyError: value = f.f_localsplus[oparg].ob_ref
    if value is NULL: value = load_deref_slow(f, oparg)
    stack.append(value)


def DELETE_DEREF(f, stack, oparg):
    '( -- )'
    fast = f.f_localsplus
    if fast[oparg].ob_ref is NULL: raise unbound_deref(f, oparg)
    fast[oparg].ob_ref = NULL


def BUILD_MAP__0(f, stack, oparg):
    '(values[oparg*2] -- dct)'
    values = ()
    dct = {}
    stack.append(dct)


def BUILD_MAP__1(f, stack, oparg):
    '(values[oparg*2] -- dct)'
    values = stack[-2:]
    del stack[-2:]
    dct = {values[0]: values[1]}
    stack.append(dct)


def BUILD_MAP__2(f, stack, oparg):
    '(values[oparg*2] -- dct)'
    values = stack[-4:]
    del stack[-4:]
    dct = {values[0]: values[1], values[2]: values[3]}
    stack.append(dct)


def BUILD_MAP__3(f, stack, oparg):
    '(values[oparg*2] -- dct)'
    values = stack[-6:]
    del stack[-6:]
    dct = {values[0]: values[1], values[2]: values[3], values[4]: values[5]}
    stack.append(dct)


def BUILD_MAP__4(f, stack, oparg):
    '(values[oparg*2] -- dct)'
    values = stack[-8:]
    del stack[-8:]
    dct = {values[0]: values[1], values[2]: values[3], values[4]: values[5], values[6]: values[7]}
    stack.append(dct)


def BUILD_MAP(f, stack, oparg):
    '(values[oparg*2] -- dct)'
    n_ = oparg*2
    values = stack[len(stack) - n_:]
    del stack[len(stack) - n_:]
    dct = dict(zip(values[0::2], values[1::2]))
    stack.append(dct)


def BUILD_CONST_KEY_MAP(f, stack, oparg):
    '(values[oparg], key_names -- dct)'
    key_names = stack.pop()
    values = stack[len(stack) - oparg:]
    del stack[len(stack) - oparg:]
    if key_names.__class__ is not tuple or len(key_names) != oparg: raise SystemError("bad BUILD_CONST_KEY_MAP keys argument")  # unless const
    dct = dict(zip(key_names, values))
    stack.append(dct)


def ROT_N(f, stack, oparg):
    '(items[oparg - 1], top -- top, items[oparg - 1])'
    n_ = oparg - 1
    if n_ > 0: stack.insert(-n_, stack.pop())


def PRINT_EXPR(f, stack, oparg):
    '(value -- )'
    value = stack.pop()
    call_object(displayhook(), (value,))


def LOAD_NAME(f, stack, oparg):
    '( -- value)'
    locals = f._f_locals
    if locals is None: raise no_locals("when loading %r" % oparg)
    value = locals.get(oparg, NULL) if type(locals) is dict else locals_get(locals, oparg)
    if value is NULL: value = load_name_global(f, oparg)
    stack.append(value)


def STORE_NAME(f, stack, oparg):
    '(value -- )'
    locals = f._f_locals
    value = stack.pop()
    if locals is None: raise no_locals("found when storing %r" % oparg)
    locals[oparg] = value


def DELETE_NAME(f, stack, oparg):
    '( -- )'
    locals = f._f_locals
    if locals is None: raise no_locals("when deleting %r" % oparg)
    missing = False
    try: del locals[oparg]
    except KeyError: missing = True
    if missing: raise name_error(oparg)


def SETUP_ANNOTATIONS(f, stack, oparg):
    '( -- )'
    locals = f._f_locals
    if locals is None: raise no_locals("found when setting up annotations")
    if (locals.get("__annotations__", NULL) if type(locals) is dict else locals_get(locals, "__annotations__")) is NULL: locals["__annotations__"] = {}


def IMPORT_NAME(f, stack, oparg):
    '(level, fromlist -- res)'
    oparg, INDEX = oparg
    globals = f.f_globals
    locals = f._f_locals
    level = stack[-2]
    fromlist = stack.pop()
    stack.pop()
    f._lasti = INDEX
    return call_push(stack, import_func(f.f_builtins), [oparg, globals, globals if locals is None else locals, fromlist, level], None)


def IMPORT_FROM(f, stack, oparg):
    '(module -- module, res)'
    module = stack[-1]
    res = import_from(module, oparg)
    stack.append(res)


def IMPORT_STAR(f, stack, oparg):
    '(module -- )'
    locals = f._f_locals
    module = stack.pop()
    if locals is None: raise no_locals("found during 'import *'")
    import_all_from(locals, module)


def MATCH_KEYS(f, stack, oparg):
    '(subject, keys -- subject, keys, values_or_none, res)'
    subject = stack[-2]
    keys = stack[-1]
    values_or_none = match_keys(subject, keys)
    res = values_or_none is not None
    stack += (values_or_none, res,)


def COPY_DICT_WITHOUT_KEYS(f, stack, oparg):
    '(subject, keys -- subject, rest)'
    keys = stack.pop()
    subject = stack[-1]
    rest = {}
    rest.update(subject)
    for key in keys: del rest[key]
    stack.append(rest)


def MATCH_CLASS(f, stack, oparg):
    '(subject, cls, names -- attrs_or_subject, res)'
    subject = stack[-3]
    cls = stack[-2]
    names = stack.pop()
    stack.pop()
    stack.pop()
    attrs_or_subject = match_class(subject, cls, oparg, names)
    res = attrs_or_subject is not None
    if not res: attrs_or_subject = subject
    stack += (attrs_or_subject, res,)


def MAKE_FUNCTION__0(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    code = stack[-2]
    qname = stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    stack[-1] = func


def MAKE_FUNCTION__1(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    defaults = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._defaults = defaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__2(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    kwdefaults = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._kwdefaults = kwdefaults
    stack[-1] = func


def MAKE_FUNCTION__3(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    defaults = stack[-4]
    kwdefaults = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._kwdefaults = kwdefaults
    func._defaults = defaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__4(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    annotations = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._annotations = annotations
    stack[-1] = func


def MAKE_FUNCTION__5(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    defaults = stack[-4]
    annotations = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._annotations = annotations
    func._defaults = defaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__6(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    kwdefaults = stack[-4]
    annotations = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._annotations = annotations
    func._kwdefaults = kwdefaults
    stack[-1] = func


def MAKE_FUNCTION__7(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    defaults = stack[-5]
    kwdefaults = stack[-4]
    annotations = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._annotations = annotations
    func._kwdefaults = kwdefaults
    func._defaults = defaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__8(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    closure = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._closure = closure
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__9(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    defaults = stack[-4]
    closure = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._closure = closure
    func._defaults = defaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__10(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    kwdefaults = stack[-4]
    closure = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._closure = closure
    func._kwdefaults = kwdefaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__11(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    defaults = stack[-5]
    kwdefaults = stack[-4]
    closure = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._closure = closure
    func._kwdefaults = kwdefaults
    func._defaults = defaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__12(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    annotations = stack[-4]
    closure = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._closure = closure
    func._annotations = annotations
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__13(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    defaults = stack[-5]
    annotations = stack[-4]
    closure = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._closure = closure
    func._annotations = annotations
    func._defaults = defaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__14(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    kwdefaults = stack[-5]
    annotations = stack[-4]
    closure = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._closure = closure
    func._annotations = annotations
    func._kwdefaults = kwdefaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION__15(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    globals = f.f_globals
    defaults = stack[-6]
    kwdefaults = stack[-5]
    annotations = stack[-4]
    closure = stack[-3]
    code = stack[-2]
    qname = stack.pop()
    stack.pop()
    stack.pop()
    stack.pop()
    stack.pop()
    func_builtins = dict.get(globals, "__builtins__", f.f_builtins)
    func = Function(code, globals, None, None, None, None, qname, func_builtins if type(func_builtins) is dict else None)
    func._closure = closure
    func._annotations = annotations
    func._kwdefaults = kwdefaults
    func._defaults = defaults
    func._update_fast()
    stack[-1] = func


def MAKE_FUNCTION(f, stack, oparg):
    '(defaults if (oparg & 1), kwdefaults if (oparg & 2), annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)'
    fn = MAKE_FUNCTION_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad MAKE_FUNCTION oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def CALL_FUNCTION_EX__0(f, stack, oparg):
    '(func, callargs, kwargs if (oparg & 1) -- result)'
    oparg, INDEX = oparg
    func = stack[-2]
    callargs = stack.pop()
    stack.pop()
    f._lasti = INDEX
    callargs = list(callargs) if type(callargs) is tuple else star_args(func, callargs)
    return call_push(stack, func, callargs, None)


def CALL_FUNCTION_EX__1(f, stack, oparg):
    '(func, callargs, kwargs if (oparg & 1) -- result)'
    oparg, INDEX = oparg
    func = stack[-3]
    callargs = stack[-2]
    kwargs = stack.pop()
    stack.pop()
    stack.pop()
    f._lasti = INDEX
    if type(kwargs) is not dict: kwargs = kwargs_dict(func, kwargs)
    callargs = list(callargs) if type(callargs) is tuple else star_args(func, callargs)
    return call_push(stack, func, callargs, kwargs)


def CALL_FUNCTION_EX(f, stack, oparg):
    '(func, callargs, kwargs if (oparg & 1) -- result)'
    fn = CALL_FUNCTION_EX_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad CALL_FUNCTION_EX oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def LOAD_BUILD_CLASS(f, stack, oparg):
    '( -- bc)'
    bc = f.f_builtins.get("__build_class__", NULL) if type(f.f_builtins) is dict else locals_get(f.f_builtins, "__build_class__")
    if bc is NULL: raise NameError("__build_class__ not found")
    stack.append(bc)


def GET_YIELD_FROM_ITER(f, stack, oparg):
    '(iterable -- it)'
    iterable = stack[-1]
    if type(iterable) is Generator: it = iterable
    else:
        if isinstance(iterable, CORO_TYPES) and not f.f_code.co_flags & 0x180: raise TypeError("cannot 'yield from' a coroutine object in a non-coroutine generator")
        it = iterable if isinstance(iterable, GEN_CORO_TYPES) else iter(iterable)
    stack[-1] = it


def EXTENDED_ARG(f, stack, oparg):
    '( -- )'


def SETUP_FINALLY(f, stack, oparg):
    '( -- )'
    f.f_blockstack.append((FINALLY_BLOCK, oparg, len(stack)))


def POP_BLOCK(f, stack, oparg):
    '( -- )'
    f.f_blockstack.pop()


def POP_EXCEPT(f, stack, oparg):
    '(prev_tb, prev_value, prev_type -- )'
    prev_value = stack[-2]
    if f.f_blockstack.pop()[0] != EXCEPT_HANDLER: raise SystemError("popped block is not an except handler")
    set_exc_value(get_tstate().exc_info, prev_value)
    del stack[-3:]


def RERAISE__0(f, stack, oparg):
    '(tb, value, type -- )'
    tb = stack[-3]
    value = stack[-2]
    stack.pop()
    stack.pop()
    stack.pop()
    if value is not None and get_traceback(value) is not tb: restore_traceback(value, tb)
    raise reraise(value, None)


def RERAISE__1(f, stack, oparg):
    '(tb, value, type -- )'
    tb = stack[-3]
    value = stack[-2]
    if value is not None and get_traceback(value) is not tb: restore_traceback(value, tb)
    raise reraise(value, f.f_blockstack[-1][1])


def RERAISE(f, stack, oparg):
    '(tb, value, type -- )'
    fn = RERAISE_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad RERAISE oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def RAISE_VARARGS__0(f, stack, oparg):
    '(exc if (oparg >= 1), cause if (oparg == 2) -- )'
    raise reraise(active_exception(get_tstate()), None)


def RAISE_VARARGS__1(f, stack, oparg):
    '(exc if (oparg >= 1), cause if (oparg == 2) -- )'
    exc = stack.pop()
    raise do_raise(get_tstate(), exc, None, False)


def RAISE_VARARGS__2(f, stack, oparg):
    '(exc if (oparg >= 1), cause if (oparg == 2) -- )'
    exc = stack[-2]
    cause = stack.pop()
    stack.pop()
    raise do_raise(get_tstate(), exc, cause, True)


def RAISE_VARARGS(f, stack, oparg):
    '(exc if (oparg >= 1), cause if (oparg == 2) -- )'
    fn = RAISE_VARARGS_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad RAISE_VARARGS oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def JUMP_IF_NOT_EXC_MATCH(f, stack, oparg):
    '(left, right -- )'
    left = stack[-2]
    right = stack.pop()
    stack.pop()
    if (not issubclass(left, right)) if type(right) is type and type(left) is type and issubclass(right, BaseException) else exc_no_match(left, right): return oparg


def SETUP_WITH(f, stack, oparg):
    '(mgr -- exit, res)'
    mgr = stack[-1]
    enter_fn = lookup_special(mgr, "__enter__")
    if enter_fn is None: raise cm_error(mgr, "__enter__", False)
    exit = lookup_special(mgr, "__exit__")
    if exit is None: enter_fn = None; raise cm_error(mgr, "__exit__", False)
    res = call_object(enter_fn, (enter_fn := None) or ())
    stack.pop(); stack.append(exit); f.f_blockstack.append((FINALLY_BLOCK, oparg, len(stack)))
    stack.append(res)


def WITH_EXCEPT_START(f, stack, oparg):
    '(exit_func, unused[3], tb, val, exc -- exit_func, unused[3], tb, val, exc, res)'
    exit_func = stack[-7]
    tb = stack[-3]
    val = stack[-2]
    exc = stack[-1]
    return call_push(stack, exit_func, [exc, val, exit_traceback(val, tb)], None)


def CHECK_EG_MATCH(f, stack, oparg):
    '(exc_value, match_type -- rest, match)'
    exc_value = stack[-2]
    match_type = stack.pop()
    stack.pop()
    check_except_star_type(match_type)
    match, rest = exception_group_match(exc_value, match_type)
    if match is None: rest = exc_value
    else: set_exc_value(get_tstate().exc_info, match)
    stack += (rest, match,)


def PREP_RERAISE_STAR(f, stack, oparg):
    '(orig, excs -- exc)'
    orig = stack[-2]
    excs = stack.pop()
    exc = prep_reraise_star(orig, excs)
    stack[-1] = exc


def GEN_START(f, stack, oparg):
    '(value -- )'
    stack.pop()


def GET_AWAITABLE(f, stack, oparg):
    '(iterable -- it)'
    iterable = stack[-1]
    it = get_awaitable(iterable, oparg)
    stack[-1] = it


def GET_AITER(f, stack, oparg):
    '(obj -- it)'
    obj = stack[-1]
    it = get_aiter(obj)
    stack[-1] = it


def GET_ANEXT(f, stack, oparg):
    '(aiter -- aiter, awaitable)'
    aiter = stack[-1]
    if isinstance(aiter, AsyncGenerator): awaitable = aiter.__anext__()
    else: awaitable = get_anext(aiter)
    stack.append(awaitable)


def END_ASYNC_FOR(f, stack, oparg):
    '(aiter, prev_tb, prev_value, prev_type, tb, val, exc -- )'
    prev_value = stack[-5]
    tb = stack[-3]
    val = stack[-2]
    exc = stack[-1]
    ended = given_exception_matches(exc, StopAsyncIteration)
    if not ended and val is not None and get_traceback(val) is not tb: restore_traceback(val, tb)
    if not ended: raise reraise(val, None)
    f.f_blockstack.pop()
    set_exc_value(get_tstate().exc_info, prev_value)
    del stack[-7:]


def BEFORE_ASYNC_WITH(f, stack, oparg):
    '(mgr -- exit, res)'
    mgr = stack.pop()
    enter_fn = lookup_special(mgr, "__aenter__")
    if enter_fn is None: raise cm_error(mgr, "__aenter__", True)
    exit = lookup_special(mgr, "__aexit__")
    if exit is None: raise cm_error(mgr, "__aexit__", True)
    stack.append(exit)
    return call_push(stack, enter_fn, [], None)


def SETUP_ASYNC_WITH(f, stack, oparg):
    '(res -- res)'
    f.f_blockstack.append((FINALLY_BLOCK, oparg, len(stack) - 1))


def YIELD_VALUE__0(f, stack, oparg):
    '(value -- sent)'
    return YIELD


def YIELD_VALUE__1(f, stack, oparg):
    '(value -- sent)'
    value = stack[-1]
    stack[-1] = AsyncGenWrappedValue(value)
    return YIELD


def YIELD_VALUE(f, stack, oparg):
    '(value -- sent)'
    fn = YIELD_VALUE_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)
    if fn is None: raise SystemError('bad YIELD_VALUE oparg %r' % (oparg,))
    return fn(f, stack, oparg)


def RETURN_VALUE(f, stack, oparg):
    '(retval -- )'
    return RETURN


def RETURN_VALUE__live(f, stack, oparg):
    '(retval -- )'
    f._lasti = oparg  # if live
    return RETURN


def CALL_FUNCTION(f, stack, oparg):
    '(callable, args[oparg] -- res)'
    oparg, INDEX = oparg
    if oparg:
        callable = stack[-oparg - 1]
        args = stack[-oparg:]
        del stack[-oparg - 1:]
    else:
        args = []
        callable = stack.pop()
    f._lasti = INDEX  # unless live
    if type(callable) is Function and callable._fast_argcount == oparg: return fast_frame(callable, args)
    return call_push(stack, callable, args, None)


def CALL_FUNCTION__live(f, stack, oparg):
    '(callable, args[oparg] -- res)'
    if oparg:
        callable = stack[-oparg - 1]
        args = stack[-oparg:]
        del stack[-oparg - 1:]
    else:
        args = []
        callable = stack.pop()
    if type(callable) is Function and callable._fast_argcount == oparg: return fast_frame(callable, args)
    return call_push(stack, callable, args, None)


def CALL_METHOD(f, stack, oparg):
    '(meth, callargs[oparg + 1] -- res)'
    oparg, INDEX = oparg
    n_ = oparg + 1
    meth = stack[-n_ - 1]
    callargs = stack[-n_:]
    del stack[-n_ - 1:]
    f._lasti = INDEX  # unless live
    if meth is not NULL:
        if type(meth) is Function and meth._fast_argcount == oparg + 1: return fast_frame(meth, callargs)
        return call_push(stack, meth, callargs, None)
    func = callargs.pop(0)
    if type(func) is Function and func._fast_argcount == oparg: return fast_frame(func, callargs)
    return call_push(stack, func, callargs, None)


def CALL_METHOD__live(f, stack, oparg):
    '(meth, callargs[oparg + 1] -- res)'
    n_ = oparg + 1
    meth = stack[-n_ - 1]
    callargs = stack[-n_:]
    del stack[-n_ - 1:]
    if meth is not NULL:
        if type(meth) is Function and meth._fast_argcount == oparg + 1: return fast_frame(meth, callargs)
        return call_push(stack, meth, callargs, None)
    func = callargs.pop(0)
    if type(func) is Function and func._fast_argcount == oparg: return fast_frame(func, callargs)
    return call_push(stack, func, callargs, None)


def CALL_FUNCTION_KW(f, stack, oparg):
    '(callable, args[oparg], kwnames -- res)'
    oparg, INDEX = oparg
    kwnames = stack.pop()
    if oparg:
        callable = stack[-oparg - 1]
        args = stack[-oparg:]
        del stack[-oparg - 1:]
    else:
        args = []
        callable = stack.pop()
    f._lasti = INDEX
    npos_ = oparg - len(kwnames)
    kwargs_ = dict(zip(kwnames, args[npos_:]))
    del args[npos_:]
    return call_push(stack, callable, args, kwargs_)


def FOR_ITER(f, stack, oparg):
    '(iter -- iter, value)'
    iter = stack[-1]
    value = next(iter, NULL)
    if value is NULL: stack.pop(); return oparg
    stack.append(value)


def FOR_ITER__live(f, stack, oparg):
    '(iter -- iter, value)'
    iter = stack[-1]
    if type(iter) is Generator: return iter  # if live
    value = next(iter, NULL)
    if value is NULL: stack.pop(); return oparg
    stack.append(value)


def YIELD_FROM(f, stack, oparg):
    '(receiver, value -- result)'
    receiver = stack[-2]
    value = stack.pop()
    try: yielded_ = receiver.send(value) if isinstance(receiver, SEND_TYPES) or value is not None else type(receiver).__next__(receiver)
    except StopIteration as e_: result = e_.value
    else: stack.append(yielded_); return YIELD_AGAIN
    stack[-1] = result


def YIELD_FROM__live(f, stack, oparg):
    '(receiver, value -- result)'
    receiver = stack[-2]
    value = stack.pop()
    if type(receiver) is Generator and gen_can_inline(get_tstate(), receiver) and (value is None or receiver.gi_frame.f_state != FRAME_CREATED): stack.append(value); return receiver  # if live
    try: yielded_ = receiver.send(value) if isinstance(receiver, SEND_TYPES) or value is not None else type(receiver).__next__(receiver)
    except StopIteration as e_: result = e_.value
    else: stack.append(yielded_); return YIELD_AGAIN
    stack[-1] = result


IS_OP_VARIANTS.update({0: IS_OP__0, 1: IS_OP__1})
CONTAINS_OP_VARIANTS.update({0: CONTAINS_OP__0, 1: CONTAINS_OP__1})
COMPARE_OP_VARIANTS.update({0: COMPARE_OP__0, 1: COMPARE_OP__1, 2: COMPARE_OP__2, 3: COMPARE_OP__3, 4: COMPARE_OP__4, 5: COMPARE_OP__5})
BUILD_SLICE_VARIANTS.update({2: BUILD_SLICE__2, 3: BUILD_SLICE__3})
FORMAT_VALUE_VARIANTS.update({0: FORMAT_VALUE__0, 1: FORMAT_VALUE__1, 2: FORMAT_VALUE__2, 3: FORMAT_VALUE__3, 4: FORMAT_VALUE__4, 5: FORMAT_VALUE__5, 6: FORMAT_VALUE__6, 7: FORMAT_VALUE__7})
BUILD_MAP_VARIANTS.update({0: BUILD_MAP__0, 1: BUILD_MAP__1, 2: BUILD_MAP__2, 3: BUILD_MAP__3, 4: BUILD_MAP__4})
MAKE_FUNCTION_VARIANTS.update({0: MAKE_FUNCTION__0, 1: MAKE_FUNCTION__1, 2: MAKE_FUNCTION__2, 3: MAKE_FUNCTION__3, 4: MAKE_FUNCTION__4, 5: MAKE_FUNCTION__5, 6: MAKE_FUNCTION__6, 7: MAKE_FUNCTION__7, 8: MAKE_FUNCTION__8, 9: MAKE_FUNCTION__9, 10: MAKE_FUNCTION__10, 11: MAKE_FUNCTION__11, 12: MAKE_FUNCTION__12, 13: MAKE_FUNCTION__13, 14: MAKE_FUNCTION__14, 15: MAKE_FUNCTION__15})
CALL_FUNCTION_EX_VARIANTS.update({0: CALL_FUNCTION_EX__0, 1: CALL_FUNCTION_EX__1})
RERAISE_VARIANTS.update({0: RERAISE__0, 1: RERAISE__1})
RAISE_VARARGS_VARIANTS.update({0: RAISE_VARARGS__0, 1: RAISE_VARARGS__1, 2: RAISE_VARARGS__2})
YIELD_VALUE_VARIANTS.update({0: YIELD_VALUE__0, 1: YIELD_VALUE__1})

HANDLERS = {'NOP': NOP, 'POP_TOP': POP_TOP, 'ROT_TWO': ROT_TWO, 'ROT_THREE': ROT_THREE, 'DUP_TOP': DUP_TOP, 'LOAD_CONST': LOAD_CONST, 'UNARY_POSITIVE': UNARY_POSITIVE, 'UNARY_NEGATIVE': UNARY_NEGATIVE, 'UNARY_NOT': UNARY_NOT, 'UNARY_INVERT': UNARY_INVERT, 'BINARY_ADD': BINARY_ADD, 'BINARY_SUBTRACT': BINARY_SUBTRACT, 'BINARY_MULTIPLY': BINARY_MULTIPLY, 'BINARY_MATRIX_MULTIPLY': BINARY_MATRIX_MULTIPLY, 'BINARY_TRUE_DIVIDE': BINARY_TRUE_DIVIDE, 'BINARY_FLOOR_DIVIDE': BINARY_FLOOR_DIVIDE, 'BINARY_MODULO': BINARY_MODULO, 'BINARY_POWER': BINARY_POWER, 'BINARY_LSHIFT': BINARY_LSHIFT, 'BINARY_RSHIFT': BINARY_RSHIFT, 'BINARY_AND': BINARY_AND, 'BINARY_XOR': BINARY_XOR, 'BINARY_OR': BINARY_OR, 'BINARY_SUBSCR': BINARY_SUBSCR, 'INPLACE_ADD': INPLACE_ADD, 'INPLACE_SUBTRACT': INPLACE_SUBTRACT, 'INPLACE_MULTIPLY': INPLACE_MULTIPLY, 'INPLACE_MATRIX_MULTIPLY': INPLACE_MATRIX_MULTIPLY, 'INPLACE_TRUE_DIVIDE': INPLACE_TRUE_DIVIDE, 'INPLACE_FLOOR_DIVIDE': INPLACE_FLOOR_DIVIDE, 'INPLACE_MODULO': INPLACE_MODULO, 'INPLACE_POWER': INPLACE_POWER, 'INPLACE_LSHIFT': INPLACE_LSHIFT, 'INPLACE_RSHIFT': INPLACE_RSHIFT, 'INPLACE_AND': INPLACE_AND, 'INPLACE_XOR': INPLACE_XOR, 'INPLACE_OR': INPLACE_OR, 'STORE_SUBSCR': STORE_SUBSCR, 'DELETE_SUBSCR': DELETE_SUBSCR, 'IS_OP': IS_OP, 'CONTAINS_OP': CONTAINS_OP, 'LOAD_CLOSURE': LOAD_CLOSURE, 'LOAD_DEREF': LOAD_DEREF, 'STORE_DEREF': STORE_DEREF, 'LOAD_FAST': LOAD_FAST, 'STORE_FAST': STORE_FAST, 'DELETE_FAST': DELETE_FAST, 'LOAD_GLOBAL': LOAD_GLOBAL, 'STORE_GLOBAL': STORE_GLOBAL, 'DELETE_GLOBAL': DELETE_GLOBAL, 'LOAD_ATTR': LOAD_ATTR, 'STORE_ATTR': STORE_ATTR, 'DELETE_ATTR': DELETE_ATTR, 'LOAD_METHOD': LOAD_METHOD, 'COMPARE_OP': COMPARE_OP, 'BUILD_TUPLE': BUILD_TUPLE, 'BUILD_LIST': BUILD_LIST, 'BUILD_SET': BUILD_SET, 'BUILD_STRING': BUILD_STRING, 'BUILD_SLICE': BUILD_SLICE, 'LIST_TO_TUPLE': LIST_TO_TUPLE, 'LIST_APPEND': LIST_APPEND, 'SET_ADD': SET_ADD, 'MAP_ADD': MAP_ADD, 'SET_UPDATE': SET_UPDATE, 'LIST_EXTEND': LIST_EXTEND, 'DICT_UPDATE': DICT_UPDATE, 'DICT_MERGE': DICT_MERGE, 'UNPACK_SEQUENCE': UNPACK_SEQUENCE, 'UNPACK_EX': UNPACK_EX, 'GET_ITER': GET_ITER, 'GET_LEN': GET_LEN, 'LOAD_ASSERTION_ERROR': LOAD_ASSERTION_ERROR, 'MATCH_MAPPING': MATCH_MAPPING, 'MATCH_SEQUENCE': MATCH_SEQUENCE, 'FORMAT_VALUE': FORMAT_VALUE, 'JUMP_FORWARD': JUMP_FORWARD, 'JUMP_ABSOLUTE': JUMP_ABSOLUTE, 'POP_JUMP_IF_FALSE': POP_JUMP_IF_FALSE, 'POP_JUMP_IF_TRUE': POP_JUMP_IF_TRUE, 'JUMP_IF_FALSE_OR_POP': JUMP_IF_FALSE_OR_POP, 'JUMP_IF_TRUE_OR_POP': JUMP_IF_TRUE_OR_POP, 'ROT_FOUR': ROT_FOUR, 'DUP_TOP_TWO': DUP_TOP_TWO, 'LOAD_CLASSDEREF': LOAD_CLASSDEREF, 'DELETE_DEREF': DELETE_DEREF, 'BUILD_MAP': BUILD_MAP, 'BUILD_CONST_KEY_MAP': BUILD_CONST_KEY_MAP, 'ROT_N': ROT_N, 'PRINT_EXPR': PRINT_EXPR, 'LOAD_NAME': LOAD_NAME, 'STORE_NAME': STORE_NAME, 'DELETE_NAME': DELETE_NAME, 'SETUP_ANNOTATIONS': SETUP_ANNOTATIONS, 'IMPORT_NAME': IMPORT_NAME, 'IMPORT_FROM': IMPORT_FROM, 'IMPORT_STAR': IMPORT_STAR, 'MATCH_KEYS': MATCH_KEYS, 'COPY_DICT_WITHOUT_KEYS': COPY_DICT_WITHOUT_KEYS, 'MATCH_CLASS': MATCH_CLASS, 'MAKE_FUNCTION': MAKE_FUNCTION, 'CALL_FUNCTION_EX': CALL_FUNCTION_EX, 'LOAD_BUILD_CLASS': LOAD_BUILD_CLASS, 'GET_YIELD_FROM_ITER': GET_YIELD_FROM_ITER, 'EXTENDED_ARG': EXTENDED_ARG, 'SETUP_FINALLY': SETUP_FINALLY, 'POP_BLOCK': POP_BLOCK, 'POP_EXCEPT': POP_EXCEPT, 'RERAISE': RERAISE, 'RAISE_VARARGS': RAISE_VARARGS, 'JUMP_IF_NOT_EXC_MATCH': JUMP_IF_NOT_EXC_MATCH, 'SETUP_WITH': SETUP_WITH, 'WITH_EXCEPT_START': WITH_EXCEPT_START, 'CHECK_EG_MATCH': CHECK_EG_MATCH, 'PREP_RERAISE_STAR': PREP_RERAISE_STAR, 'GEN_START': GEN_START, 'GET_AWAITABLE': GET_AWAITABLE, 'GET_AITER': GET_AITER, 'GET_ANEXT': GET_ANEXT, 'END_ASYNC_FOR': END_ASYNC_FOR, 'BEFORE_ASYNC_WITH': BEFORE_ASYNC_WITH, 'SETUP_ASYNC_WITH': SETUP_ASYNC_WITH, 'YIELD_VALUE': YIELD_VALUE, 'RETURN_VALUE': RETURN_VALUE, 'CALL_FUNCTION': CALL_FUNCTION, 'CALL_METHOD': CALL_METHOD, 'CALL_FUNCTION_KW': CALL_FUNCTION_KW, 'FOR_ITER': FOR_ITER, 'YIELD_FROM': YIELD_FROM}
LIVE = {'RETURN_VALUE': RETURN_VALUE__live, 'CALL_FUNCTION': CALL_FUNCTION__live, 'CALL_METHOD': CALL_METHOD__live, 'FOR_ITER': FOR_ITER__live, 'YIELD_FROM': YIELD_FROM__live}
VARIANTS = {'IS_OP': IS_OP_VARIANTS, 'CONTAINS_OP': CONTAINS_OP_VARIANTS, 'COMPARE_OP': COMPARE_OP_VARIANTS, 'BUILD_SLICE': BUILD_SLICE_VARIANTS, 'FORMAT_VALUE': FORMAT_VALUE_VARIANTS, 'BUILD_MAP': BUILD_MAP_VARIANTS, 'MAKE_FUNCTION': MAKE_FUNCTION_VARIANTS, 'CALL_FUNCTION_EX': CALL_FUNCTION_EX_VARIANTS, 'RERAISE': RERAISE_VARIANTS, 'RAISE_VARARGS': RAISE_VARARGS_VARIANTS, 'YIELD_VALUE': YIELD_VALUE_VARIANTS}
