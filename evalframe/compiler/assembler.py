"""The assembler: from a unit's basic blocks to a finished Code object.

Mirrors ``assemble()`` and its helpers in CPython 3.10's Python/compile.c:
the implicit ``return None``, ``insert_generator_prefix`` (GEN_START), the
optimiser passes (in flowgraph.py), ``stackdepth()``, ``assemble_jump_offsets``
with its EXTENDED_ARG fix-point, ``assemble_emit``/``write_op_arg``, the 3.10
``co_linetable`` writer (``assemble_line_range``/``assemble_lnotab``),
``compute_code_flags`` and ``makecode``.  Alongside the code it emits one
source position per code unit (EXTENDED_ARG prefixes share the position of
the instruction they prefix), decoded as 3.11's ``co_positions()`` would
decode the location table 3.11 writes for the instruction's ``loc``
(``write_location_info_entry``); see flowgraph.py.
"""

import sys

from .. import opcodes as op
from ..objects import setorder
from ..objects.codeobject import (
    Code, CO_OPTIMIZED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS, CO_NESTED,
    CO_GENERATOR, CO_NOFREE, CO_COROUTINE, CO_ASYNC_GENERATOR)
from . import flowgraph as fg
from .flowgraph import HASJUMP, HASJREL

# Include/compile.h: the future/compiler flags that code objects inherit.
CO_FUTURE_DIVISION = 0x20000
CO_FUTURE_ABSOLUTE_IMPORT = 0x40000
CO_FUTURE_WITH_STATEMENT = 0x80000
CO_FUTURE_PRINT_FUNCTION = 0x100000
CO_FUTURE_UNICODE_LITERALS = 0x200000
CO_FUTURE_BARRY_AS_BDFL = 0x400000
CO_FUTURE_GENERATOR_STOP = 0x800000
CO_FUTURE_ANNOTATIONS = 0x1000000
PyCF_MASK = (CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | CO_FUTURE_WITH_STATEMENT
             | CO_FUTURE_PRINT_FUNCTION | CO_FUTURE_UNICODE_LITERALS
             | CO_FUTURE_BARRY_AS_BDFL | CO_FUTURE_GENERATOR_STOP
             | CO_FUTURE_ANNOTATIONS)

_EXTENDED_ARG = op.EXTENDED_ARG
_stack_effect = op.stack_effect
_ENDS_FLOW = frozenset((op.JUMP_ABSOLUTE, op.JUMP_FORWARD, op.RETURN_VALUE,
                        op.RAISE_VARARGS, op.RERAISE))

# Stack effects that depend on neither the argument nor the jump, cached.
_FIXED_EFFECT = dict(op.FIXED_STACK_EFFECTS)


def instrsize(oparg):
    if oparg <= 0xFF:
        return 1
    if oparg <= 0xFFFF:
        return 2
    if oparg <= 0xFFFFFF:
        return 3
    return 4


def compute_code_flags(ste, is_function, cf_flags, toplevel_await=False):
    """co_flags from the scope's symbol table entry and the compiler flags."""
    flags = 0
    if is_function:
        flags |= CO_NEWLOCALS | CO_OPTIMIZED
        if ste.ste_nested:
            flags |= CO_NESTED
        gen, coro = ste.ste_generator, ste.ste_coroutine
        if gen and not coro:
            flags |= CO_GENERATOR
        if not gen and coro:
            flags |= CO_COROUTINE
        if gen and coro:
            flags |= CO_ASYNC_GENERATOR
        if ste.ste_varargs:
            flags |= CO_VARARGS
        if ste.ste_varkeywords:
            flags |= CO_VARKEYWORDS
    flags |= cf_flags & PyCF_MASK
    if toplevel_await and ste.ste_coroutine and not ste.ste_generator:
        flags |= CO_COROUTINE
    return flags


def stackdepth(unit, entry, is_generator):
    """The deepest the value stack can get (3.10's flow-sensitive walk)."""
    for b in unit.blocks:
        b.startdepth = -(1 << 31)
    maxdepth = 0
    stack = []

    def push(b, depth):
        if b.startdepth < depth and b.startdepth < 100:
            b.startdepth = depth
            stack.append(b)

    push(entry, 1 if is_generator else 0)
    fixed = _FIXED_EFFECT
    while stack:
        b = stack.pop()
        depth = b.startdepth
        nxt = b.next
        for ins in b.instrs:
            opcode = ins.opcode
            effect = fixed.get(opcode)
            if effect is None:
                effect = _stack_effect(opcode, ins.oparg, False)
            new_depth = depth + effect
            if new_depth > maxdepth:
                maxdepth = new_depth
            if opcode in HASJUMP:
                target_depth = depth + _stack_effect(opcode, ins.oparg, True)
                if target_depth > maxdepth:
                    maxdepth = target_depth
                push(ins.target, target_depth)
            depth = new_depth
            if opcode in _ENDS_FLOW:
                nxt = None
                break
        if nxt is not None:
            push(nxt, depth)
    return maxdepth


def normalize_jumps(entry):
    """Unconditional jumps forward become JUMP_FORWARD, backward JUMP_ABSOLUTE."""
    visited = set()
    b = entry
    while b is not None:
        visited.add(b)
        if b.instrs:
            last = b.instrs[-1]
            if last.opcode == op.JUMP_ABSOLUTE:
                if last.target not in visited:
                    last.opcode = op.JUMP_FORWARD
            elif last.opcode == op.JUMP_FORWARD:
                if last.target in visited:
                    last.opcode = op.JUMP_ABSOLUTE
        b = b.next


def assemble_jump_offsets(entry):
    blocks = []
    b = entry
    while b is not None:
        blocks.append(b)
        b = b.next
    while True:
        totsize = 0
        for b in blocks:
            b.offset = totsize
            for ins in b.instrs:
                totsize += instrsize(ins.oparg)
        recompile = False
        for b in blocks:
            bsize = b.offset
            for ins in b.instrs:
                isize = instrsize(ins.oparg)
                bsize += isize
                if ins.opcode in HASJUMP:
                    arg = ins.target.offset
                    if ins.opcode in HASJREL:
                        arg -= bsize
                    ins.oparg = arg
                    if instrsize(arg) != isize:
                        recompile = True
        if not recompile:
            return blocks


class _LineTable:
    """3.10's co_linetable writer: (bytes delta, line delta) pairs per range."""

    __slots__ = ("out", "lineno", "prevlineno", "lineno_start")

    def __init__(self, firstlineno):
        self.out = bytearray()
        self.lineno = firstlineno
        self.prevlineno = firstlineno
        self.lineno_start = 0

    def line_range(self, offset):
        out = self.out
        bdelta = (offset - self.lineno_start) * 2
        if bdelta == 0:
            return
        if self.lineno < 0:
            ldelta = -128
        else:
            ldelta = self.lineno - self.prevlineno
            self.prevlineno = self.lineno
            while ldelta > 127:
                out += b"\x00\x7f"
                ldelta -= 127
            while ldelta < -127:
                out += b"\x00\x81"
                ldelta += 127
        while bdelta > 254:
            out.append(254)
            out.append(ldelta & 0xFF)
            ldelta = -128 if self.lineno < 0 else 0
            bdelta -= 254
        out.append(bdelta)
        out.append(ldelta & 0xFF)
        self.lineno_start = offset


_NO_POSITION = (None, None, None, None)


def _all_name_chars(s):
    """all_name_chars (Objects/codeobject.c): ASCII letters, digits, '_' only."""
    if not s.isascii():
        return False
    for ch in s:
        if not (ch.isalnum() or ch == "_"):
            return False
    return True


def intern_string_constants(items):
    """``intern_string_constants`` of PyCode_New (3.10-3.13), on a list in place.

    Identifier-like strings become the host's interned objects.  A frozenset
    whose strings were not all the interned objects already is rebuilt from
    the tuple of its items (in its iteration order), as CPython does: the
    host's set layout, and so the order a guest sees when it iterates a
    frozenset constant, depends on that rebuild (after the source-order
    build and the one in merge_consts_recursive).  Returns whether anything
    was replaced.  Strings are interned in the same order as CPython (last
    constant first, code objects as they are made), so the host process's
    interned-string table evolves as it would under CPython.
    """
    modified = False
    for i in range(len(items) - 1, -1, -1):
        v = items[i]
        t = type(v)
        if t is str:
            if _all_name_chars(v):
                w = sys.intern(v)
                if w is not v:
                    items[i] = w
                    modified = True
        elif t is tuple:
            # CPython fixes the tuple in place and tells nobody (NULL flag)
            inner = list(v)
            if intern_string_constants(inner):
                if any(type(x) is frozenset and x is not y for x, y in zip(inner, v)):
                    items[i] = tuple(inner)
        elif t is frozenset:
            tmp = list(v)
            if intern_string_constants(tmp):
                items[i] = frozenset(tmp)
                modified = True
    return modified


def _position(loc):
    """The co_positions() entry 3.11 decodes for an instruction location.

    3.11's write_location_info_entry writes "no location" for a negative line,
    a line without columns when a column is negative (and the range is on one
    line), and otherwise the columns; the reader turns -1 into None.
    """
    if loc is None:
        return _NO_POSITION
    lineno, end_lineno, col, end_col = loc
    if lineno is None or lineno < 0:
        return _NO_POSITION
    if end_lineno is None or end_lineno < 0:
        end_lineno = lineno
    if col is None or end_col is None or col < 0 or end_col < 0:
        return (lineno, end_lineno, None, None)
    return loc


def assemble(unit, add_none, flags, filename):
    """Turn ``unit`` into a Code object (compile.c's ``assemble`` + ``makecode``).

    ``flags`` are the unit's co_flags from :func:`compute_code_flags` (CO_NOFREE
    is added here, as PyCode_New does).
    """
    cur = unit.curblock
    if not cur.return_:
        unit.lineno = -1
        unit.loc = None
        if add_none:
            unit.load_const(None)
        unit.addop(op.RETURN_VALUE)

    blocks = unit.blocks
    for b in reversed(blocks):
        fg.normalize_basic_block(b)
    for b in reversed(blocks):
        fg.extend_block(b)

    entry = blocks[0]
    ste = unit.ste

    # insert_generator_prefix
    if flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR):
        if flags & CO_COROUTINE:
            kind = 1
        elif flags & CO_ASYNC_GENERATOR:
            kind = 2
        else:
            kind = 0
        gen_start = fg.Instr(op.GEN_START, kind, None, -1)
        entry.instrs.insert(0, gen_start)
    else:
        gen_start = None

    if not unit.firstlineno:
        if entry.instrs and entry.instrs[0].lineno:
            unit.firstlineno = entry.instrs[0].lineno
        else:
            unit.firstlineno = 1
    if gen_start is not None:
        # where 3.11 puts RETURN_GENERATOR: the first line, no columns
        gen_start.loc = (unit.firstlineno, unit.firstlineno, -1, -1)

    consts = unit.consts_inorder()
    fg.optimize_cfg(unit, entry, consts)
    fg.duplicate_exits_without_lineno(unit)
    fg.trim_unused_consts(entry, consts)
    fg.propagate_line_numbers(entry)
    fg.guarantee_lineno_for_exits(entry, unit.firstlineno)

    maxdepth = stackdepth(unit, entry, ste.ste_generator or ste.ste_coroutine)
    normalize_jumps(entry)
    order = assemble_jump_offsets(entry)

    # Emit the code and the line table.
    code = bytearray()
    positions = []
    lt = _LineTable(unit.firstlineno)
    offset = 0
    for b in order:
        for ins in b.instrs:
            pos = _position(ins.loc)
            # assemble_emit: an instruction at line 0 opens no new range
            if ins.lineno and ins.lineno != lt.lineno:
                lt.line_range(offset)
                lt.lineno = ins.lineno
            arg = ins.oparg
            opcode = ins.opcode
            if arg > 0xFF:
                if arg > 0xFFFFFF:
                    code += bytes((_EXTENDED_ARG, (arg >> 24) & 0xFF))
                    positions.append(pos)
                    offset += 1
                if arg > 0xFFFF:
                    code += bytes((_EXTENDED_ARG, (arg >> 16) & 0xFF))
                    positions.append(pos)
                    offset += 1
                code += bytes((_EXTENDED_ARG, (arg >> 8) & 0xFF))
                positions.append(pos)
                offset += 1
            code.append(opcode)
            code.append(arg & 0xFF)
            positions.append(pos)
            offset += 1
    lt.line_range(offset)

    before = list(consts)
    intern_string_constants(consts)
    names = tuple(unit.names)
    varnames = tuple(unit.varnames)
    cellvars = tuple(unit.cellvars)
    freevars = tuple(unit.freevars)
    if not freevars and not cellvars:
        flags |= CO_NOFREE
    return Code(
        co_argcount=unit.argcount + unit.posonlyargcount,
        co_posonlyargcount=unit.posonlyargcount,
        co_kwonlyargcount=unit.kwonlyargcount,
        co_nlocals=len(varnames),
        co_stacksize=maxdepth,
        co_flags=flags,
        co_code=bytes(code),
        co_consts=tuple(consts),
        co_names=names,
        co_varnames=varnames,
        co_freevars=freevars,
        co_cellvars=cellvars,
        co_filename=filename,
        co_name=unit.name,
        co_qualname=unit.qualname,
        co_firstlineno=unit.firstlineno,
        co_linetable=bytes(lt.out),
        positions=tuple(positions),
        set_orders=setorder.code_orders(before, consts),
    )
