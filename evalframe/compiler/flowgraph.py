"""Instructions, basic blocks, the emitter API, and 3.10's CFG optimiser.

Mirrors the ``struct instr`` / ``basicblock`` / ``compiler_unit`` half of
CPython 3.10's Python/compile.c: ``compiler_new_block``, ``compiler_next_block``,
``compiler_use_next_block``, ``compiler_addop*``, ``compiler_add_const`` (with
``merge_consts_recursive`` and ``_PyCode_ConstantKey``), and the flow-graph
passes that ``assemble()`` runs: ``normalize_basic_block``, ``extend_block``,
``optimize_basic_block`` (jump threading, LOAD_CONST + conditional jump
folding, BUILD_TUPLE folding and BUILD_TUPLE/UNPACK_SEQUENCE swaps),
``clean_basic_block``, ``mark_reachable``, ``eliminate_empty_basic_blocks``,
``duplicate_exits_without_lineno``, ``trim_unused_consts``,
``propagate_line_numbers`` and ``guarantee_lineno_for_exits``.

Every instruction also carries ``loc``: the source range (lineno, end_lineno,
col_offset, end_col_offset) that CPython 3.11's compiler gives the equivalent
instruction (its ``i_lineno``/``i_end_lineno``/``i_col_offset``/
``i_end_col_offset``), or None where 3.11 has no location (``UNSET_LOC`` and the
``*_noline`` emitters).  Locations ride along with the instructions through
every pass and are propagated as 3.11 propagates them (``COPY_INSTR_LOC``);
they never influence the 3.10 bytecode or line table, and end up in
``Code.co_positions()`` so that tracebacks show the host's carets.

Codegen talks only to :class:`CompilerUnit` (``emit``/``addop*``, ``new_block``,
``use_next_block``, ``add_const``, ``add_name``); offsets, EXTENDED_ARG, stack
depth and the line table belong to the assembler.
"""

import math

from .. import opcodes as op
from ..objects import setorder
from ..objects.codeobject import Code

# Opcode sets (compile.c's is_jump / is_relative_jump tables)
HASJUMP = frozenset(op.hasjrel + op.hasjabs)
HASJREL = frozenset(op.hasjrel)
SETUP_OPS = frozenset((op.SETUP_FINALLY, op.SETUP_WITH, op.SETUP_ASYNC_WITH))

_NOP = op.NOP
_LOAD_CONST = op.LOAD_CONST
_JUMP_ABSOLUTE = op.JUMP_ABSOLUTE
_JUMP_FORWARD = op.JUMP_FORWARD
_POP_JUMP_IF_FALSE = op.POP_JUMP_IF_FALSE
_POP_JUMP_IF_TRUE = op.POP_JUMP_IF_TRUE
_JUMP_IF_FALSE_OR_POP = op.JUMP_IF_FALSE_OR_POP
_JUMP_IF_TRUE_OR_POP = op.JUMP_IF_TRUE_OR_POP
_BUILD_TUPLE = op.BUILD_TUPLE
_UNPACK_SEQUENCE = op.UNPACK_SEQUENCE
_RETURN_VALUE = op.RETURN_VALUE
_ROT_N = op.ROT_N
_FOR_ITER = op.FOR_ITER
_EXIT_OPS = frozenset((op.RETURN_VALUE, op.RAISE_VARARGS, op.RERAISE))
_UNCOND = frozenset((op.JUMP_ABSOLUTE, op.JUMP_FORWARD))
_BRANCHES = frozenset((op.POP_JUMP_IF_FALSE, op.POP_JUMP_IF_TRUE,
                       op.JUMP_IF_FALSE_OR_POP, op.JUMP_IF_TRUE_OR_POP,
                       op.FOR_ITER))

MAX_COPY_SIZE = 4


class Instr:
    """One instruction: ``struct instr`` (opcode, oparg, target block, line).

    ``lineno`` is 3.10's line (-1: none yet); ``loc`` is 3.11's source range
    (a 4-tuple, or None for an artificial instruction).
    """

    __slots__ = ("opcode", "oparg", "target", "lineno", "loc")

    def __init__(self, opcode, oparg, target, lineno, loc=None):
        self.opcode = opcode
        self.oparg = oparg
        self.target = target
        self.lineno = lineno
        self.loc = loc

    def copy(self):
        return Instr(self.opcode, self.oparg, self.target, self.lineno, self.loc)

    def __repr__(self):
        return "Instr(%s, %r, line=%r%s)" % (
            op.opname[self.opcode], self.oparg, self.lineno,
            ", ->%x" % id(self.target) if self.target is not None else "")


class BasicBlock:
    """A straight run of instructions: compile.c's ``basicblock``."""

    __slots__ = ("instrs", "next", "return_", "exit", "nofallthrough",
                 "predecessors", "startdepth", "offset")

    def __init__(self):
        self.instrs = []
        self.next = None            # b_next: the block reached by falling through
        self.return_ = False        # b_return
        self.exit = False           # b_exit
        self.nofallthrough = False  # b_nofallthrough
        self.predecessors = 0       # b_predecessors
        self.startdepth = -(1 << 31)
        self.offset = 0             # b_offset, in instructions


# -- constants: _PyCode_ConstantKey and merge_consts_recursive ----------------

class _Singleton:
    """A key object that differs from everything but itself."""
    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj


class _CodeKey:
    """The key of a code object: 3.10 keys it by the code object itself, which
    code_richcompare compares field by field (constants by their keys) and
    code_hash hashes.  Here the fields are read once and the hash is kept, and
    nested code objects appear as their own _CodeKeys, so hashing or comparing
    a key never walks the nested code objects again (500 nested lambdas would
    otherwise hash their whole chain at every level: quadratic or worse)."""

    __slots__ = ("code", "fields", "hash")

    def __init__(self, code, fields):
        self.code = code            # keeps id(code) valid while the key is memoised
        self.fields = fields
        self.hash = hash(fields)

    def __hash__(self):
        return self.hash

    def __eq__(self, other):
        if self is other:
            return True
        if type(other) is not _CodeKey or self.hash != other.hash:
            return False
        return self.fields == other.fields


def const_key(o, memo=None):
    """A hashable key that equals another key only for interchangeable constants.

    Mirrors Objects/codeobject.c's ``_PyCode_ConstantKey`` (3.10): ``0``, ``0.0``,
    ``-0.0``, ``False`` and ``0j`` all get different keys; tuples and frozensets
    are keyed by their items' keys; a code object by code_richcompare's fields
    (a _CodeKey, memoised in ``memo``, a dict ``id(code) -> key``, when given).
    """
    t = type(o)
    if o is None or o is Ellipsis or t is int or t is str:
        return o
    if t is Code:
        key = memo.get(id(o)) if memo is not None else None
        if key is None:
            # code_richcompare (3.10): these fields, constants by their keys
            key = _CodeKey(o, ("<code>", o.co_name, o.co_argcount, o.co_posonlyargcount,
                               o.co_kwonlyargcount, o.co_nlocals, o.co_flags,
                               o.co_firstlineno, o.co_code,
                               tuple([const_key(x, memo) for x in o.co_consts]),
                               o.co_names, o.co_varnames, o.co_freevars, o.co_cellvars))
            if memo is not None:
                memo[id(o)] = key
        return key
    if t is bool or t is bytes:
        return (t, o)
    if t is float:
        if o == 0.0 and math.copysign(1.0, o) < 0.0:
            return (t, o, None)
        return (t, o)
    if t is complex:
        real_negzero = o.real == 0.0 and math.copysign(1.0, o.real) < 0.0
        imag_negzero = o.imag == 0.0 and math.copysign(1.0, o.imag) < 0.0
        if real_negzero and imag_negzero:
            return (t, o, True)
        if imag_negzero:
            return (t, o, False)
        if real_negzero:
            return (t, o, None, None)
        return (t, o)
    if t is tuple:
        return (tuple([const_key(x, memo) for x in o]), o)
    if t is frozenset:
        return (frozenset([const_key(x, memo) for x in o]), o)
    return (id(o), _Singleton(o))


class ConstCache:
    """``c_const_cache``: one canonical object per constant key, per compilation."""

    __slots__ = ("cache", "code_keys")

    def __init__(self):
        self.cache = {}
        self.code_keys = {}     # id(code) -> its _CodeKey (the key keeps the code alive)

    def merge(self, o):
        """merge_consts_recursive: return (key, canonical object)."""
        if o is None or o is Ellipsis:
            return o, o
        key = const_key(o, self.code_keys)
        got = self.cache.get(key)
        if got is not None:
            return key, got
        t = type(o)
        if t is tuple and o:
            items = [self.merge(x)[1] for x in o]
            if any(a is not b for a, b in zip(items, o)):
                o = tuple(items)
        elif t is frozenset and o:
            first = o
            o = frozenset([self.merge(x)[1] for x in o])
            # 3.10's rebuild walks its own layout of the first one (dis/marshal)
            prev = setorder.recall(first)
            if prev is not None:
                setorder.remember(o, setorder.order310([self.merge(x)[1] for x in prev]))
        self.cache[key] = o
        return key, o


# -- the compilation unit: the emitter that codegen speaks to ------------------

class CompilerUnit:
    """``struct compiler_unit``: the state of one code object being generated.

    Holds the blocks (in allocation order; compile.c's ``b_list`` walks them
    backwards), the constant, name, local, cell and free tables, the frame
    block stack, and the current line number that new instructions take
    (``lineno``, 3.10's ``u_lineno``) with the current 3.11 source range
    (``loc``: 3.11's u_lineno, u_end_lineno, u_col_offset, u_end_col_offset,
    or None after ``UNSET_LOC``).
    """

    __slots__ = ("ste", "name", "qualname", "scope_type", "consts", "names",
                 "varnames", "cellvars", "freevars", "private", "argcount",
                 "posonlyargcount", "kwonlyargcount", "blocks", "curblock",
                 "fblocks", "firstlineno", "lineno", "col_offset", "const_cache",
                 "loc")

    def __init__(self, ste, name, scope_type, firstlineno, const_cache):
        self.ste = ste
        self.name = name
        self.qualname = name
        self.scope_type = scope_type
        self.consts = {}        # const key -> index
        self.names = {}
        self.varnames = {}
        self.cellvars = {}
        self.freevars = {}
        self.private = None
        self.argcount = 0
        self.posonlyargcount = 0
        self.kwonlyargcount = 0
        self.blocks = []
        self.curblock = None
        self.fblocks = []
        self.firstlineno = firstlineno
        self.lineno = 0
        self.col_offset = 0
        self.const_cache = const_cache
        # compiler_enter_scope (3.11): a new unit starts at its first line
        self.loc = (firstlineno, firstlineno, 0, 0)
        self.curblock = self.new_block()

    # blocks
    def new_block(self):
        b = BasicBlock()
        self.blocks.append(b)
        return b

    def next_block(self):
        b = BasicBlock()
        self.blocks.append(b)
        self.curblock.next = b
        self.curblock = b
        return b

    def use_next_block(self, block):
        self.curblock.next = block
        self.curblock = block
        return block

    # instructions
    def addop(self, opcode):
        b = self.curblock
        b.instrs.append(Instr(opcode, 0, None, self.lineno, self.loc))
        if opcode == _RETURN_VALUE:
            b.return_ = True

    def addop_noline(self, opcode):
        b = self.curblock
        b.instrs.append(Instr(opcode, 0, None, -1, None))
        if opcode == _RETURN_VALUE:
            b.return_ = True

    def addop_i(self, opcode, oparg):
        self.curblock.instrs.append(Instr(opcode, oparg, None, self.lineno, self.loc))

    def addop_i_noline(self, opcode, oparg):
        self.curblock.instrs.append(Instr(opcode, oparg, None, -1, None))

    def addop_j(self, opcode, target):
        self.curblock.instrs.append(Instr(opcode, 0, target, self.lineno, self.loc))

    def addop_j_noline(self, opcode, target):
        self.curblock.instrs.append(Instr(opcode, 0, target, -1, None))

    # tables
    def add_const(self, o):
        key, _ = self.const_cache.merge(o)
        consts = self.consts
        arg = consts.get(key)
        if arg is None:
            arg = consts[key] = len(consts)
        return arg

    def load_const(self, o):
        key, _ = self.const_cache.merge(o)
        consts = self.consts
        arg = consts.get(key)
        if arg is None:
            arg = consts[key] = len(consts)
        self.curblock.instrs.append(Instr(_LOAD_CONST, arg, None, self.lineno, self.loc))

    @staticmethod
    def add_o(table, name):
        arg = table.get(name)
        if arg is None:
            arg = table[name] = len(table)
        return arg

    def addop_o(self, opcode, table, name):
        arg = table.get(name)
        if arg is None:
            arg = table[name] = len(table)
        self.curblock.instrs.append(Instr(opcode, arg, None, self.lineno, self.loc))

    def addop_name(self, opcode, name):
        name = mangle(self.private, name)
        table = self.names
        arg = table.get(name)
        if arg is None:
            arg = table[name] = len(table)
        self.curblock.instrs.append(Instr(opcode, arg, None, self.lineno, self.loc))

    def consts_inorder(self):
        """consts_dict_keys_inorder: the constants, canonical objects, by index."""
        out = [None] * len(self.consts)
        cache = self.const_cache.cache
        for key, i in self.consts.items():
            out[i] = key if (key is None or key is Ellipsis) else cache[key]
        return out


def mangle(private, name):
    """_Py_Mangle: ``__spam`` inside class ``Ham`` becomes ``_Ham__spam``."""
    if private is None or not name.startswith("__"):
        return name
    if name.endswith("__") or "." in name:
        return name
    stripped = private.lstrip("_")
    if not stripped:
        return name
    return "_" + stripped + name


# -- flow-graph passes (assemble()'s optimiser) -------------------------------

def normalize_basic_block(b):
    """Mark exit/no-fallthrough blocks and skip empty jump targets."""
    instrs = b.instrs
    n = len(instrs)
    for i in range(n):
        ins = instrs[i]
        opcode = ins.opcode
        if opcode in _EXIT_OPS:
            b.exit = True
            b.nofallthrough = True
        elif opcode in _UNCOND or opcode in _BRANCHES:
            if opcode in _UNCOND:
                b.nofallthrough = True
            if i != n - 1:
                raise SystemError("malformed control flow graph.")
            t = ins.target
            while not t.instrs:
                t = t.next
            ins.target = t


def extend_block(b):
    """Copy a short exit block over the unconditional jump that reaches it."""
    instrs = b.instrs
    if not instrs:
        return
    last = instrs[-1]
    if last.opcode != _JUMP_ABSOLUTE and last.opcode != _JUMP_FORWARD:
        return
    t = last.target
    if t.exit and len(t.instrs) <= MAX_COPY_SIZE:
        last.opcode = _NOP
        instrs.extend([x.copy() for x in t.instrs])
        b.exit = True


def _fold_tuple_on_constants(unit, instrs, start, n, consts, where):
    """BUILD_TUPLE n over n LOAD_CONSTs becomes one LOAD_CONST of a tuple.

    The tuple's index is the first constant that *is* it (3.10 scans the list),
    else a new one at the end; ``where`` maps id(constant) -> first index and
    grows with ``consts``, so a code object with many folds stays linear."""
    for i in range(start, start + n):
        if instrs[i].opcode != _LOAD_CONST:
            return
    newconst = tuple([consts[instrs[i].oparg] for i in range(start, start + n)])
    _, newconst = unit.const_cache.merge(newconst)
    if not where:
        for j in range(len(consts) - 1, -1, -1):
            where[id(consts[j])] = j
    index = where.get(id(newconst))
    if index is None:
        index = len(consts)
        consts.append(newconst)
        where[id(newconst)] = index
    for i in range(start, start + n):
        instrs[i].opcode = _NOP
    ins = instrs[start + n]
    ins.opcode = _LOAD_CONST
    ins.oparg = index


_ROT_DEPTH = {op.ROT_TWO: 2, op.ROT_THREE: 3, op.ROT_FOUR: 4}


def _fold_rotations(instrs, start, n):
    """n rotations of the top n items are the identity: make them NOPs."""
    for i in range(start, start + n):
        ins = instrs[i]
        rot = ins.oparg if ins.opcode == _ROT_N else _ROT_DEPTH.get(ins.opcode)
        if rot != n:
            return
    for i in range(start, start + n):
        instrs[i].opcode = _NOP


def _jump_thread(inst, target, opcode):
    """Retarget ``inst`` past the jump it lands on (jump_thread, bpo-45773).

    Only when both carry the same line, so no line event is lost; returns
    True when ``inst`` changed (the caller then looks at it again).
    """
    if inst.lineno == target.lineno and inst.target is not target.target:
        inst.target = target.target
        inst.opcode = opcode
        return True
    return False


def optimize_basic_block(unit, b, consts, where=None):
    """Peephole optimisations inside one block (3.10's optimize_basic_block)."""
    instrs = b.instrs
    i = 0
    while i < len(instrs):
        inst = instrs[i]
        opcode = inst.opcode
        oparg = inst.oparg
        nexti = instrs[i + 1] if i + 1 < len(instrs) else None
        nextop = nexti.opcode if nexti is not None else 0
        if opcode in HASJUMP:
            t = inst.target
            while not t.instrs:
                t = t.next
            inst.target = t
            target = t.instrs[0]
            top = target.opcode
        else:
            target = None
            top = _NOP

        if opcode == _LOAD_CONST:
            if nextop == _POP_JUMP_IF_FALSE or nextop == _POP_JUMP_IF_TRUE:
                is_true = bool(consts[oparg])
                inst.opcode = _NOP
                jump_if_true = nextop == _POP_JUMP_IF_TRUE
                if is_true == jump_if_true:
                    nexti.opcode = _JUMP_ABSOLUTE
                    b.nofallthrough = True
                else:
                    nexti.opcode = _NOP
            elif nextop == _JUMP_IF_FALSE_OR_POP or nextop == _JUMP_IF_TRUE_OR_POP:
                is_true = bool(consts[oparg])
                jump_if_true = nextop == _JUMP_IF_TRUE_OR_POP
                if is_true == jump_if_true:
                    nexti.opcode = _JUMP_ABSOLUTE
                    b.nofallthrough = True
                else:
                    inst.opcode = _NOP
                    nexti.opcode = _NOP
        elif opcode == _BUILD_TUPLE:
            if nextop == _UNPACK_SEQUENCE and oparg == nexti.oparg:
                if oparg == 1:
                    inst.opcode = _NOP
                    nexti.opcode = _NOP
                elif oparg == 2:
                    inst.opcode = op.ROT_TWO
                    nexti.opcode = _NOP
                elif oparg == 3:
                    inst.opcode = op.ROT_THREE
                    nexti.opcode = op.ROT_TWO
            elif i >= oparg:
                _fold_tuple_on_constants(unit, instrs, i - oparg, oparg, consts,
                                         {} if where is None else where)
        elif opcode == _ROT_N:
            if oparg < 2:
                inst.opcode = _NOP
                i += 1
                continue
            elif oparg == 2:
                inst.opcode = op.ROT_TWO
            elif oparg == 3:
                inst.opcode = op.ROT_THREE
            elif oparg == 4:
                inst.opcode = op.ROT_FOUR
            if i >= oparg - 1:
                _fold_rotations(instrs, i - oparg + 1, oparg)
        elif opcode == _JUMP_IF_FALSE_OR_POP:
            if top == _POP_JUMP_IF_FALSE:
                if _jump_thread(inst, target, _POP_JUMP_IF_FALSE):
                    continue
            elif top in (_JUMP_ABSOLUTE, _JUMP_FORWARD, _JUMP_IF_FALSE_OR_POP):
                if _jump_thread(inst, target, _JUMP_IF_FALSE_OR_POP):
                    continue
            elif top == _JUMP_IF_TRUE_OR_POP or top == _POP_JUMP_IF_TRUE:
                if inst.lineno == target.lineno:
                    inst.opcode = _POP_JUMP_IF_FALSE
                    inst.target = inst.target.next
                    continue
        elif opcode == _JUMP_IF_TRUE_OR_POP:
            if top == _POP_JUMP_IF_TRUE:
                if _jump_thread(inst, target, _POP_JUMP_IF_TRUE):
                    continue
            elif top in (_JUMP_ABSOLUTE, _JUMP_FORWARD, _JUMP_IF_TRUE_OR_POP):
                if _jump_thread(inst, target, _JUMP_IF_TRUE_OR_POP):
                    continue
            elif top == _JUMP_IF_FALSE_OR_POP or top == _POP_JUMP_IF_FALSE:
                if inst.lineno == target.lineno:
                    inst.opcode = _POP_JUMP_IF_TRUE
                    inst.target = inst.target.next
                    continue
        elif opcode == _POP_JUMP_IF_FALSE or opcode == _POP_JUMP_IF_TRUE:
            if top == _JUMP_ABSOLUTE or top == _JUMP_FORWARD:
                if _jump_thread(inst, target, opcode):
                    continue
        elif opcode == _JUMP_ABSOLUTE or opcode == _JUMP_FORWARD:
            if top == _JUMP_ABSOLUTE or top == _JUMP_FORWARD:
                if _jump_thread(inst, target, _JUMP_ABSOLUTE):
                    continue
        elif opcode == _FOR_ITER:
            if top == _JUMP_FORWARD:
                if _jump_thread(inst, target, _FOR_ITER):
                    continue
        elif opcode == _RETURN_VALUE:
            # nothing after a return can run
            if i + 1 < len(instrs):
                del instrs[i + 1:]
        i += 1


def clean_basic_block(b, prev_lineno):
    """Remove the NOPs that carry no line number of their own."""
    instrs = b.instrs
    out = []
    n = len(instrs)
    for src in range(n):
        ins = instrs[src]
        lineno = ins.lineno
        if ins.opcode == _NOP:
            if lineno < 0:
                continue
            if prev_lineno == lineno:
                continue
            if src < n - 1:
                nxt = instrs[src + 1]
                if nxt.lineno < 0 or nxt.lineno == lineno:
                    nxt.lineno = lineno
                    # 3.11 hands the NOP's whole location to a location-less
                    # successor (COPY_INSTR_LOC)
                    if nxt.loc is None:
                        nxt.loc = ins.loc
                    continue
            else:
                nb = b.next
                while nb is not None and not nb.instrs:
                    nb = nb.next
                if nb is not None and lineno == nb.instrs[0].lineno:
                    continue
        out.append(ins)
        prev_lineno = lineno
    if len(out) != n:
        b.instrs = out


def mark_reachable(entry):
    stack = [entry]
    entry.predecessors = 1
    while stack:
        b = stack.pop()
        nb = b.next
        if nb is not None and not b.nofallthrough:
            if nb.predecessors == 0:
                stack.append(nb)
            nb.predecessors += 1
        for ins in b.instrs:
            if ins.opcode in HASJUMP:
                t = ins.target
                if t.predecessors == 0:
                    stack.append(t)
                t.predecessors += 1


def eliminate_empty_basic_blocks(entry):
    b = entry
    while b is not None:
        nb = b.next
        if nb is not None:
            while not nb.instrs and nb.next is not None:
                nb = nb.next
            b.next = nb
        b = b.next
    b = entry
    while b is not None:
        if b.instrs:
            last = b.instrs[-1]
            if last.opcode in HASJUMP:
                t = last.target
                while not t.instrs:
                    t = t.next
                last.target = t
        b = b.next


def optimize_cfg(unit, entry, consts):
    b = entry
    where = {}      # id(constant) -> first index, for _fold_tuple_on_constants
    while b is not None:
        optimize_basic_block(unit, b, consts, where)
        clean_basic_block(b, -1)
        b = b.next
    for b in reversed(unit.blocks):
        extend_block(b)
    mark_reachable(entry)
    # Delete unreachable instructions
    b = entry
    while b is not None:
        if b.predecessors == 0:
            b.instrs = []
            b.nofallthrough = False
        b = b.next
    pred = None
    b = entry
    while b is not None:
        prev_lineno = -1
        if pred is not None and pred.instrs:
            prev_lineno = pred.instrs[-1].lineno
        clean_basic_block(b, prev_lineno)
        pred = None if b.nofallthrough else b
        b = b.next
    eliminate_empty_basic_blocks(entry)
    # Delete jumps made redundant by the previous step.
    maybe_empty = False
    b = entry
    while b is not None:
        if b.instrs:
            last = b.instrs[-1]
            if last.opcode == _JUMP_ABSOLUTE or last.opcode == _JUMP_FORWARD:
                if last.target is b.next:
                    b.nofallthrough = False
                    last.opcode = _NOP
                    clean_basic_block(b, -1)
                    maybe_empty = True
        b = b.next
    if maybe_empty:
        eliminate_empty_basic_blocks(entry)


def _is_exit_without_lineno(b):
    return b.exit and b.instrs[0].lineno < 0


def duplicate_exits_without_lineno(unit):
    """Give every jump to a line-less exit block its own copy of that block."""
    blocks = list(reversed(unit.blocks))
    for b in blocks:
        if b.instrs and b.instrs[-1].opcode in HASJUMP:
            last = b.instrs[-1]
            if last.opcode in SETUP_OPS:
                continue
            target = last.target
            if _is_exit_without_lineno(target) and target.predecessors > 1:
                new = unit.new_block()
                new.instrs = [x.copy() for x in target.instrs]
                new.exit = target.exit
                new.nofallthrough = True
                new.instrs[0].lineno = last.lineno
                if new.instrs[0].loc is None:
                    new.instrs[0].loc = last.loc
                last.target = new
                target.predecessors -= 1
                new.predecessors = 1
                new.next = target.next
                target.next = new
    for b in blocks:
        while b.next is not None and not b.next.instrs:
            b.next = b.next.next
    for b in blocks:
        if not b.nofallthrough and b.next is not None and b.instrs:
            if _is_exit_without_lineno(b.next):
                first = b.next.instrs[0]
                first.lineno = b.instrs[-1].lineno
                if first.loc is None:
                    first.loc = b.instrs[-1].loc


def trim_unused_consts(entry, consts):
    """Drop trailing constants nothing loads (the first may be a docstring)."""
    max_index = 0
    b = entry
    while b is not None:
        for ins in b.instrs:
            if ins.opcode == _LOAD_CONST and ins.oparg > max_index:
                max_index = ins.oparg
        b = b.next
    if max_index + 1 < len(consts):
        del consts[max_index + 1:]


def propagate_line_numbers(entry):
    b = entry
    while b is not None:
        instrs = b.instrs
        if not instrs:
            b = b.next
            continue
        prev_lineno = -1
        prev_loc = None
        for ins in instrs:
            if ins.lineno < 0:
                ins.lineno = prev_lineno
            else:
                prev_lineno = ins.lineno
            if ins.loc is None:
                ins.loc = prev_loc
            else:
                prev_loc = ins.loc
        if not b.nofallthrough and b.next.predecessors == 1:
            first = b.next.instrs[0]
            if first.lineno < 0:
                first.lineno = prev_lineno
            if first.loc is None:
                first.loc = prev_loc
        last = instrs[-1]
        if last.opcode in HASJUMP and last.opcode not in SETUP_OPS:
            t = last.target
            if t.predecessors == 1:
                first = t.instrs[0]
                if first.lineno < 0:
                    first.lineno = prev_lineno
                if first.loc is None:
                    first.loc = prev_loc
        b = b.next


def guarantee_lineno_for_exits(entry, firstlineno):
    lineno = firstlineno
    b = entry
    while b is not None:
        instrs = b.instrs
        if instrs:
            last = instrs[-1]
            if last.lineno < 0:
                if last.opcode == _RETURN_VALUE:
                    for ins in instrs:
                        ins.lineno = lineno
            else:
                lineno = last.lineno
        b = b.next
    # 3.11 does the same on its own locations: a line, no columns
    loc_line = firstlineno
    b = entry
    while b is not None:
        instrs = b.instrs
        if instrs:
            last = instrs[-1]
            if last.loc is None:
                if last.opcode == _RETURN_VALUE:
                    for ins in instrs:
                        if ins.loc is None:
                            ins.loc = (loc_line, -1, -1, -1)
            else:
                loc_line = last.loc[0]
        b = b.next
