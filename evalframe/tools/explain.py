"""``evalframe explain FILE``: what the VM does, instruction by instruction, in words.

For every executed instruction it prints one or two plain sentences naming the
objects involved, and the CPython C functions that do the same work: the
``case TARGET(OPNAME)`` of ``_PyEval_EvalFrameDefault`` in Python/ceval.c
(3.10) and the helpers it calls (Objects/abstract.c, funcobject.c, call.c,
frameobject.c...), plus, for the function and call machinery, the CPython 2.7
names the seed's story is told with (PyFunction_New, call_function,
fast_function, PyFrame_New, PyEval_EvalFrameEx).  Calls say which path the VM
took and why: the fast path, the general binder, a bound method, a host
builtin, a class, or another callable.

Records first, words second: ``OPCODE_TEXT`` is a table (one entry per 3.10
opcode, plus 3.11's two ``except*`` opcodes) of a sentence template and the C
functions; ``Explainer`` fills a template from one executed instruction (the
value stack before and after it, the frame) and is fed by the traced eval loop
(evalframe/interpreter/traced.py).  Nothing here changes what the VM does.
"""

import os
import sys

from .. import opcodes
from .events import exception_summary, safe_repr
from ..objects.frameobject import was_reused

CEVAL = "ceval.c _PyEval_EvalFrameDefault, case TARGET(%s)"

# opname -> (template, C functions beyond the ceval.c case).  Templates are
# str.format()ed with ``c``, an _Ctx: c.tos / c.tos1 / c.tos2 are the popped
# operands (top first), c.res the pushed result, c.argval / c.argrepr / c.arg the
# argument, c.name the name argument, c.code the frame's code name.
OPCODE_TEXT = {
    # -- the value stack ----------------------------------------------------------
    "NOP": ("NOP does nothing (the compiler keeps it to carry a line number).", ""),
    "EXTENDED_ARG": ("EXTENDED_ARG prefixes the next instruction's argument with {c.arg} << 8, "
                     "for arguments that do not fit in one byte.", "oparg <<= 8 before the next opcode"),
    "POP_TOP": ("POP_TOP discards the top of the stack, {c.tos}.", "Py_DECREF"),
    "ROT_TWO": ("ROT_TWO swaps the two top stack items ({c.tos1} and {c.tos}).", ""),
    "ROT_THREE": ("ROT_THREE lifts the second and third items one up and moves the top, {c.tos}, "
                  "down to third place.", ""),
    "ROT_FOUR": ("ROT_FOUR moves the top item, {c.tos}, down to fourth place.", ""),
    "ROT_N": ("ROT_N moves the top item, {c.tos}, down to position {c.arg}.", ""),
    "DUP_TOP": ("DUP_TOP pushes a second reference to the top item, {c.res}.", "Py_INCREF"),
    "DUP_TOP_TWO": ("DUP_TOP_TWO pushes second references to the two top items.", "Py_INCREF"),
    # -- unary and binary operators ----------------------------------------------------
    "UNARY_POSITIVE": ("UNARY_POSITIVE computes +{c.tos} = {c.res}.", "PyNumber_Positive (nb_positive)"),
    "UNARY_NEGATIVE": ("UNARY_NEGATIVE computes -{c.tos} = {c.res}.", "PyNumber_Negative (nb_negative)"),
    "UNARY_NOT": ("UNARY_NOT tests the truth of {c.tos} and pushes its negation, {c.res}.",
                  "PyObject_IsTrue (nb_bool, then mp/sq_length)"),
    "UNARY_INVERT": ("UNARY_INVERT computes ~{c.tos} = {c.res}.", "PyNumber_Invert (nb_invert)"),
    "GET_LEN": ("GET_LEN pushes len({c.tos1}) = {c.res} for a match statement.",
                "PyObject_Length, PyLong_FromSsize_t"),
    "BINARY_SUBSCR": ("BINARY_SUBSCR pops the container {c.tos1} and the key {c.tos} and pushes "
                      "{c.tos1}[{c.tos}] = {c.res}.", "PyObject_GetItem (mp_subscript, sq_item, __class_getitem__)"),
    "STORE_SUBSCR": ("STORE_SUBSCR stores {c.tos2} into {c.tos1}[{c.tos}].",
                     "PyObject_SetItem (mp_ass_subscript / sq_ass_item)"),
    "DELETE_SUBSCR": ("DELETE_SUBSCR deletes {c.tos1}[{c.tos}].", "PyObject_DelItem"),
    # -- names, locals, cells -----------------------------------------------------------
    "LOAD_CONST": ("LOAD_CONST pushes constant #{c.arg} of `{c.code}`, {c.res}.", "GETITEM(consts, oparg), Py_INCREF"),
    "LOAD_FAST": ("LOAD_FAST pushes the local variable `{c.argrepr}` (fast local #{c.arg}), {c.res}.",
                  "GETLOCAL(oparg) (f_localsplus); UnboundLocalError via format_exc_check_arg"),
    "STORE_FAST": ("STORE_FAST pops {c.tos} into the local variable `{c.argrepr}` (fast local #{c.arg}).",
                   "SETLOCAL(oparg, value)"),
    "DELETE_FAST": ("DELETE_FAST unbinds the local variable `{c.argrepr}`.", "SETLOCAL(oparg, NULL)"),
    "LOAD_NAME": ("LOAD_NAME looks `{c.argrepr}` up in the frame's locals, then its globals, then the "
                  "builtins, and pushes {c.res}.",
                  "PyDict_GetItemWithError on f_locals, f_globals, f_builtins; NameError via format_exc_check_arg"),
    "STORE_NAME": ("STORE_NAME binds `{c.argrepr}` to {c.tos} in the frame's locals mapping "
                   "(the module's globals at module level).", "PyDict_SetItem / PyObject_SetItem on f_locals"),
    "DELETE_NAME": ("DELETE_NAME removes `{c.argrepr}` from the frame's locals mapping.", "PyObject_DelItem on f_locals"),
    "LOAD_GLOBAL": ("LOAD_GLOBAL looks `{c.argrepr}` up in the globals, then in the builtins, and pushes {c.res}.",
                    "_PyDict_LoadGlobal(f_globals, f_builtins, name) with the per-opcode cache"),
    "STORE_GLOBAL": ("STORE_GLOBAL binds the global `{c.argrepr}` to {c.tos}.", "PyDict_SetItem(f_globals)"),
    "DELETE_GLOBAL": ("DELETE_GLOBAL removes the global `{c.argrepr}`.", "PyDict_DelItem(f_globals)"),
    "LOAD_CLOSURE": ("LOAD_CLOSURE pushes the cell of `{c.argrepr}` itself (not its contents), to build a closure.",
                     "freevars[oparg] (f_localsplus after the fast locals)"),
    "LOAD_DEREF": ("LOAD_DEREF pushes the contents of the cell of `{c.argrepr}`, {c.res}.", "PyCell_GET"),
    "LOAD_CLASSDEREF": ("LOAD_CLASSDEREF looks `{c.argrepr}` up in the class body's locals, then in its cell, "
                        "and pushes {c.res}.", "PyDict_GetItemWithError(f_locals), then PyCell_GET"),
    "STORE_DEREF": ("STORE_DEREF stores {c.tos} into the cell of `{c.argrepr}`, shared with the closures that use it.",
                    "PyCell_SET"),
    "DELETE_DEREF": ("DELETE_DEREF empties the cell of `{c.argrepr}`.", "PyCell_SET(cell, NULL)"),
    # -- attributes -----------------------------------------------------------------------
    "LOAD_ATTR": ("LOAD_ATTR looks up the attribute `{c.argrepr}` of {c.tos} and pushes {c.res}.",
                  "PyObject_GetAttr -> tp_getattro (PyObject_GenericGetAttr: _PyType_Lookup along the MRO, "
                  "data descriptors, the instance __dict__, then non-data descriptors)"),
    "STORE_ATTR": ("STORE_ATTR sets {c.tos}.{c.argrepr} = {c.tos1}.",
                   "PyObject_SetAttr -> tp_setattro (PyObject_GenericSetAttr)"),
    "DELETE_ATTR": ("DELETE_ATTR deletes the attribute `{c.argrepr}` of {c.tos}.", "PyObject_SetAttr(v, name, NULL)"),
    "LOAD_METHOD": ("LOAD_METHOD looks up `{c.argrepr}` on {c.tos}: {c.method_how}",
                    "_PyObject_GetMethod (Objects/object.c)"),
    # -- comparisons, jumps ---------------------------------------------------------------
    "COMPARE_OP": ("COMPARE_OP computes {c.tos1} {c.argrepr} {c.tos} = {c.res}.",
                   "PyObject_RichCompare -> do_richcompare (tp_richcompare, reflected operand first for subclasses)"),
    "IS_OP": ("IS_OP tests identity: {c.tos1} {c.is_word} {c.tos} is {c.res}.", "Py_Is (pointer comparison)"),
    "CONTAINS_OP": ("CONTAINS_OP tests {c.tos1} {c.in_word} {c.tos}: {c.res}.",
                    "PySequence_Contains (sq_contains, else _PySequence_IterSearch)"),
    "JUMP_FORWARD": ("JUMP_FORWARD jumps ahead to offset {c.argval}.", "JUMPBY(oparg)"),
    "JUMP_ABSOLUTE": ("JUMP_ABSOLUTE jumps to offset {c.argval}{c.backward}.", "JUMPTO(oparg), CHECK_EVAL_BREAKER"),
    "POP_JUMP_IF_FALSE": ("POP_JUMP_IF_FALSE pops {c.tos}; it is {c.truth}, so {c.jump_text}.",
                          "PyObject_IsTrue (Py_True/Py_False tested first), JUMPTO"),
    "POP_JUMP_IF_TRUE": ("POP_JUMP_IF_TRUE pops {c.tos}; it is {c.truth}, so {c.jump_text}.",
                         "PyObject_IsTrue (Py_True/Py_False tested first), JUMPTO"),
    "JUMP_IF_FALSE_OR_POP": ("JUMP_IF_FALSE_OR_POP tests {c.tos}; it is {c.truth}, so {c.jump_text_keep}.",
                             "PyObject_IsTrue, JUMPTO"),
    "JUMP_IF_TRUE_OR_POP": ("JUMP_IF_TRUE_OR_POP tests {c.tos}; it is {c.truth}, so {c.jump_text_keep}.",
                            "PyObject_IsTrue, JUMPTO"),
    "JUMP_IF_NOT_EXC_MATCH": ("JUMP_IF_NOT_EXC_MATCH tests whether the exception {c.tos1} matches {c.tos}; "
                              "{c.jump_text_exc}.", "PyErr_GivenExceptionMatches"),
    # -- iteration ------------------------------------------------------------------------
    "GET_ITER": ("GET_ITER replaces {c.tos} with its iterator, {c.res}.", "PyObject_GetIter (tp_iter, or a seqiter)"),
    "GET_YIELD_FROM_ITER": ("GET_YIELD_FROM_ITER makes {c.tos} iterable for `yield from`: {c.res}.",
                            "PyObject_GetIter unless it already is a generator or (in a coroutine) a coroutine"),
    "FOR_ITER": ("FOR_ITER asks the iterator {c.iter} for its next value: {c.for_text}.",
                 "(*Py_TYPE(iter)->tp_iternext)(iter); StopIteration is cleared"),
    # -- building containers --------------------------------------------------------------
    "BUILD_TUPLE": ("BUILD_TUPLE pops {c.arg} item(s) and pushes the tuple {c.res}.", "PyTuple_New"),
    "BUILD_LIST": ("BUILD_LIST pops {c.arg} item(s) and pushes the list {c.res}.", "PyList_New"),
    "BUILD_SET": ("BUILD_SET pops {c.arg} item(s) and pushes the set {c.res}.", "PySet_New, PySet_Add"),
    "BUILD_MAP": ("BUILD_MAP pops {c.arg} key/value pair(s) and pushes the dict {c.res}.", "_PyDict_FromItems"),
    "BUILD_CONST_KEY_MAP": ("BUILD_CONST_KEY_MAP pops a tuple of {c.arg} keys and as many values and pushes "
                            "the dict {c.res}.", "_PyDict_FromItems"),
    "BUILD_STRING": ("BUILD_STRING joins {c.arg} string piece(s) into {c.res}.", "_PyUnicode_JoinArray"),
    "BUILD_SLICE": ("BUILD_SLICE builds the slice object {c.res}.", "PySlice_New"),
    "LIST_APPEND": ("LIST_APPEND appends {c.tos} to the list being built by the comprehension.", "PyList_Append"),
    "SET_ADD": ("SET_ADD adds {c.tos} to the set being built by the comprehension.", "PySet_Add"),
    "MAP_ADD": ("MAP_ADD stores {c.tos1}: {c.tos} into the dict being built by the comprehension.",
                "PyDict_SetItem"),
    "LIST_EXTEND": ("LIST_EXTEND extends the list below with the items of {c.tos}.", "_PyList_Extend"),
    "SET_UPDATE": ("SET_UPDATE adds the items of {c.tos} to the set below.", "_PySet_Update"),
    "DICT_UPDATE": ("DICT_UPDATE updates the dict below with {c.tos}.", "PyDict_Update"),
    "DICT_MERGE": ("DICT_MERGE merges {c.tos} into the keyword dict below, refusing duplicate keys.",
                   "_PyDict_MergeEx(dict, update, 2)"),
    "LIST_TO_TUPLE": ("LIST_TO_TUPLE converts the list {c.tos} into the tuple {c.res}.", "PyList_AsTuple"),
    "UNPACK_SEQUENCE": ("UNPACK_SEQUENCE unpacks {c.tos} into {c.arg} values, pushed last-first.",
                        "PyTuple_GET_ITEM / PyList_GET_ITEM for exact tuples and lists, else unpack_iterable"),
    "UNPACK_EX": ("UNPACK_EX unpacks {c.tos} with a starred target ({c.unpack_ex}).", "unpack_iterable"),
    "FORMAT_VALUE": ("FORMAT_VALUE formats {c.format_operand}{c.format_how} into the string {c.res}.",
                     "PyObject_Str / PyObject_Repr / PyObject_ASCII, then PyObject_Format"),
    "PRINT_EXPR": ("PRINT_EXPR passes {c.tos} to sys.displayhook (interactive mode).",
                   "_PySys_GetObjectId(&PyId_displayhook), PyObject_CallOneArg"),
    # -- functions and calls (more is said by the dynamic explanations below) --------------
    "MAKE_FUNCTION": ("MAKE_FUNCTION builds a function object.", "PyFunction_NewWithQualName"),
    "CALL_FUNCTION": ("CALL_FUNCTION calls a callable with {c.arg} positional argument(s).", "call_function"),
    "CALL_FUNCTION_KW": ("CALL_FUNCTION_KW calls a callable with keyword arguments.", "call_function(kwnames)"),
    "CALL_FUNCTION_EX": ("CALL_FUNCTION_EX calls a callable with an argument tuple and keyword dict.",
                         "do_call_core -> PyObject_Call"),
    "CALL_METHOD": ("CALL_METHOD calls the method found by LOAD_METHOD.", "call_function"),
    "RETURN_VALUE": ("RETURN_VALUE pops {c.tos} and returns it from `{c.code}`; the frame is finished.",
                     "retval = POP(); f->f_state = FRAME_RETURNED; goto exiting; the caller's "
                     "_PyEval_Vector then releases the frame"),
    "LOAD_BUILD_CLASS": ("LOAD_BUILD_CLASS pushes builtins.__build_class__, {c.res}, which runs a class body.",
                         "_PyDict_GetItemIdWithError(f_builtins, &PyId___build_class__)"),
    "SETUP_ANNOTATIONS": ("SETUP_ANNOTATIONS creates __annotations__ in the frame's locals if it is missing.",
                          "PyDict_SetItem(f_locals, '__annotations__', {})"),
    # -- blocks and exceptions --------------------------------------------------------------
    "SETUP_FINALLY": ("SETUP_FINALLY pushes a try block whose handler is at offset {c.argval}.",
                      "PyFrame_BlockSetup(f, SETUP_FINALLY, handler, STACK_LEVEL())"),
    "POP_BLOCK": ("POP_BLOCK pops the innermost try block: its body finished normally.", "PyFrame_BlockPop"),
    "POP_EXCEPT": ("POP_EXCEPT ends an except clause: it pops the handler block and restores the exception "
                   "that was being handled before.", "PyFrame_BlockPop (EXCEPT_HANDLER), tstate->exc_info restored"),
    "RAISE_VARARGS": ("RAISE_VARARGS raises {c.raise_what}.", "do_raise (PyException_SetCause for `from`)"),
    "RERAISE": ("RERAISE re-raises the exception {c.tos2} at the top of the stack{c.reraise_lasti}.",
                "_PyErr_Restore; goto exception_unwind"),
    "LOAD_ASSERTION_ERROR": ("LOAD_ASSERTION_ERROR pushes AssertionError for a failing assert.",
                             "PyExc_AssertionError"),
    "SETUP_WITH": ("SETUP_WITH looks up __enter__ and __exit__ on {c.tos}, pushes the bound __exit__, sets up a "
                   "try block (handler at offset {c.argval}) and pushes the result of __enter__(), {c.res}.",
                   "special_lookup(__enter__/__exit__), PyFrame_BlockSetup, _PyObject_CallNoArg"),
    "WITH_EXCEPT_START": ("WITH_EXCEPT_START calls __exit__ with the exception being handled and pushes its "
                          "result, {c.res} (true means: swallow the exception).",
                          "PyObject_Vectorcall(exit_func, (exc, val, tb))"),
    "CHECK_EG_MATCH": ("CHECK_EG_MATCH splits the exception group {c.tos1} by {c.tos} for except*.",
                       "_PyEval_ExceptionGroupMatch (3.11)"),
    "PREP_RERAISE_STAR": ("PREP_RERAISE_STAR combines what the except* clauses raised and did not handle.",
                          "_PyExc_PrepReraiseStar (3.11)"),
    # -- generators and coroutines --------------------------------------------------------------
    "GEN_START": ("GEN_START pops the value sent to start the {c.gen_kind} (it must be None).", ""),
    "YIELD_VALUE": ("YIELD_VALUE suspends `{c.code}` and hands {c.tos} to whoever resumed it "
                    "(next(), send(), a for loop).",
                    "f->f_state = FRAME_SUSPENDED; goto exiting; gen_send_ex2 returns PYGEN_NEXT"),
    "YIELD_FROM": ("YIELD_FROM sends {c.tos} into the sub-iterator {c.tos1}: {c.yield_from_text}.",
                   "PyIter_Send (gen_send_ex2 for generators and coroutines)"),
    "GET_AWAITABLE": ("GET_AWAITABLE replaces {c.tos} with the iterator `await` drives, {c.res}.",
                      "_PyCoro_GetAwaitableIter (am_await)"),
    "GET_AITER": ("GET_AITER replaces {c.tos} with its asynchronous iterator, {c.res}.", "tp_as_async->am_aiter"),
    "GET_ANEXT": ("GET_ANEXT pushes the awaitable returned by __anext__ of {c.tos}, {c.res}.",
                  "tp_as_async->am_anext, _PyCoro_GetAwaitableIter"),
    "BEFORE_ASYNC_WITH": ("BEFORE_ASYNC_WITH looks up __aenter__ and __aexit__ on {c.tos} and pushes the "
                          "awaitable of __aenter__().", "special_lookup(__aenter__/__aexit__)"),
    "SETUP_ASYNC_WITH": ("SETUP_ASYNC_WITH sets up the try block of an async with (handler at offset {c.argval}).",
                         "PyFrame_BlockSetup"),
    "END_ASYNC_FOR": ("END_ASYNC_FOR ends an async for loop when StopAsyncIteration arrives, else re-raises.",
                      "PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)"),
    # -- imports -----------------------------------------------------------------------------
    "IMPORT_NAME": ("IMPORT_NAME imports the module `{c.argrepr}` (level {c.tos1}, fromlist {c.tos}) and pushes {c.res}.",
                    "import_name -> builtins.__import__ (PyImport_ImportModuleLevelObject)"),
    "IMPORT_FROM": ("IMPORT_FROM takes `{c.argrepr}` from the module {c.tos_keep} and pushes {c.res}.",
                    "import_from (PyObject_GetAttr, then sys.modules for submodules)"),
    "IMPORT_STAR": ("IMPORT_STAR copies the public names of {c.tos} into the frame's locals.",
                    "import_all_from, PyFrame_FastToLocalsWithError / PyFrame_LocalsToFast"),
    # -- pattern matching ---------------------------------------------------------------------
    "MATCH_MAPPING": ("MATCH_MAPPING pushes whether {c.tos_keep} is a mapping: {c.res}.",
                      "Py_TYPE(subject)->tp_flags & Py_TPFLAGS_MAPPING"),
    "MATCH_SEQUENCE": ("MATCH_SEQUENCE pushes whether {c.tos_keep} is a sequence: {c.res}.",
                       "Py_TYPE(subject)->tp_flags & Py_TPFLAGS_SEQUENCE"),
    "MATCH_KEYS": ("MATCH_KEYS looks the keys {c.tos} up in the mapping and pushes their values, {c.res}.",
                   "match_keys"),
    "MATCH_CLASS": ("MATCH_CLASS checks the subject against the class {c.tos1} with {c.arg} positional "
                    "sub-pattern(s) and pushes the attributes, {c.res}.", "match_class (isinstance, __match_args__)"),
    "COPY_DICT_WITHOUT_KEYS": ("COPY_DICT_WITHOUT_KEYS copies the subject mapping without the keys {c.tos} "
                               "for a **rest pattern.", "PyDict_New, PyDict_Update, PyDict_DelItem"),
}

_BINARY = {
    "POWER": ("**", "PyNumber_Power", "nb_power"),
    "MULTIPLY": ("*", "PyNumber_Multiply", "nb_multiply, else sq_repeat"),
    "MATRIX_MULTIPLY": ("@", "PyNumber_MatrixMultiply", "nb_matrix_multiply"),
    "FLOOR_DIVIDE": ("//", "PyNumber_FloorDivide", "nb_floor_divide"),
    "TRUE_DIVIDE": ("/", "PyNumber_TrueDivide", "nb_true_divide"),
    "MODULO": ("%", "PyNumber_Remainder", "nb_remainder; PyUnicode_Format for str % args"),
    "ADD": ("+", "PyNumber_Add", "nb_add, else sq_concat; unicode_concatenate when both are str"),
    "SUBTRACT": ("-", "PyNumber_Subtract", "nb_subtract"),
    "LSHIFT": ("<<", "PyNumber_Lshift", "nb_lshift"),
    "RSHIFT": (">>", "PyNumber_Rshift", "nb_rshift"),
    "AND": ("&", "PyNumber_And", "nb_and"),
    "XOR": ("^", "PyNumber_Xor", "nb_xor"),
    "OR": ("|", "PyNumber_Or", "nb_or"),
}
for _name, (_sym, _cfunc, _slot) in _BINARY.items():
    OPCODE_TEXT["BINARY_" + _name] = (
        "BINARY_%s pops {c.tos1} and {c.tos} and pushes {c.tos1} %s {c.tos} = {c.res}." % (_name, _sym),
        "%s -> binary_op1 (abstract.c: the left operand's slot, or the right one's first when its "
        "type is a subclass; %s)" % (_cfunc, _slot))
    OPCODE_TEXT["INPLACE_" + _name] = (
        "INPLACE_%s computes {c.tos1} %s= {c.tos} (in place if the object supports it) = {c.res}."
        % (_name, _sym),
        "PyNumber_InPlace%s -> binary_iop1 (the nb_inplace_* slot, else the binary one)" % _cfunc[9:])
del _name, _sym, _cfunc, _slot

# CPython 2.7 names for the function machinery (the seed's vocabulary).
CPY27 = {
    "MAKE_FUNCTION": "2.7: PyFunction_New(code, f->f_globals), PyFunction_SetDefaults, "
                     "PyFunction_SetClosure (MAKE_CLOSURE)",
    "fast": "2.7: call_function -> fast_function -> PyFrame_New, args copied into f_localsplus "
            "-> PyEval_EvalFrameEx",
    "general": "2.7: call_function -> fast_function -> PyEval_EvalCodeEx (argument binding) "
               "-> PyFrame_New -> PyEval_EvalFrameEx",
    "method": "2.7: call_function unpacks im_self/im_func (PyMethod_Check, PCALL_METHOD), then fast_function",
    "builtin": "2.7: call_function -> PyCFunction_Call (METH_NOARGS/METH_O called directly)",
    "type": "2.7: call_function -> do_call -> PyObject_Call -> type_call",
    "other": "2.7: call_function -> do_call -> PyObject_Call -> tp_call",
}

# CPython 3.10 call paths.
CPY310 = {
    "fast": "3.10: call_function -> PyObject_Vectorcall -> _PyFunction_Vectorcall -> _PyEval_Vector "
            "-> _PyEval_MakeFrameVector -> _PyFrame_New_NoTrack, then _PyEval_EvalFrame "
            "-> _PyEval_EvalFrameDefault",
    "general": "3.10: call_function -> PyObject_Vectorcall -> _PyFunction_Vectorcall -> _PyEval_Vector "
               "-> _PyEval_MakeFrameVector (binds positional, keyword, default, *args and **kwargs "
               "parameters) -> _PyFrame_New_NoTrack, then _PyEval_EvalFrameDefault",
    "generator": "3.10: _PyEval_Vector -> _PyEval_MakeFrameVector -> _PyFrame_New_NoTrack, then "
                 "make_coro -> PyGen_NewWithQualName (the frame is not run yet)",
    "method": "3.10: call_function -> PyObject_Vectorcall -> method_vectorcall (classobject.c: self is "
              "prepended to the arguments) -> _PyFunction_Vectorcall",
    "loadmethod": "3.10: LOAD_METHOD left the function and self on the stack (_PyObject_GetMethod), so "
                  "CALL_METHOD calls the function with self as first argument and no bound method "
                  "object is made: call_function -> _PyFunction_Vectorcall",
    "builtin": "3.10: call_function -> PyObject_Vectorcall -> the builtin's vectorcall entry "
               "(cfunction_vectorcall_* in methodobject.c, or method_vectorcall_* in descrobject.c)",
    "type": "3.10: call_function -> PyObject_Vectorcall -> _PyObject_MakeTpCall -> type_call "
            "(typeobject.c: tp_new, then tp_init)",
    "other": "3.10: call_function -> PyObject_Vectorcall -> _PyObject_MakeTpCall -> tp_call",
}


def c_functions(opname):
    """The CPython C function names for ``opname``: the ceval.c case, then helpers."""
    entry = OPCODE_TEXT.get(opname)
    where = CEVAL % opname
    if entry and entry[1]:
        return where + "; " + entry[1]
    return where


class _Ctx:
    """What a template may name; every lookup is safe and returns text."""

    def __init__(self, instr, code, popped, pushed, jumped, raised, extra=None):
        self.instr = instr
        self.opname = instr.opname
        self.arg = instr.arg
        self.argval = instr.argval
        self.argrepr = instr.argrepr or ""
        self.code = getattr(code, "co_name", "?")
        self.popped = popped        # values, bottom first
        self.pushed = pushed
        self.jumped = jumped
        self.raised = raised
        self.extra = extra or {}

    def _r(self, value):
        return "`%s`" % safe_repr(value)

    def _pop(self, k):
        if len(self.popped) > k:
            return self._r(self.popped[-1 - k])
        return "(nothing)"

    @property
    def tos(self):
        return self._pop(0)

    @property
    def tos1(self):
        return self._pop(1)

    @property
    def tos2(self):
        return self._pop(2)

    @property
    def res(self):
        if self.raised is not None:
            return "nothing (it raised %s)" % exception_summary(self.raised)
        if self.pushed:
            return self._r(self.pushed[-1])
        return "(nothing)"

    @property
    def tos_keep(self):
        before = self.extra.get("before") or []
        return self._r(before[-1]) if before else "?"

    @property
    def backward(self):
        if isinstance(self.argval, int) and self.argval <= self.instr.offset:
            return " (backwards: the next loop iteration)"
        return ""

    def _truth_of(self, value):
        try:
            return "true" if value else "false"
        except Exception:
            return "of unknown truth"

    @property
    def truth(self):
        before = self.extra.get("before") or []
        if before:
            return self._truth_of(before[-1])
        return "?"

    @property
    def jump_text(self):
        return ("execution jumps to offset %s" % self.argval) if self.jumped else "execution falls through"

    @property
    def jump_text_keep(self):
        if self.jumped:
            return "it stays on the stack and execution jumps to offset %s" % self.argval
        return "it is popped and execution falls through"

    @property
    def jump_text_exc(self):
        if self.jumped:
            return "it does not, so execution jumps to offset %s" % self.argval
        return "it does, so this except clause runs"

    @property
    def is_word(self):
        return "is not" if self.arg else "is"

    @property
    def in_word(self):
        return "not in" if self.arg else "in"

    @property
    def method_how(self):
        pushed = self.pushed
        if self.raised is not None:
            return "the lookup raised %s." % exception_summary(self.raised)
        if len(pushed) >= 2 and not _is_null(pushed[-2]):
            return ("it is a plain function on the type, %s, so it is pushed unbound with the object "
                    "itself after it: no bound method object is made." % self._r(pushed[-2]))
        if pushed:
            return ("no plain function on the type, so an ordinary attribute lookup gives %s, pushed "
                    "after a NULL marker." % self._r(pushed[-1]))
        return "?"

    @property
    def iter(self):
        before = self.extra.get("before") or []
        return self._r(before[-1]) if before else "?"

    @property
    def for_text(self):
        if self.raised is not None:
            return "it raised %s" % exception_summary(self.raised)
        if self.jumped:
            return ("it is exhausted, so the iterator is popped and execution jumps to offset %s "
                    "(the end of the loop)" % self.argval)
        return "%s is pushed for the loop body" % self.res

    @property
    def unpack_ex(self):
        arg = self.arg or 0
        return "%d before the star, %d after" % (arg & 0xFF, arg >> 8)

    @property
    def format_operand(self):
        if self.arg is not None and self.arg & opcodes.FVS_HAVE_SPEC:
            return "%s with the format spec %s" % (self.tos1, self.tos)
        return self.tos

    @property
    def format_how(self):
        conv = (self.arg or 0) & opcodes.FVC_MASK
        return {opcodes.FVC_STR: " (after str())", opcodes.FVC_REPR: " (after repr())",
                opcodes.FVC_ASCII: " (after ascii())"}.get(conv, "")

    @property
    def raise_what(self):
        if self.arg == 0:
            return "again the exception being handled (a bare raise)"
        if self.arg == 2:
            return "%s with the cause %s (raise ... from ...)" % (self.tos1, self.tos)
        return self.tos

    @property
    def reraise_lasti(self):
        return " (restoring f_lasti to where it was first raised)" if self.arg else ""

    @property
    def gen_kind(self):
        return {0: "generator", 1: "coroutine", 2: "async generator"}.get(self.arg, "generator")

    @property
    def yield_from_text(self):
        if self.raised is not None:
            return "it raised %s" % exception_summary(self.raised)
        if self.extra.get("yielded"):
            return "it yielded %s, which this frame passes on to its own caller" % self.res
        return "it returned %s, the value of the yield from/await expression" % self.res


def _is_null(value):
    return type(value).__name__ == "_Null"


class _Formatter:
    """str.format with a fallback: a template error must not stop the explanation."""

    @staticmethod
    def fill(template, ctx):
        try:
            return template.format(c=ctx)
        except Exception as exc:  # a template naming something this context lacks
            return "%s (%s)" % (ctx.opname, type(exc).__name__)


# -- calls --------------------------------------------------------------------------


def describe_callable(func):
    """A short phrase naming a callable for the call explanations."""
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None)
    if isinstance(name, str):
        return "`%s`" % name
    return "`%s`" % safe_repr(func)


def explain_call(instr, func, args, kwnames, via_load_method=False, outcome=None):
    """Sentences for a call instruction: what is called, which path, and why.

    ``func`` is the callable (for CALL_METHOD with a found method: the plain
    function, with ``args[0]`` the self); ``args`` the positional arguments,
    ``kwnames`` the keyword names (a tuple) whose values end ``args``.
    """
    from .stats import classify_call
    kind, reason, target = classify_call(func, len(args) - len(kwnames or ()), kwnames,
                                         via_load_method=via_load_method)
    nkw = len(kwnames or ())
    npos = len(args) - nkw
    parts = []
    shown = ", ".join(safe_repr(a) for a in args[:npos])
    what = "%s calls %s with %d positional argument%s" % (
        instr.opname, describe_callable(func), npos, "" if npos == 1 else "s")
    if npos:
        what += " (%s)" % shown
    if nkw:
        what += " and the keyword argument%s %s" % (
            "" if nkw == 1 else "s",
            ", ".join("%s=%s" % (k, safe_repr(v)) for k, v in zip(kwnames, args[npos:])))
    parts.append(what + ".")
    path_names = {"fast": "the fast path", "general": "the general argument binder",
                  "generator": "the general binder, making a generator",
                  "method": "a bound method", "loadmethod": "a method call (LOAD_METHOD/CALL_METHOD)",
                  "builtin": "a host builtin", "type": "a class", "other": "another callable"}
    parts.append("Path: %s: %s." % (path_names.get(kind, kind), reason))
    key = kind
    c27 = CPY27.get("method" if kind == "loadmethod" else ("general" if kind == "generator" else key))
    parts.append("CPython: %s; %s." % (CPY310.get(key, ""), c27))
    if outcome is not None:
        parts.append(outcome)
    return " ".join(parts), kind


def explain_make_function(instr, code_obj, qualname, popped, func=None):
    """The sentence for MAKE_FUNCTION: which code object, globals, defaults, closure."""
    flags = instr.arg or 0
    # popped, bottom first: [defaults?, kwdefaults?, annotations?, closure?, code, qualname]
    extras = list(popped[:-2])
    pieces = {}
    for bit, name in ((opcodes.MF_DEFAULTS, "defaults"), (opcodes.MF_KWDEFAULTS, "kwdefaults"),
                      (opcodes.MF_ANNOTATIONS, "annotations"), (opcodes.MF_CLOSURE, "closure")):
        if flags & bit and extras:
            pieces[name] = extras.pop(0)
    name = getattr(code_obj, "co_name", "?")
    text = ["MAKE_FUNCTION builds a function object from the code object `%s` and this frame's globals"
            % name]
    if qualname is not None and qualname != name:
        text.append(" (qualified name `%s`)" % qualname)
    details = []
    if "defaults" in pieces:
        details.append("the defaults %s" % safe_repr(pieces["defaults"]))
    else:
        details.append("no defaults")
    if "kwdefaults" in pieces:
        details.append("the keyword-only defaults %s" % safe_repr(pieces["kwdefaults"]))
    if "annotations" in pieces:
        details.append("annotations")
    if "closure" in pieces:
        cells = pieces["closure"]
        try:
            names = list(getattr(code_obj, "co_freevars", ()))
            details.append("a closure of %d cell%s (%s)" % (len(cells), "" if len(cells) == 1 else "s",
                                                            ", ".join(names)))
        except Exception:
            details.append("a closure")
    else:
        details.append("no closure")
    text.append(", with " + _join_and(details) + ".")
    if func is not None:
        text.append(" It pushes %s." % describe_callable(func).replace("`", "the function `", 1))
    text.append(" CPython: %s; 3.10: PyFunction_NewWithQualName(code, f->f_globals, qualname), then "
                "func_defaults/func_kwdefaults/func_annotations/func_closure are set; %s."
                % (CEVAL % "MAKE_FUNCTION", CPY27["MAKE_FUNCTION"]))
    return "".join(text)


def _join_and(items):
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class Explainer:
    """Turns executed instructions into sentences.

    ``explain(instr, code, before, after, jumped, raised)`` gets the instruction
    record (evalframe.tools.disasm.Instruction), the frame's code object, the
    value stack before and after it (lists, bottom first; ``after`` is None
    when it raised) and returns the text.  Calls are explained by ``call_text``
    before the callee runs (from the stack before the call).
    """

    def __init__(self):
        self.covered = set()

    def split(self, before, after):
        """(popped, pushed): what the instruction took off and put on the stack."""
        if after is None:
            return list(before), []
        n = 0
        limit = min(len(before), len(after))
        while n < limit and before[n] is after[n]:
            n += 1
        return list(before[n:]), list(after[n:])

    def explain(self, instr, code, before, after, jumped=False, raised=None, extra=None):
        self.covered.add(instr.offset)
        popped, pushed = self.split(before, after)
        entry = OPCODE_TEXT.get(instr.opname)
        ext = {"before": before}
        if extra:
            ext.update(extra)
        ctx = _Ctx(instr, code, popped, pushed, jumped, raised, ext)
        if instr.opname == "MAKE_FUNCTION" and len(before) >= 2:
            nextra = bin((instr.arg or 0) & 0xF).count("1")
            taken = before[len(before) - 2 - nextra:]
            func = pushed[-1] if pushed else None
            text = explain_make_function(instr, taken[-2], taken[-1], taken, func)
            return text
        if entry is None:
            text = "%s (no explanation written for this opcode)." % instr.opname
        else:
            text = _Formatter.fill(entry[0], ctx)
        if raised is not None and instr.opname not in ("RAISE_VARARGS", "RERAISE"):
            text += " It raised %s." % exception_summary(raised)
        return text + " CPython: %s." % c_functions(instr.opname)

    def call_text(self, instr, before):
        """The explanation of a call instruction, from the stack before it."""
        func, args, kwnames, via = split_call_stack(instr, before)
        if func is None:
            return None, None
        return explain_call(instr, func, args, kwnames, via)


def split_call_stack(instr, before):
    """(callable, args, kwnames, via_load_method) of a call instruction's
    operands, as its declaration (interpreter/bytecodes.py) names them."""
    from ..interpreter import bytecodes
    op = instr.opname
    try:
        x = bytecodes.operands(op, instr.arg or 0, before)
        form = bytecodes.FORMS.get(op)
        if form == "call":
            return x["callable"], x["args"], (), False
        if form == "call_kw":
            return x["callable"], x["args"], tuple(x["kwnames"]), False
        if form == "call_method":
            meth, callargs = x["meth"], x["callargs"]
            if _is_null(meth):
                return callargs[0], callargs[1:], (), False
            return meth, callargs, (), True
        if op in CALL_OPS:
            # (CALL_FUNCTION_EX: the positional tuple and the keywords' dict)
            kwargs = x.get("kwargs", {})
            kwnames = tuple(kwargs) if isinstance(kwargs, dict) else ()
            return x["func"], list(x["callargs"]) + [kwargs[k] for k in kwnames], kwnames, False
    except Exception:
        pass
    return None, None, None, False


CALL_OPS = frozenset(("CALL_FUNCTION", "CALL_FUNCTION_KW", "CALL_METHOD", "CALL_FUNCTION_EX"))


def check_table():
    """Opcodes of evalframe.opcodes without an explanation (the table must cover all)."""
    return [name for name in opcodes.opmap if name not in OPCODE_TEXT]


# -- the observer ------------------------------------------------------------------------


class ExplainObserver:
    """Prints the explanation of every executed instruction (the traced loop's hooks)."""

    wants_instructions = True

    def __init__(self, out, function=None, max_depth=None, max_steps=None, show_c=True):
        self.out = _SafeWriter(out)
        self.function = function
        self.max_depth = max_depth
        self.max_steps = max_steps
        self.show_c = show_c
        self.explainer = Explainer()
        self.executed = 0
        self.explained = 0
        self._before = {}        # frame -> (index, stack before) of its running instruction
        self._instrs = {}        # code -> {offset: Instruction}
        self._base = None

    def _depth(self, loop, frame):
        d = loop.depth_of(frame)
        if self._base is None:
            self._base = d
        return d - self._base

    def _shown(self, loop, frame):
        code = frame.f_code
        if self.function is not None and self.function not in (code.co_name, code.co_qualname):
            return False
        return self.max_depth is None or self._depth(loop, frame) <= self.max_depth

    def _instr(self, code, index):
        table = self._instrs.get(code)
        if table is None:
            from .disasm import get_instructions
            table = self._instrs[code] = {i.offset: i for i in get_instructions(code)}
        return table[2 * index]

    def _write(self, loop, frame, head, text):
        pad = "  " * self._depth(loop, frame)
        self.out.write("%s%s\n" % (pad, head))
        if not self.show_c:
            text = text.split(" CPython: ")[0]
        self.out.write("%s    %s\n" % (pad, text))

    def _head(self, frame, instr):
        line = frame.f_code.addr2line(instr.offset)
        arg = "" if instr.arg is None else " %d" % instr.arg
        argrepr = " (%s)" % safe_repr(instr.argval) if instr.argrepr and \
            opcodes.argkind[instr.opcode] == opcodes.ARG_CONST else \
            (" (%s)" % instr.argrepr if instr.argrepr else "")
        return "%s line %s, offset %d: %s%s%s" % (frame.f_code.co_name, line, instr.offset,
                                                 instr.opname, arg, argrepr)

    # hooks
    def call(self, loop, frame):
        if not self._shown(loop, frame):
            return
        from .tracer import args_summary
        code = frame.f_code
        pad = "  " * self._depth(loop, frame)
        if frame._lasti < 0:
            self.out.write("%s--> frame for `%s` starts (code object `%s` from %s line %d; "
                           "arguments: %s); the eval loop (_PyEval_EvalFrameDefault; 2.7: "
                           "PyEval_EvalFrameEx) runs it from offset 0\n"
                           % (pad, code.co_qualname, code.co_name,
                              os.path.basename(code.co_filename), code.co_firstlineno,
                              args_summary(frame) or "none"))
            if was_reused(frame):
                self.out.write("%s    (the frame object is `%s`'s zombie frame, reused: the last "
                               "one of this code ended with nothing else holding it and was "
                               "parked in co_zombieframe; frameobject.c frame_dealloc / "
                               "_PyFrame_New_NoTrack)\n" % (pad, code.co_name))
        else:
            self.out.write("%s--> `%s` resumes after offset %d (gen_send_ex2 -> "
                           "_PyEval_EvalFrame)\n" % (pad, code.co_qualname, 2 * frame._lasti))

    def before(self, loop, frame, index, stack):
        self.executed += 1
        if self.max_steps is not None and self.executed > self.max_steps:
            from ..interpreter.traced import AbortRun
            raise AbortRun(3, "evalframe explain: stopped after %d instructions (--max-steps)"
                           % self.max_steps)
        if not self._shown(loop, frame):
            return
        before = list(stack)
        self._before[frame] = (index, before)
        instr = self._instr(frame.f_code, index)
        if instr.opname in CALL_OPS:
            text, _kind = self.explainer.call_text(instr, before)
            if text is None:
                text = OPCODE_TEXT[instr.opname][0].format(c=_Ctx(instr, frame.f_code, [], [],
                                                                   False, None))
            self.explainer.covered.add(instr.offset)
            self.explained += 1
            self._write(loop, frame, self._head(frame, instr), text)

    def after(self, loop, frame, index, stack, jumped):
        entry = self._before.pop(frame, None)
        if entry is None or entry[0] != index:
            return
        instr = self._instr(frame.f_code, index)
        if instr.opname in CALL_OPS:
            pad = "  " * self._depth(loop, frame)
            self.out.write("%s    ... %s pushed the result %s\n"
                           % (pad, instr.opname, safe_repr(stack[-1]) if stack else "?"))
            return
        text = self.explainer.explain(instr, frame.f_code, entry[1], list(stack), jumped)
        self.explained += 1
        self._write(loop, frame, self._head(frame, instr), text)

    def exception(self, loop, frame, exc):
        entry = self._before.pop(frame, None)
        if entry is None:
            return
        instr = self._instr(frame.f_code, entry[0])
        if instr.opname in CALL_OPS:
            pad = "  " * self._depth(loop, frame)
            self.out.write("%s    ... the call raised %s\n" % (pad, exception_summary(exc)))
            return
        text = self.explainer.explain(instr, frame.f_code, entry[1], None, False, raised=exc)
        self.explained += 1
        self._write(loop, frame, self._head(frame, instr), text)

    def exit(self, loop, frame, value, how):
        entry = self._before.pop(frame, None)
        if not self._shown(loop, frame):
            return
        if entry is not None and how != "exception":
            # RETURN_VALUE / YIELD_VALUE / YIELD_FROM end the frame's run: no after()
            instr = self._instr(frame.f_code, entry[0])
            before = entry[1]
            text = self.explainer.explain(instr, frame.f_code, before, before[:-1], False)
            self.explained += 1
            self._write(loop, frame, self._head(frame, instr), text)
        pad = "  " * self._depth(loop, frame)
        code = frame.f_code
        if how == "return":
            self.out.write("%s<-- `%s` returns %s; its frame is released and the caller "
                           "continues\n" % (pad, code.co_qualname, safe_repr(value)))
        elif how == "yield":
            self.out.write("%s<-- `%s` is suspended, yielding %s\n"
                           % (pad, code.co_qualname, safe_repr(value)))
        else:
            self.out.write("%s<-- `%s` is left by an exception (no handler in it)\n"
                           % (pad, code.co_qualname))


class _SafeWriter:
    """Writes for an observer: a failing output stops the run, never the guest's code."""

    def __init__(self, out):
        self.out = out

    def write(self, text):
        from ..interpreter.traced import AbortRun
        try:
            self.out.write(text)
        except BrokenPipeError:
            raise AbortRun(1, "")
        except Exception as exc:
            raise AbortRun(1, "evalframe: explain output failed: %s: %s"
                           % (type(exc).__name__, exc))


# -- the command ------------------------------------------------------------------------

USAGE = ("usage: evalframe explain [--function NAME] [--show-depth N] [--max-steps N] "
         "[--timeout SECONDS] [--max-memory MB] [--max-depth N] FILE [ARGS...]\n")


def main(argv=None):
    from . import tracer
    argv = list(sys.argv[1:] if argv is None else argv)
    return tracer.main(["--explain"] + argv, prog="explain")
