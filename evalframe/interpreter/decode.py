"""Pre-decoding: co_code -> a list of (handler, arg) pairs, once per code object.

Mirrors no single CPython file; it does once, per code object, what 3.10's
ceval.c does per instruction (NEXTOPARG, EXTENDED_ARG accumulation, GETITEM on
co_consts/co_names, JUMPTO arithmetic) and what 3.11's quickening does.  The
list has one entry per code unit, so instruction index == byte offset // 2 ==
CPython 3.10's internal f_lasti.  An EXTENDED_ARG becomes a NOP whose follower
carries the full argument.  Arguments are resolved by kind:

    const   -> the constant itself            name  -> the name string
    local   -> the index into fast locals     free  -> index into localsplus
    jrel/jabs -> absolute instruction index   compare -> the oparg
    (and per-opcode decoders registered by the ops modules; on 3.13+ hosts
    a module's or class's docstring is loaded cleaned, as their compiler
    stores it: _clean_body_doc).  A definition
    with one body per argument value (bytecodes.py: COMPARE_OP, IS_OP...)
    gets the handler derived for this value (ops.VARIANTS).

The result is cached on ``code._decoded``: ``basic``, the one-handler-per-
instruction list (what the traced loop runs: every original instruction
boundary), and ``instrs``, the list the plain loop runs (frames carry it as
``f_instrs``): ``basic`` with superinstructions (superinstr.py) at the start
of each fused group.  Both have one entry per code unit.
"""

from .. import opcodes
from ..objects.codeobject import (CLEANS_DOCS as _CLEANS_DOCS, CO_NEWLOCALS as _CO_NEWLOCALS,
                                  clean_doc, is_class_body)
from ..objects.cellobject import NULL
from .ops import handler_table, ARG_DECODERS, VARIANTS
from .superinstr import plain_list
from .bytecodes import PUSHES_BLOCK
from . import tier2 as _tier2

_K = opcodes


# (the instructions that keep a generator's code from being plain_gen: those
# pushing a block, which make tier 2 link its exc_info item, and YIELD_FROM,
# the only one that delegates)
_NOT_PLAIN = frozenset([opcodes.opmap[name] for name in PUSHES_BLOCK] + [opcodes.YIELD_FROM])


class Decoded:
    """What the interpreter keeps per code object."""

    __slots__ = ("instrs", "basic", "raw", "nlocalsplus", "cell2arg", "positions", "lines",
                 "kwindex", "kwplans", "warm", "fused", "t2", "t2state", "t1instrs",
                 "t2gen", "standins", "plain_gen")

    def __init__(self, instrs, basic, raw, nlocalsplus, cell2arg):
        self.instrs = instrs
        self.basic = basic
        self.raw = raw
        self.nlocalsplus = nlocalsplus
        self.cell2arg = cell2arg
        self.positions = None   # filled lazily by tracebacks
        self.standins = None    # tracebacks: instruction -> (stand-in code, line)
        self.lines = None
        self.kwindex = None     # filled lazily by call.bind_frame
        self.kwplans = None     # tier2.call_kw: (npos, kwnames) -> argument order
        self.warm = 0           # superinstr: events left before the groups are fused
        self.fused = False      # (and, after them, before tier 2 translates the code)
        self.t2 = None          # tier2: the code's tier-2 function, once translated
        self.t2state = 0        # tier2: 0 never, 1 pending (eligible), 3 tried
        self.t1instrs = None    # tier2: ``instrs`` without the tier-2 entries
        self.t2gen = None       # tier2gen: frame -> host generator (a generator's code)
        # a generator's code with no handler and no YIELD_FROM: its generators
        # never link an exc_info item (GenBase._xl false once in tier 2) nor
        # delegate (_yf None), what tier 2's inline FOR_ITER tests per item
        # otherwise (tier2gen.emit_inline_step); set by decode
        self.plain_gen = False


def _load_traceback_handler():
    from ..runtime.tracebacks import LOAD_ATTR_traceback
    return LOAD_ATTR_traceback


def _clean_body_doc(code, raw, instrs):
    """3.13+ hosts: a module's or class's docstring is stored as ``__doc__``
    cleaned (their compiler_body stores _PyCompile_CleanDoc's result).  The
    constant stays 3.10's; the LOAD_CONST of the docstring store loads the
    cleaned string instead.  That store is the body's first (after
    SETUP_ANNOTATIONS, and a class's __module__ and __qualname__ prelude):
    an explicit ``__doc__ = '...'`` as a module's first statement has the
    same bytecode, and is cleaned too."""
    start = 4 if is_class_body(code) else 0
    if start < len(raw) and raw[start][0] == _K.SETUP_ANNOTATIONS:
        start += 1
    if start + 1 >= len(raw):
        return
    (op, arg), (op2, arg2) = raw[start], raw[start + 1]
    if (op == _K.LOAD_CONST and op2 == _K.STORE_NAME and code.co_names[arg2] == "__doc__"
            and type(code.co_consts[arg]) is str):
        handler, doc = instrs[start]
        instrs[start] = (handler, clean_doc(doc))


def decode(code):
    d = code._decoded
    if d is not None:
        return d
    table = handler_table()
    co_code = code.co_code
    n = len(co_code) // 2
    nlocals = code.co_nlocals
    consts, names = code.co_consts, code.co_names
    instrs = [None] * n
    raw = [None] * n
    ext = 0
    nop = table[_K.NOP]
    for i in range(n):
        op = co_code[2 * i]
        arg = co_code[2 * i + 1] | ext
        if op == _K.EXTENDED_ARG:
            ext = arg << 8
            raw[i] = (op, arg)
            instrs[i] = (nop, None)
            continue
        ext = 0
        raw[i] = (op, arg)
        kind = _K.argkind[op]
        name = _K.opname[op]
        if kind == _K.ARG_CONST:
            darg = consts[arg]
        elif kind == _K.ARG_NAME:
            darg = names[arg]
        elif kind == _K.ARG_FREE:
            darg = nlocals + arg
        elif kind == _K.ARG_JREL:
            darg = i + 1 + arg
        elif kind == _K.ARG_JABS:
            darg = arg
        elif op < _K.HAVE_ARGUMENT:
            darg = None
        else:
            darg = arg
        dec = ARG_DECODERS.get(name)
        if dec is not None:
            darg = dec(code, i, arg, darg)
        # (the per-value handler by the decoded value: the first of a
        # (value, own index) pair, YIELD_VALUE's yield_kind)
        by_value = VARIANTS[op]
        fn = by_value.get(darg[0] if darg.__class__ is tuple else darg) if by_value is not None else None
        if op == _K.LOAD_ATTR and darg == "__traceback__":
            # (an exception's raw tier-2 entries made when they can be seen:
            # runtime/tracebacks.py; decided here, nothing per other read)
            fn = _load_traceback_handler()
        instrs[i] = (fn or table[op], darg)
    if _CLEANS_DOCS and not code.co_flags & _CO_NEWLOCALS:
        _clean_body_doc(code, raw, instrs)
    # cell2arg: which cell variables start out holding an argument (3.10's
    # co_cell2arg): the frame moves the argument into the new cell.
    nargs = (code.co_argcount + code.co_kwonlyargcount
             + bool(code.co_flags & 0x4) + bool(code.co_flags & 0x8))
    argnames = code.co_varnames[:nargs]
    cell2arg = None
    for ci, cname in enumerate(code.co_cellvars):
        if cname in argnames:
            if cell2arg is None:
                cell2arg = [None] * len(code.co_cellvars)
            cell2arg[ci] = argnames.index(cname)
    d = Decoded(None, instrs, raw, nlocals + len(code.co_cellvars) + len(code.co_freevars),
                cell2arg)
    d.instrs = plain_list(code, d, instrs, raw)
    if code.co_flags & 0x20:    # (CO_GENERATOR)
        d.plain_gen = not any(op in _NOT_PLAIN for op, _ in raw)
    code._decoded = d
    if d.t2state == 1 and not _tier2.HOT:
        _tier2.warm(code, d)        # EVALFRAME_TIER2=eager: at the first call
    return d


__all__ = ["decode", "Decoded", "NULL"]
