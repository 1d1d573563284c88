"""Tier 2: a hot code object translated as a whole into one host Python function.

Mirrors the role of CPython 3.13's tier-2 (the trace optimizer and its
copy-and-patch JIT) and, closer, of PyPy's and Pyston's "translate the whole
function" tiers: the plain loop (tier 1) dispatches one handler (or one fused
group) per step; tier 2 turns the code object's bytecode into the source of
one host function, compiled once with the host's ``compile()``:

* the value stack lives in host locals: fixed slots ``s0 .. sN`` (N =
  co_stacksize) at basic-block boundaries, and, inside a block, the virtual
  stack of expressions and temporaries the superinstruction translator keeps
  (superinstr._Group: tier 2 subclasses it, so every inline opcode template
  is shared with fused groups, not copied);
* jumps are host control flow: a dispatch over basic blocks ``if blk <= K:``
  (written ``if blk > K: pass`` / ``else:``, _DISPATCH_TEST)
  in chunks, so falling into the next block costs nothing and a jump is one
  assignment, ``continue`` and a few comparisons;
* constants, names and helper functions are bound once, as closure cells of
  the factory that makes the function;
* fast locals stay in ``f.f_localsplus`` (so ``f_locals``, ``locals()``,
  ``sys._getframe().f_locals`` and tracebacks always see exact values); the
  block stack (3.10's SETUP_FINALLY model unchanged) is known at translation
  at each instruction: a frame-based body keeps it in host locals and writes
  it to ``f.f_blockstack`` only where other code goes on with the frame
  (``_virtual_blocks``), else it lives in ``f.f_blockstack``;
* a frame-based body assumes exact-dict globals and builtins: a frame whose
  dicts are not runs in tier 1;
* a guest call of a guest function whose code is in tier 2 is a direct host
  call, of its *lean* function where it has one (below), else of its
  frame-based tier-2 function (guest depth still counted and bounded by the
  guest's recursion limit; host Python-to-Python calls use no C stack on
  3.11+); anything else goes through call.call_push and the plain loop.

Lean functions (``_Lean``; frames made only when observed, t2frames.py): code
with no handlers or cells of its own is translated a second time, with guest
locals as host locals ``l0 ..``, its parameters (keyword-only, *args and
**kwargs included: the binder fills them, call_bound) as host parameters and
its free cells as host closure variables,
bound once per function (``Function._lean``) or, without free variables, per
(code, globals, builtins).  A lean call makes no Frame: ``tstate.frame`` holds
the marker ``LEAN`` while it runs, and whoever observes the current frame
(``t2frames.current_frame``) gets it materialised from the host stack, with
identity kept per call, f_back chains through tier 1, tier 2 and host
callbacks, f_lineno and f_locals read from the host frame.  Its exception
path is static (no handlers): ``lean_raise`` adds the traceback entry on the
materialised frame and the exception leaves.  Frames the plain loop starts
enter lean code too (``osr_entry``: at instruction 0 or a loop header, the
Frame passed in as the call's frame).

Exceptions: the host line of the tier-2 function that raised maps to the
guest instruction (``T2_LINES``); the except clause materialises the value
stack from the slots, sets ``f._lasti`` and runs ceval._unwind for this frame
(traceback entry, block stack, handler entry), then reloads the slots and
continues at the handler, or lets the exception leave.

Deoptimisation (tier 2 -> tier 1 at the exact instruction with the exact
value stack): after every call, if a tracer has attached (sys.settrace,
breakpoint(), the seeing tools), the virtual stack is written to
``f.f_valuestack`` (a lean call's frame materialised first, ``deopt``),
``f._lasti`` set, and the traced loop resumes the frame (``tracer.resume``).  A frame started while a tracer is attached never enters
tier 2.  The generated code assumes nothing that could go stale: globals and
builtins are read at each use (as tier 1 does), operators are the host's, so
rebinding a global or builtin, or changing a class, needs no guard; the one
exception, t2attr.py's property, method and operator sites, records what a
type's lookup gave under the type's version tag and checks it at each use.

What hands over to tier 1: generators, coroutines and async generators,
module and class bodies, code with opcodes that need a non-optimised frame
(IMPORT_STAR, LOAD_NAME...), code objects beyond ``MAX_CODES``; they run in
the plain loop exactly as before.  Frames of tier-2 code started by the plain
loop enter through ``osr_entry`` (at instruction 0, or at a loop header of a
frame already running when its code became hot: on-stack replacement).

Debugging: each generated line ends with a comment naming the guest
instruction (offset, opname, argument, source line); the source is registered
with ``linecache`` under its host filename; EVALFRAME_TIER2_DUMP=DIR writes
each function's source to DIR.  EVALFRAME_TIER2=off|auto|eager picks the mode
(docs/vm.md).
"""

import linecache
import os
import re
import sys
from functools import partial
from types import MethodDescriptorType, MethodType
from weakref import ref as _weakref

from .. import opcodes as _K
from ..objects.cellobject import NULL, Cell as _Cell
from ..objects.frameobject import (Frame, FRAME_CREATED, FRAME_EXECUTING, FRAME_RETURNED,
                                   FRAME_SUSPENDED)
from ..objects.funcobject import Function
from ..objects import excslots as _x
from .abort import STOP_OR_MEMORY, stops_run
from . import bytecodes as _bytecodes
from . import superinstr as _si
from . import t2attr as _t2attr
from . import t2entry as _t2entry
from . import t2frames as _t2f
from . import t2peep as _t2peep
from . import t2struct as _t2struct
from .pystate import get_tstate
from .ops.exceptions import FINALLY_BLOCK as _FINALLY_BLOCK

# off: never; auto: code that is hot (HOT events: frames made, loop headers
# reached); eager: every eligible code object at its first call.
_MODE = os.environ.get("EVALFRAME_TIER2", "").strip().lower() or "auto"
if _MODE not in ("off", "auto", "eager"):
    _MODE = "auto"
if _MODE == "auto" and sys.version_info < (3, 11):
    # 3.10's host recursion uses the C stack for every Python call: direct
    # tier-2 calls could not follow a guest's setrecursionlimit(100000)
    _MODE = "off"
MODE = _MODE
ENABLED = MODE != "off"
HOT = 0 if MODE == "eager" else int(os.environ.get("EVALFRAME_TIER2_HOT", "16"))
# caches are bounded: past this many translated code objects, new ones stay in tier 1
MAX_CODES = int(os.environ.get("EVALFRAME_TIER2_MAX", "4000"))
DUMP_DIR = os.environ.get("EVALFRAME_TIER2_DUMP") or None

# id of the host code object of a tier-2 function -> [guest instruction index
# of each host line].  By identity: a code object hashes and compares by value,
# and the except clause of every guest frame an exception leaves looks its host
# code up here (hashing a whole function's code object made tier 2 slower than
# tier 1 on exceptions: docs/vm.md).  _T2_CODES keeps the codes (and ids) alive.
T2_LINES = {}
_T2_CODES = []


def register_lines(host_code, linemap):
    T2_LINES[id(host_code)] = linemap
    _T2_CODES.append(host_code)
_count = 0

_PKG = os.path.dirname(os.path.abspath(__file__))
# the host's own sys._getframe (runtime/hostframes.py replaces the module's for
# host libraries called from guest code: tier 2 wants its caller's host frame)
_host_getframe = getattr(sys._getframe, "__wrapped__", sys._getframe)

_CO_OPTIMIZED = 0x1
_CO_GENERATORS = 0x20 | 0x80 | 0x200      # generator, coroutine, async generator
_CO_NEWLOCALS = 0x2
_CO_VARARGS = 0x4
_CO_VARKEYWORDS = 0x8

# opcodes that keep a code object in tier 1 (generators are excluded by their
# flags; the rest need a frame that is not optimised, or the loop itself)
# (the async opcodes are in coroutines and async generators only, which their
# flags keep in tier 1)
# (``yield from``: bytecodes.FORMS' "delegate", generators only)
_FORMS = _bytecodes.FORMS
_TIER1_ONLY = (frozenset(n for n, form in _FORMS.items() if form == "delegate")
               | _bytecodes.NEEDS_LOCALS)
# the frame switches (bytecodes.FORMS: returns, calls, the next item), each
# form translated here once (_own, _lean_op)
_OWN = frozenset(_FORMS) - _TIER1_ONLY
_CHUNK = 8
# the declared opcodes translated from their templates in tier 2: all but
# those that call out (bytecodes.CALLS), the block-stack ones too (fusion
# leaves those out: superinstr.FUSABLE); a lean function, which has no block
# stack, takes the raising ones but none that touch the block stack
_TEMPLATED = frozenset(_bytecodes.DEFS) - _bytecodes.CALLS - frozenset(_FORMS)
_LEAN_TEMPLATED = _TEMPLATED - _bytecodes.BLOCKS


def eligible(code, raw):
    """Whether ``code`` can run in tier 2 (else it stays in tier 1)."""
    flags = code.co_flags
    if flags & _CO_GENERATORS:
        # (a plain generator: a host generator function, tier2gen.py)
        return _tier2gen.eligible(code, raw)
    if not flags & _CO_OPTIMIZED:
        return False
    names = _K.opname
    for op, _ in raw:
        name = names[op]
        if name in _TIER1_ONLY or name.startswith("<"):
            return False
    return True


# -- stack depths -------------------------------------------------------------------

def _successors(i, op, arg, name, darg):
    """(next index, jump taken?) pairs of instruction ``i``."""
    kind = _K.argkind[op]
    if _FORMS.get(name) == "return" or name in _bytecodes.RAISES:
        return ()
    if name in _bytecodes.ALWAYS_JUMPS:
        return ((darg, True),)
    if kind in (_K.ARG_JREL, _K.ARG_JABS):
        return ((i + 1, False), (darg, True))
    return ((i + 1, False),)


def stack_depths(raw, basic, depth0=0):
    """The value-stack depth before each reachable instruction (None: dead)."""
    n = len(raw)
    depth = [None] * n
    depth[0] = depth0
    work = [0]
    names = _K.opname
    while work:
        i = work.pop()
        d = depth[i]
        op, arg = raw[i]
        name = names[op]
        darg = basic[i][1]
        for j, jumped in _successors(i, op, arg, name, darg):
            if j >= n:
                continue
            if op == _K.EXTENDED_ARG:
                nd = d
            else:
                nd = d + _K.stack_effect(op, arg if op >= _K.HAVE_ARGUMENT else 0, jumped)
            if depth[j] is None:
                depth[j] = nd
                work.append(j)
            elif depth[j] != nd:
                raise ValueError("inconsistent stack depth at %d" % j)
    return depth


def bound_locals(code, raw, basic, depth, bound0):
    """The fast locals certainly bound before each instruction (a forward
    "definitely assigned" analysis: STORE_FAST binds, DELETE_FAST unbinds), so
    that LOAD_FAST of them needs no NULL check.  An exception handler gets
    what was bound at its SETUP instruction, less every local deleted
    anywhere (``except ... as name`` deletes ``name``)."""
    n = len(raw)
    names = _K.opname
    stores = {_K.opmap[x] for x in _bytecodes.BINDS_LOCAL}
    deletes = {_K.opmap[x] for x in _bytecodes.UNBINDS_LOCAL}
    deleted = {arg for op, arg in raw if op in deletes}
    setups = {_K.opmap[x] for x in _bytecodes.PUSHES_BLOCK}
    bound = [None] * n
    bound[0] = frozenset(bound0)
    work = [0]
    while work:
        i = work.pop()
        cur = bound[i]
        op, arg = raw[i]
        darg = basic[i][1]
        out = cur
        if op in stores:
            out = cur | {arg}
        elif op in deletes:
            out = cur - {arg}
        for j, jumped in _successors(i, op, arg, names[op], darg):
            if j >= n or depth[j] is None:
                continue
            val = (cur - deleted) if (jumped and op in setups) else out
            old = bound[j]
            new = val if old is None else (old & val)
            if new != old:
                bound[j] = new
                work.append(j)
    return bound


_EXCEPT_HANDLER_BLOCK = 257         # (objects/frameobject.py EXCEPT_HANDLER)


def static_blocks(raw, basic, depth):
    """The block stack before each reachable instruction (None: dead), as a
    frame-based function's ``f.f_blockstack`` holds it when that instruction
    runs: ``(type, handler, level)`` for each block, an EXCEPT_HANDLER's
    handler left out (None: the instruction that raised, known at run time
    only).  3.10's compiler makes it the same on every path to an
    instruction (3.11's exception table is made from that); code where it is
    not gets None: its except clause searches the run-time block stack.
    What each opcode does to the block stack is its declaration's
    (bytecodes.block_effects)."""
    n = len(raw)
    blocks = [None] * n
    blocks[0] = ()
    work = [0]
    names = _K.opname
    effects = {_K.opmap[name]: e for name, e in _bytecodes.block_effects().items()}
    while work:
        i = work.pop()
        cur = blocks[i]
        op, arg = raw[i]
        darg = basic[i][1]
        effect = effects.get(op)
        for j, jumped in _successors(i, op, arg, names[op], darg):
            if j >= n or depth[j] is None:
                continue
            if effect is None:
                new = cur
            elif effect[0] == "push":
                # (the handler's entry: the block replaced by an except handler)
                level = depth[i] + effect[1]
                new = cur + (((_EXCEPT_HANDLER_BLOCK, None, level),) if jumped
                             else ((_FINALLY_BLOCK, darg, level),))
            elif jumped or not cur:
                return None     # (a pop on a jump: not a shape 3.10 makes)
            else:
                new = cur[:-1]
            old = blocks[j]
            if old is None:
                blocks[j] = new
                work.append(j)
            elif old != new:
                return None
    return blocks


def _search(blocks):
    """What 3.10's exception_unwind does with the block stack ``blocks``: the
    levels of the EXCEPT_HANDLER blocks it pops, innermost first, then the
    (handler, level) it enters (None: the exception leaves the frame), and
    how many blocks stay below."""
    pops = []
    for k in range(len(blocks) - 1, -1, -1):
        kind, handler, level = blocks[k]
        if kind == _EXCEPT_HANDLER_BLOCK:
            pops.append(level)
            continue
        return tuple(pops), (handler, level), k
    return tuple(pops), None, 0


def nones(names):
    """One statement setting the host locals ``names`` to None, in that
    order: from three on an unpacking of a constant tuple (its one
    UNPACK_SEQUENCE and a store each, where a chained assignment pays a
    COPY and a store each: the prologue's slots, an unwinding's clearing)."""
    if len(names) < 3:
        return "%s = None" % " = ".join(names)
    return "%s = (%s)" % (", ".join(names), ", ".join(["None"] * len(names)))


def _slots_none(low, high):
    """Slots ``low`` .. ``high - 1`` set to None, the top one first (as
    unwinding pops the value stack), or no line."""
    return [nones(["s%d" % k for k in range(high - 1, low - 1, -1)])] if high > low else []


def slot_tops(raw, basic, depth, nslots):
    """For each instruction, how many slots may hold a value while it runs
    (its stack depth before or after, the larger; 0 if dead): a slot above
    the value stack holds None (the translation clears a slot it pops), so
    unwinding from that instruction clears only the slots below this
    (unwind_lines' ``top``: ten slots cleared per caught exception was
    ~20 host bytecodes where one or two held values)."""
    names = _K.opname
    tops = []
    for i, (op, arg) in enumerate(raw):
        d = depth[i]
        if d is None:
            tops.append(0)
            continue
        for j, _ in _successors(i, op, arg, names[op], basic[i][1]):
            if j < len(depth) and depth[j] is not None and depth[j] > d:
                d = depth[j]
        tops.append(min(d, nslots))
    return tops


def _set_exc_value_lines(value):
    """pystate.set_exc_value(tstate.exc_info, ``value``) written out (the
    ``handled`` count kept; the old exception released by the store, as
    there): a host call fewer per exception handler an unwinding pops.  (The
    count written as an assignment, as the epilogue's depth: no COPY and
    SWAPs of ``+=``, 2 host bytecodes fewer.)"""
    return ["ei_ = tstate.exc_info",
            "if ei_.exc_value is None:",
            "    if %s is not None: handled_[0] = handled_[0] + 1" % value,
            "elif %s is None: handled_[0] = handled_[0] - 1" % value,
            "ei_.exc_value = %s; ei_ = None" % value]


def unwind_lines(search, nslots, top=None, tb=None):
    """The static unwinding of a frame-based function (lines after which the
    handler runs or the function leaves): ceval._unwind's work for one frame
    whose block stack is known at translation (``_search``), on the slots
    below ``top`` (all ``nslots`` when not given: slot_tops); the traceback
    entry is already made (t2_raised, or a re-raise's bookkeeping: reraise_here).
    ``tb``: a host local holding the exception's traceback, read already
    (the except clause's ``tb_``), which the handler saves for RERAISE's
    restore instead of reading it again (the getset's ``__get__``, called
    through tp_call: ~580 host instructions), then cleared, as it is where
    the function leaves (the host frame the traceback keeps would hold it);
    None: read here."""
    pops, handler, keep = search
    # (where a handler is entered, the blocks above ``keep`` are replaced by
    # its EXCEPT_HANDLER in one slice assignment below, not deleted here and
    # appended to there: ~5 host bytecodes per handler entered; nothing
    # between reads the block stack)
    out = ["del f.f_blockstack[%d:]" % keep] if handler is None else []
    top = nslots if top is None else top
    for level in pops:
        # (unwind_except_handler: the values above the saved exception die,
        # the exception handled before is the handled one again)
        out += _slots_none(level + 3, top)
        out += _set_exc_value_lines("s%d" % (level + 1))
        out += _slots_none(level, level + 3)
        top = level
    if handler is None:
        out += _slots_none(0, top)
        out.append("%sf.f_state = RAISED_; break" % ("%s = None; " % tb if tb else ""))
        return out
    target, level = handler
    out += _slots_none(level, top)
    s = ["s%d" % (level + k) for k in range(6)]
    out += [
        "f.f_blockstack[%d:] = ((EXCEPT_HANDLER, f._lasti, %d),)" % (keep, level),
        "ei_ = tstate.exc_info; %s = ei_.exc_value" % s[1],
        "if %s is None: handled_[0] = handled_[0] + 1" % s[1],
        "else: %s = exc_traceback_(%s); %s = type(%s)" % (s[0], s[1], s[2], s[1]),
        "ei_.exc_value = exc; ei_ = None",
        ("%s = %s; %s = None; %s = exc; %s = type(exc)" % (s[3], tb, tb, s[4], s[5]) if tb
         else "%s = exc_traceback_(exc); %s = exc; %s = type(exc)" % (s[3], s[4], s[5])),
        "f._lasti = %d; blk = %d; exc = None; continue" % (target - 1, target),
    ]
    return out


# -- the translator -------------------------------------------------------------------

# how a declared re-raise's template raises (bytecodes.py: RERAISE, a bare
# ``raise``): frame-based code unwinds in place instead (reraise_here)
_RERAISE = "raise reraise("


class _Function(_si.Group):
    """A whole code object: superinstr._Group's virtual stack and opcode
    templates, with the stack slots ``s0..`` as the canonical form at block
    boundaries and jumps as ``blk = target; continue``."""

    lean = False
    host_locals = False     # (guest locals as host locals l0..: tier2gen._HostLocals)
    blocks_at = None        # the block stack before each instruction (static_blocks)
    structured = False      # host if/while instead of the dispatch (t2struct)
    entry = 0               # where a structured function starts (a loop header: OSR)
    lines_p = None          # the param naming its host code's line table (t2_raised)
    offsets_p = None        # the param naming its host code's offset table (fill_offsets)
    own = ()        # opcodes the subclass translates itself (own_op)

    @staticmethod
    def entries(raw):
        """Where a block starts besides the jump targets (a subclass's entries)."""
        return ()

    def __init__(self, bound, nslots):
        super().__init__(0, bound)
        self.nslots = nslots
        self.indent0 = 0            # indentation of the current block's body
        # (first instruction, temporaries made before it) of each block of
        # the dispatch shape, and (instruction, temporaries made up to its
        # end) of each instruction translated: block_temps
        self.block_starts = []
        self.inst_temps = []

    # LOAD_FAST pushes ``fast[i]`` itself, read where the value is consumed
    # (no temporary stored, read back and released: 4 host bytecodes), as the
    # lean form pushes ``lN``; only this function's own STORE_FAST and
    # DELETE_FAST change ``fast`` while its body runs (a tracer's f_locals
    # reach it in the traced loop, after a hand-over that writes the virtual
    # stack out first), and spill_local copies the pending reads before
    # those.  (tier2gen's frame-based generator bodies keep the copy.)
    reads_in_place = True

    def builtins(self):
        # (the frame-based shape binds them to a host local, its dicts exact)
        return "builtins_" if self.exact_dicts else "f.f_builtins"

    def read_in_place(self, index):
        return self.fast(index) if self.reads_in_place else None

    def spill_local(self, index):
        """Before local ``index`` is stored or deleted, virtual-stack entries
        that read it in place are copied into temporaries."""
        if not self.reads_in_place:
            return
        name = self.fast(index)
        for k, x in enumerate(self.vs):
            if x == name:
                t = self.temp()
                self.emit("%s = %s" % (t, name))
                for m in range(k, len(self.vs)):
                    if self.vs[m] == name:
                        self.vs[m] = t

    def emit(self, text, indent=0):
        if text.startswith(_RERAISE) and not self.lean:
            self.reraise_here(text[len(_RERAISE):-1].rpartition(", "), indent)
            return
        super().emit(text, indent + self.indent0)

    def reraise_here(self, parts, indent):
        """A re-raise (RERAISE, bare ``raise``: bytecodes.py's ``raise
        reraise(value, lasti)``) in frame-based code (lean code has no
        handler to enter): ceval._unwind of this frame is called right here
        (``unwind_here``), with what the except clause would have done after
        the host raise of a Reraise and ``catch`` (the position, no traceback
        entry), then the handler is entered or the exception leaves, as from
        the except clause.  Before, each was a host raise, a Reraise made and
        caught, and catch reading the host line back (one per ``finally`` or
        unmatched ``except`` an exception passes)."""
        value, _, lasti = parts
        if lasti == "None":
            lasti = str(self.step)          # (this instruction)
        slots = ", ".join("s%d" % k for k in range(self.nslots))
        # (the block's temporaries made so far, the last first: block_temps)
        drop = ["t%d" % k for k in range(self.ntemps, self.block_starts[-1][1], -1)
                ] if self.block_starts else [_temps(self, True)] if self.ntemps else []
        blocks = self.blocks_at[self.step] if self.blocks_at is not None else None
        if blocks is not None:
            # the handler known here: the static unwinding (unwind_lines),
            # after reraised_here's bookkeeping written out (no host call: the
            # position, the re-raise's traceback bookkeeping, no new entry;
            # nothing to re-raise raised as reraised_here raises it)
            self.emit("exc = %s; f._lasti = %s" % (value, lasti), indent)
            self.emit("if exc is None: raise Reraise_(None, f._lasti)", indent)
            if not LAZY_ENTRIES:
                self.emit("tracebacks_.add_entry(tstate, exc, f, False)", indent)
            if drop:
                self.emit(nones(" = ".join(drop).split(" = ")), indent)
            for text in unwind_lines(_search(blocks), self.nslots, self.tops[self.step]):
                self.emit(text, indent)
            return
        self.emit("blk, exc = unwind_here(tstate, f, %s, %s, (%s,))" % (value, lasti, slots),
                  indent)
        if drop:
            self.emit("%s = None" % " = ".join(drop), indent)
        self.emit("if blk < 0: %s = None; break" % " = ".join(
            "s%d" % k for k in range(self.nslots)), indent)
        self.emit("%s, = stack + [None] * (%d - len(stack)); del stack[:]" % (
            slots, self.nslots), indent)
        self.emit("exc = None; continue", indent)

    def slots_text(self, vs):
        """Assign the virtual stack ``vs`` to the canonical slots (or None)."""
        dst, src = [], []
        for k, x in enumerate(vs):
            if x != "s%d" % k:
                dst.append("s%d" % k)
                src.append(x)
        if not dst:
            return None
        if len(dst) == 1:
            return "%s = %s" % (dst[0], src[0])
        return "%s = %s" % (", ".join(dst), ", ".join(src))

    def tstate(self):
        return "tstate"

    def before_raise(self):
        # (what an exception unwinds to sits in the slots: catch passes them
        # to the frame; a lean function has no handler to unwind to)
        if not self.lean:
            self.canonical()

    def push_block(self, target, below):
        """PUSH_BLOCK (bytecodes.py): the virtual stack and ``below`` made
        canonical (catch passes the slots under the block's level), the
        block's level a constant (3.10's depth is static); returns the
        slots now holding ``below``."""
        self.vs.extend(below)
        self.canonical()
        self.emit("%s.f_blockstack.append(%s)" % (self.frame(), self.param(
            (_FINALLY_BLOCK, target, len(self.vs)))))
        return self.vs[len(self.vs) - len(below):]

    def canonical(self, indent=0):
        text = self.slots_text(self.vs)
        if text is not None:
            self.emit(text, indent)
        moved = [x for x in self.vs if x[0] == "t"]
        self.vs = ["s%d" % k for k in range(len(self.vs))]
        self.release(*moved, indent=indent)

    def write_slots(self, indent=0):
        """The virtual stack written to the canonical slots (it stays as it is)."""
        text = self.slots_text(self.vs)
        if text is not None:
            self.emit(text, indent)
        # (a temporary whose value now sits in a slot is dropped: it would
        # keep the value alive after the slot's consumer popped it)
        keep, self.vs = self.vs, ["s%d" % k for k in range(len(self.vs))]
        self.release(*[x for x in keep if x[0] == "t"], indent=indent)
        self.vs = keep

    tree = None     # a structured translation's state (t2struct.Tree)
    # {slot: host local} of the ``for`` loops being written whose iterator's
    # kind (a guest generator or not) was tested as the loop began (t2struct)
    gen_flags = {}

    def leave_loop(self, blk):
        """The text leaving the body for the function's tail with ``blk`` (-1:
        a tracer attached during a call, -2: tier 1 goes on): the dispatch
        loop's ``break`` (tier2gen's structured bodies have their own)."""
        return "blk = %d; break" % blk

    def exit(self, target, indent=0):
        if self.tree is not None:
            self.tree.jump(target, indent)
            return
        self.write_slots(indent)
        self.emit("blk = %d; continue" % target, indent)

    # a consuming instruction releases the slots and temporaries it popped
    # (superinstr._Group.release releases temporaries only: a fused group's
    # locals die when it returns, a tier-2 function's slots live on)
    releases_at_jumps = True
    # an instruction ran by its ordinary handler on f.f_valuestack (_any):
    # one that raised leaves what it had not popped there
    runs_ops = False
    # an ordinary handler ran on the frame (generic): it may read the frame's
    # block stack (_virtual_blocks)
    runs_generic = False
    # the block stack kept in host locals, f.f_blockstack written only where
    # other code reads it (_virtual_blocks)
    virtual_blocks = False

    def release(self, *exprs, indent=0):
        """Drop the host locals holding values just consumed (CPython decrefs
        a popped stack value at once: a finalizer or weakref callback runs
        there, not when a slot or temporary is next assigned)."""
        dead = []
        for x in exprs:
            if (x[0] in "ts" and x[1:].isdigit() and x not in self.vs
                    and x not in dead):
                dead.append(x)
        if dead:
            self.emit(drop_text(self, dead), indent)

    def release_pushed(self, pushed, depth, indent=0):
        """After a handler ran on f.f_valuestack (``pushed`` written there,
        ``depth`` values read back into s0..): the temporaries pushed and the
        slots above ``depth`` no longer hold stack values."""
        keep, self.vs = self.vs, []
        self.release(*[x for x in pushed if x[0] == "t" or (
            x[0] == "s" and x[1:].isdigit() and int(x[1:]) >= depth)], indent=indent)
        self.vs = keep

    def pop(self):
        if not self.vs:
            raise AssertionError("tier 2: pop below the block's stack")
        return self.vs.pop()

    def peek(self, n=1):
        return self.vs[-n]

    def to_stack(self, indent=0):
        """Write the whole virtual stack to f.f_valuestack (empty in tier 2)."""
        if self.vs:
            self.emit("stack += (%s,)" % ", ".join(self.vs), indent)

    def from_stack(self, depth, indent=0):
        """The slots from f.f_valuestack (``depth`` values), which is emptied."""
        if depth:
            self.emit("%s, = stack; del stack[:]" % ", ".join("s%d" % k for k in range(depth)),
                      indent)
        self.vs = ["s%d" % k for k in range(depth)]

    def generic(self, handler, arg):
        """Run an ordinary handler that only falls through, on the real stack."""
        n = len(self.vs)
        op, raw_arg = self.raw[self.step]
        after = n + _K.stack_effect(op, raw_arg if op >= _K.HAVE_ARGUMENT else 0, False)
        pushed = list(self.vs)
        self.to_stack()
        self.runs_generic = True
        self.emit("%s(f, stack, %s)" % (self.param(handler), self.param(arg)))
        self.from_stack(after)
        self.release_pushed(pushed, after)

    def emit_gen_step(self, t, it, level, plain=None):
        """The resumption of ``it``, a generator in tier 2, by a FOR_ITER:
        inline (the body's frame ``f`` is the thread's current frame, the
        resumer; no host call of gen_next per item: generators.py's
        ``for v in source(n // 4): acc.send(v)``), as in generator bodies.
        ``plain``: the host local telling that its code is plain_gen, or None."""
        _tier2gen.emit_inline_step(self, t, it, level, plain)


class _NotLean(Exception):
    """The code needs a Frame (block stack, cells, an opcode run by its handler
    on the frame's own stack...): no lean entry, the frame-based one only."""


# a standalone name ``f`` (the frame) in emitted text: a lean function has none
_F_WORD = re.compile(r"(?<![.\w'])f\b")      # (not the literal name 'f': _Lean.param)


class _Lean(_Function):
    """A whole code object as a lean function: guest locals are host locals
    ``l0 ..`` (arguments are the host parameters), no Frame unless observed
    (t2frames), no block stack (code with handlers is not lean).  The shared
    templates (bytecodes.translate) ask it how to write the frame's parts."""

    def emit_gen_step(self, t, it, level, plain=None):
        # (a lean body's current frame is LEAN, not a Frame the resumed
        # generator's f_back could be: gen_next finds it)
        _emit_gen_step(self, t, it, level)

    lean = True

    def __init__(self, bound, nslots):
        super().__init__(bound, nslots)
        self.literals = {}      # literal text -> the constant (param)
        self.stacked = set()    # the temporaries pushed as values (drop_text)

    def push(self, expr):
        if expr[0] == "t" and expr[1:].isdigit():
            self.stacked.add(expr)
        self.vs.append(expr)

    def emit(self, text, indent=0):
        if "f" in text and _F_WORD.search(text):
            # (every template names the frame through ``frame()``: this would
            # be a NameError at run time)
            raise _NotLean("the frame named directly: %s" % text)
        super().emit(text, indent)

    def fast(self, index):
        return "l%d" % index

    def frame(self):
        # materialised on demand: only slow and error paths name the frame
        return "mat(fr)"

    def builtins(self):
        return "builtins_"          # (bound once per function, as globals_)

    exact_dicts = True              # (lean_for binds exact dicts only)

    def read_in_place(self, index):
        # LOAD_FAST pushes ``lN`` itself: spill_local copies it before it changes
        return "l%d" % index

    def generic(self, handler, arg):
        raise _NotLean("generic")

    def param(self, value):
        # a constant the host compiler makes identical from its literal (None,
        # True, False, the small ints it shares, an identifier-like string it
        # interns, when the guest's is that interned string) is written as
        # the literal: a LOAD_CONST, where a closure value is a LOAD_DEREF and
        # a free variable the host copies into every call's frame (fib: 3,128
        # -> ... host instructions per call)
        lit = _literal(value)
        if lit is None:
            return super().param(value)
        self.literals[lit] = value
        return lit

    def const(self, expr):
        if expr in self.literals:
            return self.literals[expr]
        return super().const(expr)

    def is_const(self, expr, kind):
        if expr in self.literals:
            return type(self.literals[expr]) is kind
        return super().is_const(expr, kind)


class _LeanNoLiterals(_Lean):
    """_Lean with every constant a closure value (_lean_make)."""

    def param(self, value):
        return _Function.param(self, value)


# a literal of _Lean.param the host compiler warns about (SyntaxWarning): an
# operand of ``is``, called, subscripted
_LITERAL = r"(?:\(-?\d+\)|'\w*')"
# A COMPARE_OP and its jump as one host ``if a < b:`` (t2peep._bool_jumps),
# on hosts whose compiler gives that a COMPARE_OP and a POP_JUMP_* doing the
# truth test (3.11, 3.12; 3.13's COMPARE_OP converts to bool itself, so the
# result's __bool__ would run at the compare's host instruction, not the
# jump's, and 3.10 is not mapped by instruction offset here)
_FUSE_COMPARE = sys.version_info[:2] in ((3, 11), (3, 12))
_JUMP_MARK = re.compile(r"%s(\d+)" % re.escape(_t2peep.JUMP_MARK))


def _fused_jumps(src):
    """{host line: the step of the jump} of the fused compare-and-jump lines
    of lean source ``src`` (t2frames.index_at maps their jump instruction)."""
    if not _FUSE_COMPARE or _t2peep.JUMP_MARK not in src:
        return None
    jumps = {}
    for k, text in enumerate(src.splitlines(), 1):
        if _t2peep.JUMP_MARK in text:
            m = _JUMP_MARK.search(text)
            if m is not None:
                jumps[k] = int(m.group(1))
    return jumps or None


_IS_LITERAL = re.compile(r"\bis (?:not )?%s|%s(?: is\b|\s*[(\[])" % (_LITERAL, _LITERAL))
_IDENT_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _literal(value):
    """The host literal of ``value`` if compiling it gives this very object, else None."""
    t = type(value)
    if value is None or t is bool:
        return repr(value)
    if t is int:
        return "(%d)" % value if -5 <= value <= 256 else None
    if (t is str and value and _IDENT_CHARS.issuperset(value)
            and sys.intern(value) is value):
        return repr(value)
    return None


# the declared opcodes that call out (bytecodes.CALLS): a lean function runs
# their handler on a list holding its virtual stack, and a guest callee's
# frame to completion (the other declared opcodes take their derived template)
_LEAN_GENERIC = _bytecodes.CALLS


def _emit_gen_step(g, t, it, level):
    """The next value ``t`` a FOR_ITER takes from ``it``, a generator in tier 2, resumed by
    tier2gen._step (gen_send_ex inline), NULL when it returned; next() when
    tier 1 must resume it (FALLBACK)."""
    g.emit("%s = gen_step(%s.gi_frame, tstate, %s)" % (t, it, it), level)


def _lean_op(g, code, name, op, arg, darg, j, handler, depth):
    """An instruction of a lean function; NotImplemented: the shared template."""
    form = _FORMS.get(name)
    if form == "return":
        v = g.pop()
        # (the locals, the cells and the free cells, as f_localsplus holds them)
        g.emit("if fr[0] is not None: settle(fr, %d, (%s))"
               % (j, "".join("l%d, " % i for i in range(code._decoded.nlocalsplus))))
        g.emit("return %s" % v)
        return False
    if form == "next":
        it = g.peek()
        t = g.temp()
        # a guest generator in tier 2 runs as a host generator
        # (tier2gen._step); one made in tier 1 continues there if it can
        # (tier2gen.adopt: string_format's loop got hot before its generator);
        # one whose code never will enter tier 2 and that tier 1 would resume
        # inline: the frame continues in tier 1, which does; any other (a
        # running or finished one): next(), as the frame-based tier 2 (a frame
        # left for tier 1 here would not come back to this loop)
        g.emit("if %s:" % g.gen_flags[it] if it in g.gen_flags
               else "if type(%s) is Generator:" % it)
        g.emit("if %s._hg is not None or gen_adopt(%s):" % (it, it), 1)
        _emit_gen_step(g, t, it, 2)
        g.emit("elif stays_tier1(tstate, %s): return deopt(tstate, fr, %d, (%s,), False)"
               % (it, j - 1, ", ".join(g.vs)), 1)
        g.emit("else: %s = next(%s, NULL)" % (t, it), 1)
        g.emit("else: %s = next(%s, NULL)" % (t, it))
        g.emit("if %s is NULL:" % t)
        keep = list(g.vs)
        g.vs.pop()
        if it[0] == "s":
            g.emit("%s = None" % it, 1)
        g.exit(darg, 1)
        g.vs = keep
        g.push(t)
        return True
    if form == "call_kw":
        _lean_after_call(g, _emit_call_kw(g, arg), j)
        return True
    if form in ("call", "call_method"):
        r = _pure_call(g, name, arg)
        fn = _emit_call(g, name, arg, r, j)
        _lean_after_call(g, fn, j)
        if r is not None:
            g.indent0 -= 1
        return True
    if name in _LEAN_GENERIC:
        n = len(g.vs)
        after = n + _K.stack_effect(op, arg if op >= _K.HAVE_ARGUMENT else 0, False)
        temps = [x for x in g.vs if x[0] == "t"]
        g.emit("st = [%s]" % ", ".join(g.vs))
        if temps:
            g.emit("%s = None" % " = ".join(dict.fromkeys(temps)))
        g.emit("run_generic(%s, mat(fr), st, %s)" % (g.param(handler), g.param(darg)))
        g.vs = ["s%d" % k for k in range(after)]
        if after:
            g.emit("%s, = st" % ", ".join(g.vs))
        g.emit("st = None")
        return True
    return NotImplemented


def _lean_after_call(g, result, j):
    g.push(result)
    # deoptimise when a tracer attached during the call (docs/vm.md)
    g.emit("if tstate.tracer is not None: return deopt(tstate, fr, %d, (%s,), True)"
           % (j, ", ".join(g.vs)))


# A block's test in the dispatch, ``if blk <= K:`` written as its else: the
# host's COMPARE_OP is specialized (3.11: COMPARE_OP_INT_JUMP, the jump taken
# inside it) only when a POP_JUMP follows it directly, and a jump over a
# block of more than 255 code units has an EXTENDED_ARG first; here the
# POP_JUMP goes over the JUMP_FORWARD alone, a short jump, and the long one
# is that JUMP_FORWARD's.  ``if blk <= K:`` was a generic compare
# (PyObject_RichCompare, a bool, then its POP_JUMP) at every block of any
# length: ~23 a record of exceptions.py.
_DISPATCH_TEST = "if blk > %d: pass"


def translate(code, d, cls=None, tree=False, entry=0):
    """The source of ``code``'s tier-2 function, its params and line table, or None.
    ``tree``: in host if/while form (t2struct; Unstructured if it does not fit),
    entered at instruction ``entry`` (a loop header: on-stack replacement)."""
    raw, basic = d.raw, d.basic
    depth = stack_depths(raw, basic, getattr(cls, "depth0", 0))
    n = len(raw)
    names = _K.opname
    targets = _si.jump_targets(raw)
    targets.add(0)
    targets.update((cls or _Function).entries(raw))
    bound0 = _si.always_bound(code, raw)
    nslots = max(code.co_stacksize, 1)
    bound_at = bound_locals(code, raw, basic, depth, bound0)
    g = (cls or _Function)(bound0, nslots)
    g.raw = raw
    g.code = code
    if cls is None and not tree:
        # (its frame's globals and builtins are exact dicts: the prologue
        # hands a frame whose dicts are not to tier 1 from the start
        # (_source), as tier2gen's generators do; so each LOAD_GLOBAL has the
        # exact form only, where both forms, under ``if exact:`` and
        # ``else:``, put ~250 bytes of host bytecode between a site's hot
        # lines)
        g.exact_dicts = True
        # (a frame-based function: its handlers found at translation)
        g.blocks_at = static_blocks(raw, basic, depth)
        if g.blocks_at is not None:
            g.tops = slot_tops(raw, basic, depth, nslots)
            _unwind_table(g)
    blocks = sorted(t for t in targets if t < n and depth[t] is not None)
    comments = {}
    if tree:
        loops, edges, pre = _t2struct.loops_of(raw, basic, depth, _successors)
        g.tree = _t2struct.Tree(g, code, d, depth, bound_at, comments, _block, blocks,
                                loops, edges, pre)
        g.tree.osr = entry != 0
        g.tree.canonical_state(entry)
        g.tree.run(entry)
        g.tree = None
        g.entry = entry
        g.nblocks = len(blocks)
        g.structured = True
        g.loops = bool(loops)
        return g, nslots, comments
    # the chunks of the block dispatch: (last block start of the chunk, [starts])
    # (the last chunk's test, and the last block's test in each chunk, are
    # left out: always true where reached, ``blk`` being a block start no
    # greater than what the tests before it let through: 4 host bytecodes
    # per entry into the dispatch, a function's start, a handler's, a jump)
    chunks = [blocks[k:k + _CHUNK] for k in range(0, len(blocks), _CHUNK)]
    i = 0
    most = 0
    for ci, chunk in enumerate(chunks):
        inner = 0
        if ci + 1 < len(chunks):
            g.indent0 = 0
            g.step = chunk[0]
            g.emit(_DISPATCH_TEST % chunk[-1])
            g.emit("else:")
            g.indent0 = 1
            g.emit("pass")
            inner = 1
        for bi, start in enumerate(chunk):
            end = chunk[bi + 1] if bi + 1 < len(chunk) else (
                blocks[blocks.index(start) + 1] if blocks.index(start) + 1 < len(blocks) else n)
            g.indent0 = inner
            g.step = start
            if bi + 1 < len(chunk):
                g.emit(_DISPATCH_TEST % start)
                g.emit("else:")
                g.indent0 = inner + 1
                g.emit("pass")
            g.vs = ["s%d" % k for k in range(depth[start])]
            g.bound = set(bound_at[start] or ())
            if cls is None:
                # (a frame-based function's blocks reuse the temporaries'
                # names: every block starts with its stack in the slots, so
                # none holds a value a later block reads (block_temps).  A
                # host local fewer per temporary: smaller host frames (the
                # frame object an exception's traceback takes copies them
                # all) and shorter clearing lines; main of exceptions.py
                # had 94 host locals)
                most = max(most, g.ntemps)
                g.ntemps = 0
            g.block_starts.append((start, g.ntemps))
            open_end = _block(g, code, d, depth, start, end, comments)
            if open_end:
                g.step = end - 1
                g.canonical()
                if end >= n:
                    g.emit("raise SystemError('tier 2: fell off the code')")
    g.nblocks = len(blocks)
    if cls is None:
        # (what every temporary means from here on: all of them)
        g.ntemps = max(most, g.ntemps)
    return g, nslots, comments


def _block(g, code, d, depth, start, end, comments):
    """Translate instructions start..end-1; True if the block falls through."""
    raw, basic = d.raw, d.basic
    names = _K.opname
    j = start
    while j < end:
        if depth[j] is None:
            j += 1
            continue
        op, arg = raw[j]
        name = names[op]
        handler, darg = basic[j]
        g.step = j
        comments[j] = _describe(code, j, name, arg, darg)
        if op == _K.LOAD_ATTR and darg == "__traceback__":
            # (an exception's raw tier-2 entries made when they can be seen:
            # runtime/tracebacks.py; decided here, nothing per other read)
            owner = g.pop()
            r = g.temp()
            g.emit("%s = load_traceback_(%s)" % (r, owner))
            g.release(owner)
            g.push(r)
            more = True
        elif op in _ATTR_SITES and (more := _t2attr.emit(g, op, darg)) is not NotImplemented:
            pass    # (a property or operator site that may call guest code directly)
        elif name in g.own:
            more = g.own_op(name, arg, darg, j)     # (a generator's: tier2gen.py)
        elif g.lean:
            more = _lean_op(g, code, name, op, arg, darg, j, handler, depth)
            if more is NotImplemented:
                if name not in _si.FUSABLE and name not in _LEAN_TEMPLATED:
                    raise _NotLean(name)
                # (False after an unconditional jump: bytecodes.translate's "end")
                more = _si.translate(g, name, arg, darg, j, handler, arg)
        elif name in _OWN:
            more = _own(g, name, arg, darg, j, depth)
        elif name in _si.FUSABLE or name in _TEMPLATED:
            more = _si.translate(g, name, arg, darg, j, handler, arg)
        else:
            more = _any(g, name, op, arg, darg, j, handler, depth)
        if op == _K.DELETE_FAST and not g.lean and LAZY_ENTRIES:
            # (an ``except ... as`` name's end, or ``del``: a stand-in made
            # while the frame ran, when a traceback through it was seen,
            # shows it gone, as CPython's tb_frame, the frame itself, does;
            # its cells no longer keep the exception, tracebacks.refresh)
            g.emit("if standins_[0]: tracebacks_.refresh(f)")
        g.inst_temps.append((j, g.ntemps))
        j += 1
        if not more:
            return False
    return True


# the instructions t2attr.py may write an armed form of
_ATTR_SITES = frozenset((_K.LOAD_ATTR, _K.STORE_ATTR, _K.LOAD_METHOD)) | frozenset(_t2attr.BINARY)


def _describe(code, j, name, arg, darg):
    shown = darg if isinstance(darg, (str, int, float)) else (
        type(darg).__name__ if darg is not None and not isinstance(darg, tuple) else arg)
    text = repr(shown)
    if len(text) > 40:
        text = text[:37] + "..."
    return "%d %s %s" % (2 * j, name, text.replace("\n", " "))


def _own(g, name, arg, darg, j, depth):
    form = _FORMS[name]
    if form == "return":
        v = g.pop()
        g.emit("f._lasti = %d; f.f_state = RETURNED" % j)
        # (a stand-in made while it ran, when its traceback entry was seen:
        # its final locals, tracebacks.returned)
        if LAZY_ENTRIES:
            g.emit("if standins_[0]: tracebacks_.refresh(f)")
        g.emit("return %s" % v)
        return False
    if form == "next":
        it = g.peek()
        t = g.temp()
        # (a guest generator is resumed through next(), its frame run by
        # run_frame: leaving for tier 1 at each item, to resume it inline,
        # cost more than it saved, and the loop came back to tier 2 at its
        # header every time: string_format ran slower in tier 2 than in tier 1)
        # (one in tier 2 runs as a host generator: tier2gen._step; one made
        # in tier 1 continues there if it can: tier2gen.adopt)
        # (a loop's iterator kind tested once as it began: t2struct's gen_flags)
        flag = g.gen_flags.get(it)
        g.emit("if %s and (%s._hg is not None or gen_adopt(%s)):"
               % (flag or "type(%s) is Generator" % it, it, it))
        # (the loop's plain_gen flag, t2struct.loop's ``xK``)
        g.emit_gen_step(t, it, 1, "x" + flag[1:] if flag else None)
        g.emit("else: %s = next(%s, NULL)" % (t, it))
        g.emit("if %s is NULL:" % t)
        keep = list(g.vs)
        g.vs.pop()
        if it[0] == "s":
            g.emit("%s = None" % it, 1)      # (the exhausted iterator is released)
        g.exit(darg, 1)
        g.vs = keep
        g.push(t)
        return True
    # the calls
    if form == "call_kw":
        g.emit("f._lasti = %d" % j)
        _after_call(g, _emit_call_kw(g, arg), j)
        return True
    r = _pure_call(g, name, arg)
    # (``gen.send(v)`` of an exact generator: tier2gen.fused_send)
    sent = None if r is not None else _tier2gen.fused_send(g, name, arg, j)
    if sent is None:
        g.emit("f._lasti = %d" % j)
    fn = _emit_call(g, name, arg, r or sent, j)
    if sent is not None:
        g.indent0 -= 1
    _after_call(g, fn, j)
    if r is not None:
        g.indent0 -= 1
    return True


def _emit_call_kw(g, arg):
    """CALL_FUNCTION_KW: a guest function (or a bound method of one) with an
    entry for the call's shape (t2entry.py, made by call_kw at the first such
    call) is one host call, anything else goes through call_kw.  Returns the
    expression of the result (not yet pushed)."""
    kwnames = g.pop()
    argv = [g.pop() for _ in range(arg)][::-1]
    func = g.pop()
    fn = g.temp()
    ln = None
    if kwnames[0] == "p" and g.is_const(kwnames, tuple):
        names = g.const(kwnames)
        ln = g.temp()
        g.emit("if type(%s) is Function and (%s := %s._kwcalls) is not None and "
               "(%s := %s.get(%s)) is not None: %s = %s(tstate, %s%s)"
               % (func, ln, func, ln, ln, g.param(entry_key(len(argv), names)), fn, ln,
                  ", ".join(argv), _moved(g, argv)))
        g.emit("elif type(%s) is MethodType and type(%s := %s.__func__) is Function and "
               "(%s := %s._kwcalls) is not None and (%s := %s.get(%s)) is not None: "
               "%s = %s(tstate, %s.__self__, %s%s)"
               % (func, ln, func, ln, ln, ln, ln, g.param(entry_key(len(argv) + 1, names)),
                  fn, ln, func, ", ".join(argv), _moved(g, argv)))
        g.emit("else: %s = call_kw(tstate, %s, [%s], %s%s)"
               % (fn, func, ", ".join(argv), kwnames, _moved(g, argv)))
    else:
        g.emit("%s = call_kw(tstate, %s, [%s], %s%s)"
               % (fn, func, ", ".join(argv), kwnames, _moved(g, argv)))
    g.release(func, kwnames, *([ln] if ln else []))     # (the arguments were moved: _moved)
    return fn


# Builtin calls that run no guest code (_pure_call): a method of an exact
# builtin type {(name, number of arguments): (the types, may raise)}; an
# argument of list.pop must be a constant int (any other runs ``__index__``).
# A pure call that may raise is made only outside a guest except clause
# (``handled_``: plain_handled shows the host the exception handled).
_PURE_METHODS = {("append", 1): ((list,), False), ("pop", 0): ((list,), True),
                 ("pop", 1): ((list,), True)}
# ... and ``len`` of an exact builtin container or string (range is not one:
# ``len(range(10**20))`` raises OverflowError)
_PURE_LEN = (list, tuple, str, dict, set, frozenset, bytes, bytearray)
_PURE_LEN_SET = frozenset(_PURE_LEN)
# (the namespace's names of those types: _namespace)
_PURE_NAMES = {list: "list_"}


def _pure_call(g, name, arg):
    """CALL_FUNCTION / CALL_METHOD of a builtin that runs no guest code on an
    operand of an exact builtin type (``window.append(v)``, ``len(window)``,
    ``window.pop(0)``; _PURE_METHODS, _PURE_LEN): that call itself under a test
    of the operand's type (and of the builtin read, for ``len``), without
    the general site's tests, ``f._lasti`` (nothing can observe the frame
    during it) and the tracer test after it (nothing can attach one).  Only
    where nothing is dropped after the call that could run a finalizer (the
    arguments of ``append``, which the list keeps, aside).  Writes the test
    and the call and opens the ``else:`` the general site is written under
    (the caller closes it); returns the result's temporary, or None where the
    call is not such a call."""
    if arg > 1 or len(g.vs) < arg + 2:
        return None
    argv = g.vs[len(g.vs) - arg:]
    if _FORMS[name] == "call_method":
        meth, self_ = g.vs[-arg - 2], g.vs[-arg - 1]
        if meth != "NULL":
            return None
        owner, mname, start, end = g.__dict__.get("method_reads", {}).get(
            self_, ("", "", 0, -1))
        pure = _PURE_METHODS.get((mname, arg))
        if (pure is None or end != len(g.body) or end - start != 1 or self_ in g.vs[:-arg - 1]
                or owner in argv or not (owner[:1] in "lsp" and owner[1:].isdigit())):
            return None
        types, raises = pure
        if mname == "pop":
            if arg and not g.is_const(argv[0], int):
                return None
        elif _passed(g, argv) and mname != "append":
            return None
        # (the types by a global name of the namespace: a closure value would
        # be one free variable more, copied into every call's host frame)
        guard = "type(%s) is %s" % (owner, _PURE_NAMES[types[0]])
        call = "%s.%s(%s)" % (owner, mname, ", ".join(argv))
        # (the bound method's read goes under the else: the pure call makes none)
        read = g.body[start:end]
        del g.body[start:end]
        del g.method_reads[self_]
    else:
        func = g.vs[-arg - 1]
        # (frame-based code only: lean code stores no f._lasti, and there the
        # type test cost what the handled and tracer tests did, call_heavy's
        # ``len(args)`` 3.18x -> 3.20x)
        if arg != 1 or g.lean or _builtin_read(g, func) is not len or _passed(g, argv):
            return None
        raises = False
        guard = "%s is %s and type(%s) in pure_len_" % (func, g.param(len), argv[0])
        call = "%s(%s)" % (func, argv[0])
        read = ()
    if raises:
        guard += " and not handled_[0]"
    r = g.temp()
    # (no ``f._lasti``: an observer run later by the result's finalizer, at
    # the POP_TOP, reads the frame's line live from this host frame,
    # ceval.live_lasti)
    g.emit("if %s: %s = %s" % (guard, r, call))
    g.emit("else:")
    g.indent0 += 1
    for indent, text, step in read:
        g.body.append((indent + 1, text, step))
    return r


def _emit_call(g, name, arg, r=None, j=None):
    """CALL_FUNCTION / CALL_METHOD: an exact-arity guest function with a lean
    entry (bind_lean) is one host call, anything else goes through call_any.
    Returns the expression of the result (not yet pushed); ``r``: its
    temporary, when _pure_call wrote the pure form first; ``j``: the call's
    instruction index."""
    argv = [g.pop() for _ in range(arg)][::-1]
    r, ln = r or g.temp(), g.temp()
    if _FORMS[name] == "call_method":
        self_ = g.pop()
        meth = g.pop()
        # (LOAD_METHOD left meth NULL or a guest Function; the literal NULL
        # where it is known to: t2attr._bound_method, no test of it then)
        null = "" if meth == "NULL" else "%s is NULL and " % meth
        kw = "if"
        builtin_first = not null and g.__dict__.get("builtin_first", {}).get(self_, False)
        if null:
            both = ", ".join([self_] + argv)
            g.emit("if %s is not NULL and %s: %s = %s(tstate, %s%s)"
                   % (meth, lean_guard(meth, len(argv) + 1, ln), r, ln, both,
                      _moved(g, [self_] + argv)))
            kw = "elif"
        # a bound method of a guest function: what LOAD_METHOD leaves for a
        # guest method of an instance (t2attr._bound_method) or ``super().m``
        bound = ("%stype(%s) is MethodType and type(%s := %s.__func__) is "
                 "Function and %s: %s = %s(tstate, %s.__self__%s%s)"
                 % (null, self_, ln, self_, lean_guard(ln, len(argv) + 1, ln), r, ln, self_,
                    "".join(", " + a for a in argv), _moved(g, argv)))
        # meth NULL: self_ is the callable: a method of a builtin container
        # (list.append...) or a plain builtin read from its module
        # (math.sqrt), called as call_host would; a guest function (a static
        # method, a module's function) called as CALL_FUNCTION calls it
        # (inside a guest except block too: plain_handled, call_host's case then)
        plain = ("%s = %s(%s) if not handled_[0] else plain_handled(tstate, %s, (%s))%s"
                 % (r, self_, ", ".join(argv), self_, "".join(a + ", " for a in argv),
                    _dropped(g, argv)))
        builtin = ("%stype(%s) is BuiltinFunctionType and (type(%s.__self__) in "
                   "plain_selfs or %s in plain_): %s" % (null, self_, self_, self_, plain))
        # (the first of the two: the builtin where LOAD_METHOD's name is a
        # builtin's (nqueens' append, add), the bound guest method elsewhere
        # (richards, raytrace); the types are exclusive, the order not seen)
        first, second = (builtin, bound) if builtin_first else (bound, builtin)
        fused = _method_read(g, self_) if builtin_first else None
        sends = len(argv) == 1 and "send" in g.code.co_names
        if (sends and not null and not builtin_first
                and g.__dict__.get("method_reads", {}).get(self_, ("", ""))[1] == "send"):
            # (a site reading ``.send``: the generator's test first, and
            # tier2gen.method_send tests the rest: generators.py's
            # ``acc.send(v)`` passed the three tests above, 65 host bytecodes
            # a send, where this one is 12)
            g.emit("if type(%s) is MethodType and %s.__func__ is gen_send_:" % (self_, self_))
            if g.lean:
                g.emit("%s = gen_method_send(tstate, %s, %s)%s"
                       % (r, self_, argv[0], _dropped(g, argv)), 1)
            else:
                # (frame-based: method_send's work written here)
                _tier2gen.emit_inline_send(g, r, self_, argv[0], _dropped(g, argv), 1)
            kw = "elif"
            sends = False
        if fused is not None:
            # the method of a builtin container read and called with nothing
            # between (``d.get(k, 0)``, ``s.add(w)``): where the receiver's
            # type is one whose method of that name is a method descriptor,
            # the host's own method call, no bound method made and tested;
            # else the read on its own line and the tests below
            owner, mname, read, owner_drop = fused
            g.emit("if type(%s) in %s and not handled_[0]: %s = %s.%s(%s)%s%s"
                   % (owner, g.param(_method_owners(mname)), r, owner, mname,
                      ", ".join(argv), _dropped(g, argv),
                      "; " + owner_drop if owner_drop else ""))
            g.emit("else:")
            g.indent0 += 1
            for indent, text, step in read:
                g.body.append((indent + 1, text, step))
        elif builtin_first and (recv := _method_receiver(g, self_)) is not None:
            # code came between (``out.append(f(x))``), but the receiver is
            # a local that code does not name: its type tested at the call,
            # its method called on it, as above (the method read as written
            # at LOAD_METHOD stays, and is dropped after the call)
            g.emit("if type(%s) in %s and not handled_[0]: %s = %s.%s(%s)%s"
                   % (recv[0], g.param(_method_owners(recv[1])), r, recv[0], recv[1],
                      ", ".join(argv), _dropped(g, argv)))
            kw = "elif"
        g.emit("%s %s" % (kw, first))
        g.emit("elif %s" % second)
        g.emit("elif %stype(%s) is Function and %s: %s = %s(tstate%s%s)"
               % (null, self_, lean_guard(self_, len(argv), ln), r, ln,
                  "".join(", " + a for a in argv), _moved(g, argv)))
        if sends:
            # (``gen.send(v)`` of a generator in tier 2: what call_host and
            # Generator.send would reach, tier2gen.gen_send resumed by the
            # VM's code, without them; only in code naming ``send``: a line
            # more at every other site cost richards 1% to translate)
            g.emit("elif %stype(%s) is MethodType and %s.__func__ is gen_send_: "
                   "%s = gen_method_send(tstate, %s, %s)%s"
                   % (null, self_, self_, r, self_, argv[0], _dropped(g, argv)))
        # a builtin exception's __init__ read from its class
        # (``Exception.__init__(self, reason)``: call.plain_callables)
        g.emit("elif %stype(%s) is WrapperDescriptorType_ and %s in plain_: %s"
               % (null, self_, self_, plain))
        if null:
            g.emit("elif %s is NULL: %s = call_any(tstate, %s, [%s]%s)"
                   % (meth, r, self_, ", ".join(argv), _moved(g, argv)))
            g.emit("else: %s = call_any(tstate, %s, [%s]%s)"
                   % (r, meth, both, _moved(g, [self_] + argv)))
        else:
            g.emit("else: %s = call_any(tstate, %s, [%s]%s)"
                   % (r, self_, ", ".join(argv), _moved(g, argv)))
        g.release(meth, self_)      # (the arguments were moved: _moved)
        if fused is not None:
            g.indent0 -= 1
    else:
        func = g.pop()
        known = _builtin_read(g, func)
        # (a class call site, by its version-tag entry: first where the
        # callable was read by the name of a guest class, where the class
        # test was for a callable read otherwise (``cls(x)``, ``mod.C(x)``);
        # none where it was read by another global's or a builtin's name, as
        # fib's: a site is one closure value more, copied into every call's
        # host frame; the slow test below stays everywhere; _class_call)
        site = None
        name = _global_read(g, func)
        if (len(argv) < LEAN_ARITIES and _t2attr.type_version is not None and known is None
                and (name is None or name in _t2attr.CLASS_NAMES)):
            site = g.param([_t2attr.MISSES, {}])
            if name is not None:
                _class_call(g, func, argv, r, ln, site, "if")
                known = False
        consumer = _consumer(name, known, argv)
        if known and consumer is not None:
            # (a builtin that consumes its one argument to the end, ``sum(x)``:
            # a generator handed to it as tier2gen.consume's host generator)
            g.emit("if %s is %s: %s = %s(%s) if type(%s) is not Generator and not handled_[0] "
                   "else gen_consume(tstate, %s, %s)%s"
                   % (func, g.param(known), r, func, argv[0], argv[0], func, argv[0],
                      _dropped(g, argv)))
        elif known:
            # (a builtin's name read from the builtins, ``len(x)``: that
            # builtin is tested first, by identity, as the plain call below)
            g.emit("if %s is %s: %s = %s(%s) if not handled_[0] else plain_handled(tstate, %s, (%s))%s"
                   % (func, g.param(known), r, func, ", ".join(argv), func,
                      "".join(a + ", " for a in argv), _dropped(g, argv)))
        elif consumer is not None:
            # (read by that name otherwise: the frame-based form's read, or a
            # global of the name; the builtin and the generator tested)
            g.emit("if %s is %s and type(%s) is Generator: %s = gen_consume(tstate, %s, %s)%s"
                   % (func, g.param(consumer), argv[0], r, func, argv[0], _dropped(g, argv)))
            known = consumer
        sup = None if argv else _zero_arg_super(g, j)
        # (``super()`` read by its name: super itself tested first, before a
        # guest function; class_model's methods, 7 host bytecodes a call)
        super_first = sup is not None and known is None and site is None and name == "super"
        if super_first:
            g.emit("if %s is super_: %s = %s" % (func, r, sup))
        g.emit("%s type(%s) is Function and %s: %s = %s(tstate%s%s)"
               % ("if" if known is None and not super_first else "elif", func,
                  lean_guard(func, len(argv), ln), r, ln,
                  "".join(", " + a for a in argv), _moved(g, argv)))
        if sup is not None and not super_first:
            # (whatever name it was called by: the builtin super itself,
            # compared at each call, as the guest may rebind the name)
            g.emit("elif %s is super_: %s = %s" % (func, r, sup))
        # a builtin such as len or str: called as call_host would, without it
        # (call.plain_callables); inside a guest except block, with the host
        # shown the exception being handled (plain_handled)
        g.emit("elif type(%s) in plain_kinds and %s in plain_: "
               "%s = %s(%s) if not handled_[0] else plain_handled(tstate, %s, (%s))%s"
               % (func, func, r, func, ", ".join(argv), func,
                  "".join(a + ", " for a in argv), _dropped(g, argv)))
        # a bound method of a guest function (``m = obj.meth; m(x)``)
        g.emit("elif type(%s) is MethodType and type(%s := %s.__func__) is Function and "
               "%s: %s = %s(tstate, %s.__self__%s%s)"
               % (func, ln, func, lean_guard(ln, len(argv) + 1, ln), r, ln, func,
                  "".join(", " + a for a in argv), _moved(g, argv)))
        if len(argv) < LEAN_ARITIES:
            if site is not None and known is not False:
                _class_call(g, func, argv, r, ln, site, "elif")
            _class_call(g, func, argv, r, ln, site)
        g.emit("else: %s = call_any(tstate, %s, [%s]%s)"
               % (r, func, ", ".join(argv), _moved(g, argv)))
        g.release(func)
    return r


def _consumer(name, known, argv):
    """The host builtin a call of one argument calls when its callable was
    read by the name of one of tier2gen.CONSUMERS (the builtins that consume
    an iterable to its end): None for any other call."""
    if len(argv) != 1 or name not in _tier2gen.CONSUMERS:
        return None
    import builtins
    obj = getattr(builtins, name, None)
    if known is not None and known is not obj:
        return None
    return obj if obj is not None and obj in _namespace()["plain_"] else None


def _method_read(g, self_):
    """(receiver, the read's body lines, the receiver's drop or "") of the
    method ``self_`` LOAD_METHOD read as an attribute (t2attr._bound_method)
    when nothing was written since: the lines are taken out of the body for
    CALL_METHOD to write them again under its test of the receiver's type;
    None otherwise."""
    owner, name, start, end = g.__dict__.get("method_reads", {}).get(self_, (0, 0, 0, -1))
    if end != len(g.body) or not _method_owners(name):
        return None
    read = g.body[start:end]
    del g.body[start:end]
    # (the read's line, then the receiver's drop when it was a temporary:
    # kept alive through the call, as CPython's stack keeps ``self``)
    return owner, name, read, read[1][1] if len(read) > 1 else ""


def _method_receiver(g, self_):
    """(receiver, name) of the method ``self_`` LOAD_METHOD read as an
    attribute of a guest local (t2attr._bound_method) that nothing written
    since names (so the local still holds the receiver), in lean code;
    else None."""
    owner, name, start, end = g.__dict__.get("method_reads", {}).get(self_, ("", 0, 0, 0))
    if (not g.lean or owner[:1] != "l" or not owner[1:].isdigit()
            or not _method_owners(name)):
        return None
    named = re.compile(r"\b%s\b" % owner)
    if any(named.search(text) for _, text, _ in g.body[end:]):
        return None
    return owner, name


_METHOD_OWNERS = {}


def _method_owners(name):
    """The builtin containers (call.plain_method_owners) whose attribute
    ``name`` is a method descriptor: on an instance of exactly one of them the
    attribute is that method bound, read without running anything."""
    owners = _METHOD_OWNERS.get(name)
    if owners is None:
        owners = _METHOD_OWNERS[name] = frozenset(
            t for t in _namespace()["plain_selfs"]
            if type(t.__dict__.get(name)) is MethodDescriptorType)
    return owners


def _builtin_read(g, func):
    """The host builtin a call's callable ``func`` is, when it was just read
    by a LOAD_GLOBAL of that builtin's name (its ``# if exact builtin`` line)
    and tier 2 calls that builtin plainly (call.plain_callables); else None."""
    head = "try: %s = builtins_[" % func
    for _, text, _ in reversed(g.body[-12:]):
        if text.startswith(head):
            # (the name a literal in lean code, a closure value ``pN`` in a
            # generator body's: _HostLocals has no literals)
            key = text[len(head):].partition("]")[0]
            if key[:1] == "'":
                key = key[1:-1]
            elif key[:1] == "p" and key[1:].isdigit():
                key = g.const(key)
            else:
                return None
            import builtins
            obj = getattr(builtins, key, None) if type(key) is str else None
            return obj if obj is not None and obj in _namespace()["plain_"] else None
    return None


def _global_read(g, func):
    """The name a call's callable ``func`` was read by, when a LOAD_GLOBAL
    read it (its ``# if exact global`` or ``# if exact builtin`` line, the
    last line assigning ``func`` at the start), else None.  (A hint for the
    order of tests.)"""
    plain = "%s = " % func
    framed = "%s = globals_.get(" % func        # (the frame-based form: the name a param)
    for _, text, _ in reversed(g.body[-200:]):
        for head in ("try: %s = globals_['" % func, "try: %s = builtins_['" % func):
            if text.startswith(head):
                return text[len(head):].partition("'")[0]
        if text.startswith(framed):
            try:
                name = g.const(text[len(framed):].partition(",")[0])
            except Exception:
                return None
            return name if type(name) is str else None
        if text.startswith(plain) or text.startswith("try: " + plain):
            return None
    return None


def _class_call(g, func, argv, r, ln, site=None, kw=None):
    """A class call call_any would make directly (metaclass type, not
    intercepted, object.__new__, a guest __init__ taking exactly the
    arguments, with its lean entry bound), at the call site: the object made,
    __init__'s lean function called, its result checked (type_call).  The
    arguments are not moved: this call holds them until __init__ returns, as
    type_call's argument tuple does (_init_call).  object.__new__ is given
    the arguments too, as type_call gives them to tp_new: a class whose
    __new__ was set, then deleted, keeps slot_tp_new, and object_new refuses
    arguments then (its ordinary classes' object_new accepts them)."""
    init = g.temp()
    args = "".join(", " + a for a in argv)
    if kw is not None:
        # the fast form (``kw`` given): the guest __init__ recorded (weakly)
        # for the class's version tag by the slow form below (t2attr.class_made),
        # one read of the tag and one dict lookup for what that tests; and
        # object.__new__ given no arguments: the entry is recorded only
        # once object.__new__ accepted the call's arguments for that tag,
        # which it does only where the class's tp_new is object_new itself
        # (not slot_tp_new, kept after a __new__ set and deleted): the
        # argument tuple was all it did with them
        g.emit("%s type(%s) is type and (%s := %s[1].get(tv_(%s))) is not None and "
               "(%s := %s()) is not None and %s:"
               % (kw, func, init, site, func, init, init, lean_guard(init, len(argv) + 1, ln)))
        g.emit("%s = object_new_(%s)" % (r, func), 1)
    else:
        # (a guest exception class too, whose builtin base's __new__ is
        # BaseException_new: it keeps the arguments as ``args`` and runs no
        # guest code, as call_any makes it, _EXCEPTION_NEWS; only a builtin
        # method is looked up in the set: hashing a guest object runs its
        # code; ``new``, a guard temporary like ``init``, dropped with it)
        new = g.temp()
        g.emit("elif type(%s) is type and %s not in type_intercepts_ and type(%s := %s.__init__) "
               "is Function and %s and ((%s := %s.__new__) is object_new_ or type(%s) is BuiltinFunctionType "
               "and %s in exception_news_):"
               % (func, func, init, func, lean_guard(init, len(argv) + 1, ln), new, func, new, new))
        g.emit("if %s is not object_new_: %s = %s(%s%s)" % (new, r, new, func, args), 1)
        if site is not None:
            # (the tag read before anything allocates: a finalizer run by a
            # collection could change the class after the test)
            g.emit("elif %s[0]: %s = t2attr_.class_made(%s, tv_(%s), %s, %s, (%s))"
                   % (site, r, site, func, func, init, "".join(a + ", " for a in argv)), 1)
            g.emit("else: %s = object_new_(%s%s)" % (r, func, args), 1)
        else:
            g.emit("else: %s = object_new_(%s%s)" % (r, func, args), 1)
    g.emit("%s = %s(tstate, %s%s%s)"
           % (init, ln, r, args,
              # (frame0 None from lean code: _moved)
              ", None" if g.lean else ""), 1)
    g.emit("if %s is not None: init_result_(%s, %s)" % (init, r, init), 1)
    g.emit("%s = None%s" % (init if kw is not None else "%s = %s" % (init, new),
                            _dropped(g, argv)), 1)


# (3.12+, PEP 709: super() in a list, set or dict comprehension reads the
# enclosing function's argument: builtins._super_args_inlined, from a frame)
_INLINED = (frozenset(("<listcomp>", "<setcomp>", "<dictcomp>"))
            if sys.version_info >= (3, 12) else ())


def _zero_arg_super(g, j):
    """The expression a lean function computes ``super()`` with (no Frame:
    its first argument's current value, in its cell if it is one, and its
    ``__class__`` cell; builtins.lean_super), or None where the frame-based
    path must say why it cannot (no argument: CPython's error).  ``j``: the
    call's instruction index."""
    code = g.code
    # (a tier-2 generator body with host locals, tier2gen._HostLocals, holds
    # them as a lean function does)
    if (not (g.lean or g.host_locals) or not code.co_argcount
            or "__class__" not in code.co_freevars or code.co_name in _INLINED):
        return None
    first = "l0"
    cell2arg = code._decoded.cell2arg
    if cell2arg is not None and 0 in cell2arg:
        # (3.10's frame moves an argument that is a cell into the cell and
        # clears the local: super_init_without_args then reads the cell)
        first = "l%d.ob_ref" % (code.co_nlocals + cell2arg.index(0))
    cls = "l%d" % (code.co_nlocals + len(code.co_cellvars)
                   + code.co_freevars.index("__class__"))
    # (lean_super's common case written out: the host's super() called here,
    # not through a host function; anything else is lean_super's checks;
    # the first argument untested where it cannot be unbound here: an
    # argument nothing deletes, g.bound)
    bound = first == "l0" and 0 in g.bound
    # (3.12+: where the host's ``super().name`` is LOAD_SUPER_ATTR, its
    # errors, runtime/builtins.py super_attr_site; decided here, once)
    from ..runtime.builtins import super_attr_site
    slow = ("lean_super_attr(%s, %s, %r)" % (first, cls, code.co_varnames[0])
            if j is not None and super_attr_site(code, j) else "lean_super(%s, %s)" % (first, cls))
    return ("(super_(%s.ob_ref, %s) if %stype(%s) is Cell and "
            "type(%s.ob_ref) is type else %s)"
            % (cls, first, "" if bound else "%s is not NULL and " % first, cls, cls, slow))


def _passed(g, args):
    """The temporaries and slots among a call's arguments ``args`` that hold
    nothing else (dropped when the arguments are)."""
    return [a for a in dict.fromkeys(args)
            if a[0] in "ts" and a[1:].isdigit() and a not in g.vs]


def _dropped(g, args):
    """``; tN = None``: after a host call, the temporaries that held only its
    arguments are dropped as it returns (as the other paths' _moved do)."""
    gone = _passed(g, args)
    return "; " + drop_text(g, gone) if gone else ""


def drop_text(g, names):
    """The statement dropping host locals ``names`` (values just consumed, in
    the order they die): ``del tA, tB`` in lean code when all are
    temporaries pushed as stack values (_Lean.push), else ``a = b = None``.
    The del is one host instruction a name (DELETE_FAST) where the
    assignment is a LOAD_CONST, a COPY per name more and a STORE_FAST each;
    the values die in the same order.  Only for values pushed, which every
    path to their consumer has assigned (a del of an unbound name raises):
    a site's guard temporaries, set or not by a short-circuited test
    (``(t5 := f._lean1) is not None``), are never pushed and keep the
    assignment."""
    if g.lean and all(x in g.stacked for x in names):
        return "del " + ", ".join(names)
    return "%s = None" % " = ".join(names)


def _moved(g, args):
    """The lean callee's ``frame0`` argument (None) of a direct call, written
    so that it drops the temporaries and slots just passed: the arguments are
    the callee's alone while it runs (3.11+ moves them into the new frame), so
    a callee rebinding a parameter frees the value as CPython does.  From lean
    code the expression is None (the callee's caller is lean: it leaves
    ``tstate.frame`` alone, t2frames); from frame-based code ``OUTSIDE``."""
    gone = _passed(g, args)
    tail = [] if g.lean else ["OUTSIDE"]
    if not gone:
        return ", None" if g.lean else ""
    return ", " + " or ".join(["(%s := None)" % a for a in gone] + tail)


def _after_call(g, result, j):
    g.push(result)
    # deoptimise when a tracer attached during the call (docs/vm.md)
    g.emit("if tstate.tracer is not None:")
    g.to_stack(1)
    g.emit("f._lasti = %d; %s" % (j, g.leave_loop(-1)), 1)


def _any(g, name, op, arg, darg, j, handler, depth):
    """Any other instruction: its ordinary handler on the real value stack,
    a Frame it returns run to completion, an index it returns jumped to."""
    pushed = list(g.vs)
    g.to_stack()
    g.vs = []
    r = g.temp()
    g.runs_ops = True
    g.emit("%s = run_op(%s, f, stack, %s)" % (r, g.param(handler), g.param(darg)))
    kind = _K.argkind[op]
    jumps = kind in (_K.ARG_JREL, _K.ARG_JABS)
    if jumps and darg < len(depth) and depth[darg] is not None:
        g.emit("if %s is not None:" % r)
        keep = g.vs
        g.from_stack(depth[darg], 1)
        g.release_pushed(pushed, depth[darg], 1)
        g.emit("blk = %s; continue" % r, 1)
        g.vs = keep
    nxt = j + 1
    if name in _bytecodes.RAISES:
        g.emit("raise SystemError('tier 2: %s fell through')" % name)
        return False
    if nxt < len(depth) and depth[nxt] is not None:
        g.from_stack(depth[nxt])
        g.release_pushed(pushed, depth[nxt])
    else:
        g.vs = []
        g.release_pushed(pushed, 0)
    if name in _bytecodes.ALWAYS_JUMPS:
        return False
    return True


# -- source, compile, install -------------------------------------------------------------

def _source(code, g, nslots, comments, d):
    code_p = g.param(code)
    instrs_p = g.param(d.instrs)
    slots = ", ".join("s%d" % k for k in range(nslots))
    # (the host code's line table, filled below, registered by _frame_based:
    # the except clause hands it to t2_raised)
    linemap = [0]       # host line numbers are 1-based
    g.lines_p = g.param(linemap)
    # (the same by host bytecode offset, filled once the host code is
    # compiled: _frame_based, fill_offsets)
    g.offsets = []
    g.offsets_p = g.param(g.offsets)
    # (the call form's, bound_call: its own host code, its own offsets)
    calls = _call_form_arity(code)
    if calls is not None:
        g.call_offsets = []
        call_offsets_p = g.param(g.call_offsets)
    _inline_exc_value(g)
    if _virtual_blocks(g):
        # (the block stack in host locals: ``bd`` empty, as the Frame's is
        # at a call; the handlers' positions set as each is entered; a
        # resumption takes the Frame's, which tier 1 or the tracer kept)
        hnames = g.hnames
        hs = "(%s,)" % ", ".join(hnames) if hnames else "()"
        blocks_init = "bd = ()" + ("; %s = None" % " = ".join(hnames) if hnames else "")
        blocks_resume = "if start: bd = %s[start]; %s" % (
            g.blocks_p, "%s, = get_blocks_(f, %d)" % (", ".join(hnames), len(hnames))
            if hnames else "del f.f_blockstack[:]")
        blocks_out = "set_blocks_(f, bd, %s)" % hs
    else:
        blocks_init = blocks_resume = blocks_out = None
    head = [
        ("def make(%s):" % ", ".join("p%d" % i for i in range(len(g.params))), 0),
        ("def t2(f, tstate, start=0, func=None, args=None):", 0),
        ("    if func is None:", 0),
        ("        if tstate.tracer is not None and not start: return traced_run(tstate, f)", 0),
        ("        fast = f.f_localsplus; stack = f.f_valuestack; globals_ = f.f_globals", 0),
        # (the body has the exact-dict forms of LOAD_GLOBAL only (translate):
        # a frame whose dicts are not runs in tier 1, as one whose
        # translation failed; no tier-2 entries left in it)
        ("        builtins_ = f.f_builtins", 0),
        ("        if globals_.__class__ is not dict or builtins_.__class__ is not dict: "
         "return in_tier1(f, tstate, start)", 0),
        # a call (exact arity: call_any, call_from_host, t2entry.frame_entry;
        # the call sites' ``_leanN`` call the call form below, bound_call;
        # always from instruction 0): the Frame made here, its fields kept in
        # the host locals on the way; its state set once, EXECUTING, unless a
        # tracer takes it (CREATED, as traced_run expects); the recursion
        # error below drops it unseen
        ("    else:", 0),
        ("        if not func._exact_dicts: return in_tier1(None, tstate, 0, func, args)", 0),
        ("        args += func._fast_tail; f = new_frame(Frame); f.f_code = %s" % code_p, 0),
        ("        f.f_globals = globals_ = func._globals; f.f_builtins = builtins_ = func._builtins; "
         "f._f_locals = None; f.f_localsplus = fast = args", 0),
        ("        f.f_valuestack = stack = []; f.f_blockstack = []; f._lasti = -1; f.f_instrs = %s; "
         "f.f_init_self = None" % instrs_p, 0),
        ("        if tstate.tracer is not None: f.f_state = CREATED; return traced_run(tstate, f)", 0),
        ("    depth = tstate.depth", 0),
        ("    if depth >= tstate.t2_room and host_room(tstate): raise recursion_error()", 0),
        ("    back = tstate.frame", 0),
        ("    tstate.depth = depth + 1; tstate.frame = f; f.f_state = EXECUTING", 0),
        # (a lean caller's frame materialised for f_back; ``back``, restored
        # at the end, stays LEAN: t2frames)
        ("    f._f_back = back if back is not LEAN else materialise(getframe())", 0),
        ("    %s" % nones(["s%d" % k for k in range(nslots)]), 0),
        ("    blk = start", 0),
        ("    if stack: %s, = stack + [None] * (%d - len(stack)); del stack[:]"
         % (slots, nslots), 0),
    ] + ([("    " + blocks_init, 0), ("    " + blocks_resume, 0)] if blocks_init else []) + [
        ("    exc = None", 0),
        ("    try:", 0),
        ("        while True:", 0),
        ("            try:", 0),
        ("                while True:", 0),
    ]
    lines = []
    for text, step in head:
        lines.append(text)
        linemap.append(-1)      # (the prologue runs no guest instruction)
    # (the runs CPython's compiler writes without temporaries, as in lean
    # code: a result stored into a local, ``fast[N] = (EXPR)``, an in-place
    # operator on a local, an unpacking into locals; t2peep)
    g.body = _t2peep.rewrite(g.body)
    for text, step in body_lines(g, nslots, comments, 5):
        lines.append(text)
        linemap.append(step)
    tail = [
        "        if exc is None:",
    ] + (["            " + blocks_out] if blocks_out else []) + [
        "            if blk == -2: return to_tier1(tstate, f, depth, back)",
        "            return tstate.tracer.resume(tstate, f, f, None)",
        "    finally:",
        # (decremented, not restored: see _lean_source; an assignment, as
        # there: one host bytecode fewer than ``-=``)
        "        tstate.depth = tstate.depth - 1; tstate.frame = back",
        # the exception leaves, raised after the ``finally`` above has run
        # (what it did on the way out of a raise inside it, in the same
        # order: nothing between reads the thread's depth or frame): no
        # host handler entered on the way out.  A host raise sets
        # ``__context__`` to the exception the host handles, if any: none
        # handled (the usual case), nothing to save and restore; ``exc``
        # cleared as it is raised (the tuple's item), not kept by the host
        # frame its traceback holds, without a ``finally`` to clear it
        "    if host_exception_() is None: raise (exc, exc := None)[0]",
        "    ctx_ = exc_context(exc)",
        "    try: raise exc",
        "    finally: set_exc_context(exc, ctx_); exc = ctx_ = None",
    ]
    for text in tail:
        lines.append(text)
        linemap.append(-1)
    if calls is not None:
        # the call form (bound_call): the same body after a prologue of its
        # own, one level deeper, its except clause reading its own offsets
        args = ["arg%d_" % k for k in range(calls)]
        d0 = head.index(("    depth = tstate.depth", 0))
        call_head = [
            "def bind(globals_, builtins_, tail_):",
            "    def t2(tstate%s, frame0=OUTSIDE):" % "".join(", " + a for a in args),
            # (the list alone holds the arguments, as a 3.11 call's frame:
            # a ``del`` of a parameter frees its value; ``frame0``, the call
            # sites' moving expression, is for lean callees only)
            # (no tail: no other locals, no free variables; a ``del``, one
            # host bytecode a name, where an assignment costs two)
            # (the tail's NULLs written in where it is NULLs only, no free
            # variable: a list made at its size, where ``*tail_`` made it at
            # the arguments' and grew it, list_extend's realloc, each call)
            "        fast = [%s]%s" % (", ".join(args + (
                ["*tail_"] if code.co_freevars or code.co_nlocals - calls > _NULLS_WRITTEN
                else ["NULL"] * (code.co_nlocals - calls))),
                "; del %s" % ", ".join(args) if args else ""),
            "        f = new_frame(Frame); f.f_code = %s; f.f_globals = globals_; "
            "f.f_builtins = builtins_" % code_p,
            "        f._f_locals = None; f.f_localsplus = fast; f.f_valuestack = stack = []; "
            "f.f_blockstack = []; f._lasti = -1; f.f_instrs = %s; f.f_init_self = None" % instrs_p,
            "        if tstate.tracer is not None: f.f_state = CREATED; return traced_run(tstate, f)",
        ] + ["    " + text for text, _ in head[d0:d0 + 5]] + [
            "        %s" % nones(["s%d" % k for k in range(nslots)]),
            "        blk = 0",
        ] + (["        " + blocks_init] if blocks_init else []) + [
            "    " + text for text, _ in head[d0 + (10 if blocks_init else 8):]]
        assert head[d0 + (10 if blocks_init else 8)][0] == "    exc = None"
        own, other = "%s[tb_.tb_lasti]" % call_offsets_p, "%s[tb_.tb_lasti]" % g.offsets_p
        start = len(lines)
        for text in call_head:
            lines.append(text)
            linemap.append(-1)
        for k in range(len(head), start):
            lines.append("    " + lines[k].replace(other, own))
            linemap.append(linemap[k + 1])
        lines.append("    return t2")
        linemap.append(-1)
        lines.append("t2.bind_ = bind")
        linemap.append(-1)
        # The call form is compiled apart, when a call site first needs it
        # (bound_call, _call_form_binder): a function hot by its loop and
        # called once (a program's main) never does, and its host compile
        # was half the translation's (exceptions.py's main: 125 KB of source
        # with it, about 5% of the program's tier-2 time in the translation).
        # Its lines keep their numbers in the whole text (padded with empty
        # lines, under a ``make`` of the same parameters), which linecache,
        # the dumps and the line table (``linemap``, its offsets) describe.
        g.resume_src = (lines[0] + "\n" + "".join("    " + ln + "\n" for ln in lines[1:start])
                        + "    return t2\n")
        g.call_src = ("\n" * (start - 1) + lines[0] + "\n"
                      + "".join("    " + ln + "\n" for ln in lines[start:-1])
                      + "    return bind\n")
    src = (lines[0] + "\n" + "".join("    " + ln + "\n" for ln in lines[1:])
           + "    return t2\n")
    return src, linemap


# the most NULLs a call form's prologue writes into its list of fast locals
# (more: the function's tail, ``*tail_``, appended)
_NULLS_WRITTEN = 24


def _call_form_arity(code):
    """The arity of the call form a frame-based function gets (bound_call),
    or None: code of the exact-arity shape (no ``*args``, ``**kwargs``,
    keyword-only parameters or cells: Function._update_fast) whose call
    sites test a ``_leanN`` slot."""
    flags = code.co_flags
    if (flags & (_CO_VARARGS | _CO_VARKEYWORDS) or code.co_kwonlyargcount
            or code.co_cellvars or not flags & _CO_NEWLOCALS
            or code.co_argcount > LEAN_ARITIES):
        return None
    return code.co_argcount


def bound_call(func, t2):
    """The call form of ``t2``, a frame-based tier-2 function, bound to
    ``func``'s globals, builtins and fast-locals tail (``func._leanN``: its
    call sites of its exact arity call it), or None (none made).  It is
    the frame-based function with a prologue of its own: the Frame made
    from the arguments, no host frame between the call site and the
    function (t2entry.frame_entry's, one a call and a traceback entry and
    a host frame object per exception leaving).  Made per function, of
    that function's values only: no reference to the function itself, so
    no cycle through its slot."""
    bind = getattr(t2, "bind_", None)
    if bind is None or not func._exact_dicts:
        # (the body assumes exact dicts: a function whose are not calls the
        # resume form, which runs its frame in tier 1)
        return None
    return bind(func._globals, func._builtins, func._fast_tail)


_APPEND_BLOCK = re.compile(r"^f\.f_blockstack\.append\(p(\d+)\)$")
_SET_HANDLER = re.compile(r"^f\.f_blockstack\[(\d+):\] = \(\(EXCEPT_HANDLER, f\._lasti, (\d+)\),\)$")
_DEL_BLOCKS = re.compile(r"^del f\.f_blockstack\[\d+:\]$")
_ENTER = re.compile(r"^f\._lasti = -?\d+; blk = (\d+); exc = None; continue$")
_POP_EXCEPT = ('if f.f_blockstack.pop()[0] != EXCEPT_HANDLER: '
               'raise SystemError("popped block is not an except handler")')


def _virtual_blocks(g):
    """A frame-based body whose block stack stays in host locals (True), or
    left as it is (False): ``bd``, the block stack as translation knows it
    (static_blocks' tuple, an EXCEPT_HANDLER's position None), and ``hK``,
    the position (the raising instruction) of the EXCEPT_HANDLER block at
    depth K, which RERAISE restores.  f.f_blockstack stays empty while the
    body runs: only code that continues the frame elsewhere reads it (the
    tracer's or tier 1's loop after a hand-over, catch's ceval._unwind), and
    set_blocks writes it out first (get_blocks takes it back where the body
    is entered from such code).  Each SETUP_FINALLY, POP_BLOCK and
    POP_EXCEPT is then one store of a constant, each handler entered one
    store more, where each was a host call on the list (append, pop, a slice
    assignment): ~50 host bytecodes and ~3,000 host instructions a record of
    bench/programs/exceptions.py.  Not for a body that runs an ordinary
    handler on the frame (it may read or change the block stack)."""
    blocks_at = g.blocks_at
    if blocks_at is None or g.runs_ops or g.runs_generic:
        return False
    body = list(g.body)
    depth = 0
    for k, (indent, text, step) in enumerate(body):
        if "f_blockstack" not in text:
            continue
        here = blocks_at[step] if 0 <= step < len(blocks_at) else None
        m = _APPEND_BLOCK.match(text)
        if m is not None and here is not None:
            new = here + (g.params[int(m.group(1))],)
            body[k] = (indent, "bd = %r" % (new,), step)
            depth = max(depth, len(new))
            continue
        if here and text in ("f.f_blockstack.pop()", _POP_EXCEPT):
            if text == _POP_EXCEPT and here[-1][0] != _EXCEPT_HANDLER_BLOCK:
                return False
            body[k] = (indent, "bd = %r" % (here[:-1],), step)
            continue
        if here and "f.f_blockstack[-1][1]" in text and here[-1][0] == _EXCEPT_HANDLER_BLOCK:
            body[k] = (indent, text.replace("f.f_blockstack[-1][1]", "h%d" % (len(here) - 1)), step)
            if "f_blockstack" not in body[k][1]:
                continue
            return False
        rest = _virtual_leaf(g, text, [x[1] for x in body[k + 1:k + 40]])
        if rest is None or rest == "" and not (k + 1 < len(body) and body[k + 1][0] == indent):
            return False
        body[k] = (indent, rest, step)
    g.body = [x for x in body if x[1] != ""]
    g.virtual_blocks = True
    # (the depths an EXCEPT_HANDLER may sit at: every block stack's)
    g.hnames = ["h%d" % k for k in range(max([depth] + [len(b) for b in blocks_at if b]))]
    g.blocks_p = g.param(tuple(blocks_at))
    return True


_SET_EXC_VALUE = re.compile(r"^set_exc_value\(tstate\.exc_info, (s\d+)\)$")


def _inline_exc_value(g):
    """The ``set_exc_value(tstate.exc_info, sN)`` of a POP_EXCEPT in a
    frame-based body written out, as the unwinding's leaves write it
    (_set_exc_value_lines): a host call fewer each time a handler ends
    (~200 host instructions)."""
    body = []
    for indent, text, step in g.body:
        m = _SET_EXC_VALUE.match(text)
        if m is None:
            body.append((indent, text, step))
            continue
        for line in _set_exc_value_lines(m.group(1)):
            deeper = (len(line) - len(line.lstrip())) // 4
            body.append((indent + deeper, line.lstrip(), step))
    g.body = body


def _virtual_leaf(g, text, after):
    """An unwinding's line on f.f_blockstack in virtual form (_virtual_blocks;
    ``after``: the lines after it, the handler's entry among them), ""
    where none is needed (the frame leaves: nothing reads its block stack
    again), or None where it is not one."""
    if _DEL_BLOCKS.match(text.strip()):
        return ""
    m = _SET_HANDLER.match(text.strip())
    if m is None:
        return None
    for x in after:
        e = _ENTER.match(x.strip())
        if e is not None:
            return "h%s = f._lasti; bd = %r" % (m.group(1), g.blocks_at[int(e.group(1))])
    return None


def _virtual_tail(g, tail):
    """The except clause's lines with the block stack virtual (_virtual_blocks):
    the unwinding's leaves in virtual form; catch, which unwinds on
    f.f_blockstack, given it written out, and a handler it enters taken back."""
    hs = "(%s,)" % ", ".join(g.hnames) if g.hnames else "()"
    out = []
    for k, text in enumerate(tail):
        if "f_blockstack" in text:
            rest = _virtual_leaf(g, text, tail[k + 1:k + 40])
            if rest is None:
                raise AssertionError("tier 2: a block stack line not made virtual: %s" % text)
            if rest:
                out.append(text[:len(text) - len(text.lstrip())] + rest)
            continue
        if text.lstrip().startswith(("blk, exc, at = catch(", "blk, exc = catch(")):
            pad = text[:len(text) - len(text.lstrip())]
            out.append(pad + "set_blocks_(f, bd, %s)" % hs)
            out.append(text)
            out.append(pad + "if blk >= 0: bd = %s[blk]%s" % (
                g.blocks_p, "; %s, = get_blocks_(f, %d)" % (", ".join(g.hnames), len(g.hnames))
                if g.hnames else "; del f.f_blockstack[:]"))
            continue
        out.append(text)
    return out


def body_lines(g, nslots, comments, level):
    """The translated body of a frame-based function, ``level`` indentations
    deep (in ``try: while True:``), then that ``try``'s except clause and the
    ``break`` after it: (line, guest instruction or -1) pairs."""
    slots = ", ".join("s%d" % k for k in range(nslots))
    out = []
    body = g.body
    for k, (indent, text, step) in enumerate(body):
        if text == "pass" and k + 1 < len(body) and body[k + 1][0] >= indent:
            continue        # (a NOP per block entry, as _lean_source: only an empty block needs it)
        note = comments.get(step)
        out.append(("    " * (indent + level) + text + ("  # " + note if note else ""), step))
    pad = "    " * (level - 2)
    # (unwinding pops the value stack: what the interrupted block's
    # temporaries held is released, as CPython's unwinding decrefs it)
    temps = ["    " + x for x in block_temps(g, "at")] if g.ntemps else []
    generic = temps + [
        "    if blk >= 0:",
        "        %s, = stack + [None] * (%d - len(stack)); del stack[:]" % (slots, nslots),
        "        exc = None",
        "        continue",
        # (the exception leaves: the host frame its traceback keeps holds no
        # stack value)
        "    %s" % nones(["s%d" % k for k in range(nslots)]),
    ]
    if g.blocks_at is None:
        tail = ["except BaseException as e:",
                "    blk, exc, at = catch(tstate, f, e, (%s,)); e = None" % slots] + generic
    else:
        # the handler each instruction unwinds to, known at translation: the
        # traceback entry (t2_raised), then that unwinding written out
        # (unwind_lines); where the instruction is not known, catch
        # (t2_raised's usual case inline, no host call: a traceback whose
        # head entry, this function's own, is at a known instruction, an
        # exception neither a Reraise nor one that may stop the run; the
        # rest, and every test again, by t2_raised)
        if g.lines_p:
            raised = [
                "except BaseException as e:",
                "    if (tb_ := exc_traceback_(e)) is not None and (at := %s[tb_.%s]) >= 0 "
                "and not issubclass(type(e), RERAISE_STOP_OR_MEMORY_):"
                % ((g.offsets_p, "tb_lasti") if g.offsets_p else (g.lines_p, "tb_lineno")),
                "        f._lasti = at; exc = e",
                # (no entry: the host's stays, raw, tracebacks._materialize;
                # only the VM's entries dropped and the chaining a
                # host-raised exception gets at once)
                "        if tb_.tb_next is None or id(tb_.tb_next.tb_frame.f_code) not in tracebacks_.RAW_KINDS: "
                "tracebacks_.t2_caught(tstate, e, tb_, f)" if LAZY_ENTRIES else
                "        tracebacks_.add_entry(tstate, e, f, True, False, tb_)",
                "    else: tb_ = None; exc, at = t2_raised(tstate, f, e, %s)" % g.lines_p,
                "    e = tb_ = None"]
        else:
            raised = ["except BaseException as e:",
                      "    exc, at = t2_raised(tstate, f, e); e = None"]
        unknown = [
                "    if at < 0:",
                "        blk, exc, at = catch(tstate, f, exc, (%s,))" % slots]
        if g.ntemps:
            unknown.append("        %s = None" % _temps(g, True))
        unknown += ["    " + x for x in generic[len(temps):]] + ["        break"]
        if g.offsets_p:
            # (only t2_raised's path may leave ``at`` unknown: its test
            # there, not after both paths; ``e`` cleared before catch's, as
            # before)
            k = raised.index("    else: tb_ = None; exc, at = t2_raised(tstate, f, e, %s)"
                             % g.lines_p)
            raised[k:k + 1] = ["    else:",
                               "        tb_ = None; exc, at = t2_raised(tstate, f, e, %s); e = None"
                               % g.lines_p]
            raised[k + 2:k + 2] = ["    " + x for x in unknown]
            tail = raised
            tb = None
            if LAZY_ENTRIES:
                # (the traceback the handler saves for RERAISE: ``tb_``, read
                # by the test above on the inline path (t2_caught relinks
                # what follows it, never replaces it; the eager add_entry
                # does), after t2_raised on its own (which may have made an
                # entry); kept to the unwinding's leaf, which clears it:
                # unwind_lines' ``tb``)
                k = raised.index("    e = tb_ = None")
                raised[k:k + 1] = ["        tb_ = exc_traceback_(exc)", "    e = None"]
                tb = "tb_"
        else:
            tail = raised + unknown
            tb = None
        if g.runs_ops:
            # (a handler that raised left its unpopped inputs on the value
            # stack, above the slots: dropped first, top first, as CPython's
            # unwinding pops them; catch's path replaces them with the slots)
            tail.append("    if stack: del stack[:]")
        # (``at`` is known here: catch's path above has left; block_temps'
        # first test, for an unknown one, is not repeated)
        merged = _merged_unwinding(g, "at", nslots, tb)
        if merged is not None:
            tail += ["    " + x for x in merged]
        else:
            if temps:
                temps = [x[4:] for x in temps[2:]] if temps[1:2] == ["    else:"] else []
            tail += temps + ["    " + x for x in _static_unwinding(g, "at", nslots, tb)]
        if g.virtual_blocks:
            tail = _virtual_tail(g, tail)
    out += [(pad + text, -1) for text in tail]
    out.append((pad + "break", -1))
    return out


def _unwind_table(g):
    """The distinct unwindings of ``g``'s instructions (``_search`` of their
    static block stacks: ``g.unwindings``) and, when there are several, a
    constant tuple giving each instruction's (``g.unwind_of``, a param)."""
    searches = {}
    of = []
    tops = []       # (the slots to clear: the most any of its instructions fills)
    for blocks, top in zip(g.blocks_at, g.tops):
        # (a dead instruction raises nothing: any entry does)
        search = _search(blocks) if blocks is not None else ((), None, 0)
        k = searches.setdefault(search, len(searches))
        of.append(k)
        if k == len(tops):
            tops.append(top)
        elif top > tops[k]:
            tops[k] = top
    g.unwindings = list(zip(searches, tops))
    g.unwind_seq = of
    g.unwind_of = g.param(tuple(of)) if len(searches) > 1 else None


def _static_unwinding(g, at, nslots, tb=None):
    """The except clause's unwinding by the instruction ``at`` (an
    expression; known): which of the function's distinct unwindings it is
    (a constant tuple indexed by the instruction), then a tree of tests over
    them, each leaf ``unwind_lines``."""
    out = []

    def tree(first, searches, depth):
        pad = "    " * depth
        if len(searches) == 1:
            out.extend(pad + x for x in unwind_lines(searches[0][0], nslots, searches[0][1], tb))
            return
        mid = len(searches) // 2
        out.append(pad + "if k_ < %d:" % (first + mid))
        tree(first, searches[:mid], depth + 1)
        out.append(pad + "else:")
        tree(first + mid, searches[mid:], depth + 1)

    if g.unwind_of is not None:
        out.append("k_ = %s[%s]" % (g.unwind_of, at))
    tree(0, g.unwindings, 0)
    return out


# the most leaves _merged_unwinding writes (each an unwinding's lines)
_MERGED_LEAVES = 32


def _merged_unwinding(g, at, nslots, tb=None):
    """The temporaries' clearing (block_temps) and the unwinding
    (_static_unwinding) of the instruction ``at`` (an expression; known) as
    one tree of tests over ``at``: the instructions in runs over which both
    are the same, each leaf the run's clearing then its unwinding's lines.
    Two trees (``at`` for the temporaries, then ``k_ = unwind_of[at]`` and
    its own tests) cost an exception a function catches ~16 host bytecodes
    more.  None where the runs are more than _MERGED_LEAVES (the leaves
    repeat the unwindings' lines): the two trees then."""
    segs = _temp_segs(g)
    of = g.unwind_seq
    n = len(of)
    firsts = [j for j, _ in segs]
    # (``at`` is an instruction the host line table names: one with lines
    # in the body; the others, which raise nothing, join any run)
    named = {step for _, _, step in g.body}
    runs = []       # [first instruction, temporaries, unwinding]
    k = 0
    for j in range(n):
        while k + 1 < len(firsts) and firsts[k + 1] <= j:
            k += 1
        if j not in named:
            continue
        names = tuple(segs[k][1]) if segs else ()
        if runs and runs[-1][1:] == [names, of[j]]:
            continue
        runs.append([j, names, of[j]])
        if len(runs) > _MERGED_LEAVES:
            return None
    if not runs:
        return None

    def leaf(rs):
        if len(rs) > 1:
            return None
        _, names, u = rs[0]
        # (the last made first: CPython's unwinding pops the top first)
        lines = [nones(list(names[::-1]))] if names else []
        search, top = g.unwindings[u]
        return lines + unwind_lines(search, nslots, top, tb)

    return _halving_tree(at, runs, leaf, 0)


def _halving_tree(at, items, leaf, depth):
    """Lines choosing among ``items`` (each (first instruction, ...), in
    order) by tests of the guest instruction ``at`` against the middle
    one's first instruction, halving each time: ``leaf(items)`` gives the
    lines for items left to one branch, or None to halve them further.  The
    unwinding and clearing trees of the frame-based shape share it."""
    return _halving(at, items, leaf, depth)[0]


_COMPOUND = ("if ", "elif ", "else", "for ", "while ", "with ", "try", "except", "finally", "def ",
             "class ", "async ")


def _halving(at, items, leaf, depth):
    """_halving_tree's lines, and whether every path through them leaves by
    a ``continue`` or ``break`` (an unwinding's leaves do, clearing's do
    not).  A test whose lower half leaves that way is written ``if at >= K:
    pass`` with that half under its ``else:`` and the upper half after it,
    one level out: the host's COMPARE_OP is then followed by a short
    POP_JUMP (over a JUMP_FORWARD), which 3.11 specializes
    (COMPARE_OP_INT_JUMP); ``if at < K:`` over a lower half longer than 255
    code units had an EXTENDED_ARG between them: a generic compare
    (PyObject_RichCompare, a bool, its POP_JUMP) at each exception caught."""
    pad = "    " * depth
    lines = leaf(items)
    if lines is not None:
        # (a simple statement at the leaf's own level, not a one-line
        # compound one whose ``break`` is conditional)
        last = lines[-1] if lines else ""
        return [pad + x for x in lines], (
            last == last.lstrip() and not last.startswith(_COMPOUND)
            and (last in ("break", "continue") or last.endswith(("; break", "; continue"))))
    mid = len(items) // 2
    low, low_leaves = _halving(at, items[:mid], leaf, depth + 1)
    if low_leaves:
        high, high_leaves = _halving(at, items[mid:], leaf, depth)
        return ["%sif %s >= %d: pass" % (pad, at, items[mid][0]), pad + "else:"] + low + high, high_leaves
    high, _ = _halving(at, items[mid:], leaf, depth + 1)
    return ["%sif %s < %d:" % (pad, at, items[mid][0])] + low + [pad + "else:"] + high, False


_TEMPS_MERGED = 8


def _temp_segs(g):
    """block_temps' segments: (first instruction, [temporaries]) by
    instruction, the temporaries an exception at an instruction from that
    first one on (to the next segment's) may have left holding values."""
    starts = dict(g.block_starts)
    segs = []
    t0 = low = 0
    for j, upto in g.inst_temps:
        if j in starts:
            t0 = low = starts[j]
        elif upto - low <= _TEMPS_MERGED:
            # (a few instructions share a clearing of what the last of them
            # made: a test fewer for a few temporaries more, and source a
            # few lines per block, not per instruction)
            segs[-1] = (segs[-1][0], ["t%d" % k for k in range(t0 + 1, upto + 1)])
            continue
        else:
            low = segs[-1][1] and int(segs[-1][1][-1][1:]) or t0
        segs.append((j, ["t%d" % k for k in range(t0 + 1, upto + 1)]))
    return segs


def block_temps(g, at):
    """Lines dropping the temporaries guest instruction ``at`` (an
    expression; all of them when it is negative: not known) may have left
    holding values: those its block made up to its end.  Every block of the
    dispatch shape starts with its stack in the slots, so what an exception
    interrupts (the values CPython's unwinding pops) is in temporaries made
    in its own block, by it or before it; clearing every temporary of the
    function cost main of bench/programs/exceptions.py 160 host bytecodes
    per exception it caught."""
    segs = _temp_segs(g)       # (first instruction, [temporaries]), by instruction
    out = ["if %s < 0: %s = None" % (at, _temps(g, True))]

    def leaf(ss):
        names = [n for _, ns in ss for n in ns]
        if len(ss) > 1 and names:
            return None
        # (the last made first: CPython's unwinding pops the top first)
        return [nones(names[::-1]) if names else "pass"]

    if not segs:
        return out
    return out + ["else:"] + _halving_tree(at, segs, leaf, 1)


def _lean_source(code, g, nslots, comments):
    code_p = g.param(code)
    # (the guest instruction of each host bytecode offset, filled once the
    # host code is compiled, _lean_make: the except clause's inline raw
    # entry reads its head entry's tb_lasti there; a global of the
    # function's own namespace, LEAN_OFFSETS_, not a closure value, which
    # every call would copy into its frame: fib 4.34x -> 4.39x)
    g.lean_offsets = []
    nargs = nparams(code)
    args = ", ".join("l%d" % i for i in range(nargs))
    rest = ["l%d" % i for i in range(nargs, code.co_nlocals)]
    # the free cells (after the locals and the code's own cells, as in
    # f_localsplus): parameters of an inner factory ``bind`` that ``make``
    # returns, so host closure variables of the lean function, bound once per
    # guest function (bind_lean: one host function made, no more)
    first_free = code.co_nlocals + len(code.co_cellvars)
    cells = ["l%d" % (first_free + k) for k in range(len(code.co_freevars))]
    nplus = first_free + len(cells)
    # entered at instruction 0 only: one block, or host if/while (t2struct);
    # else a dispatch loop, entered at a loop header too (osr_entry), with the
    # frame's locals and value stack
    single = g.nblocks == 1 or g.structured
    head = [
        "def make(%s):" % ", ".join(["p%d" % i for i in range(len(g.params))]
                                    + ["globals_", "builtins_"]),
        "    def t2(tstate%s, frame0=OUTSIDE%s):" % (
            "".join(", " + a for a in args.split(", ") if a),
            "" if single else ", blk=0%s%s" % (
                "".join(", %s=NULL" % x for x in rest),
                "".join(", s%d=None" % k for k in range(nslots)))),
        # (a tracer attached keeps t2_room at 0: the one comparison also
        # sends the call to the traced loop, lean_room)
        "        depth = tstate.depth",
        "        if depth >= tstate.t2_room and lean_room(tstate):",
        "            if tstate.tracer is not None: return traced_call(tstate, %s, globals_, "
        "builtins_, [%s], frame0, (%s))" % (code_p, args, "".join(c + ", " for c in cells)),
        "            raise recursion_error()",
        # (the slot is empty: each call empties it as it leaves, settle,
        # lean_raise, deopt; a frame handed in is stored as it is entered)
        # (called by lean code, frame0 None: tstate.frame is LEAN already and
        # stays so, nothing saved, nothing restored; else the caller's frame
        # is saved, below: t2frames)
        # (``back`` is set only where the caller's frame is saved, below: a
        # lean caller's callee has none, t2frames._snapshot and lean_raise
        # read LEAN for it; two host bytecodes a call)
        "        fr = tstate.t2_frs[depth]; tstate.depth = depth + 1",
    ]
    if rest and single:
        head.append("        %s = NULL" % " = ".join(rest))
    # a Frame the plain loop made or ran (run_callee, osr_entry): its locals,
    # and at a loop header its value stack, move into the host locals (the
    # caller passes NULLs: neither the Frame nor an argument tuple keeps a
    # value the guest rebinds alive), and it is linked to this host frame
    # (the code's own cells too: the plain loop's binder made them)
    nown = code.co_nlocals + len(code.co_cellvars)
    moved = ["l%d" % i for i in range(nown)]
    stacked = not single or g.entry
    if stacked:
        moved += ["s%d" % k for k in range(nslots)]
    take = ["if frame0 is not None:",
            "    back = tstate.frame; tstate.frame = LEAN",
            "    if frame0 is not OUTSIDE: fr[0] = frame0; %senter(frame0, %d, %d)" % (
                "%s, = " % ", ".join(moved) if moved else "", nown, nslots if stacked else 0)]
    if code.co_cellvars:
        # else the code's own cells are made here, as 3.10's frame creation
        # makes them: an argument that is a cell moves into it (its local
        # cleared), the others start empty
        cells_made = "; ".join(_make_cells(code))
        take.insert(3, "    else: %s" % cells_made)
        take.append("else: %s" % cells_made)
    body = g.body
    if single:
        if not g.structured:
            # one basic block (no jump): no dispatch loop, the body runs straight
            body = [(indent - 2, text, step) for indent, text, step in body[4:]]
        head += ["        try:"] + ["            " + x for x in take]
    else:
        head += (["        try:"] + ["            " + x for x in take]
                 + ["            while True:"])
    # (the runs CPython's compiler writes without temporaries: t2peep)
    raw = code._decoded.raw
    body = _t2peep.rewrite(body, {j for j in comments
                                  if raw[j][0] in (_K.IS_OP, _K.CONTAINS_OP)},
                           {j for j in comments if raw[j][0] == _K.COMPARE_OP}
                           if _FUSE_COMPARE else ())
    body = _invert_empty_ifs(body)
    lines = list(head)
    linemap = [0] + [-1] * len(head)
    base = 3 if single else 4
    # (each return leaves as the clause below does, the depth and frame put
    # back: no host ``finally``, whose handler an exception leaving the
    # function entered after the except clause's, _lean_returns)
    returns = _lean_returns(body)
    for k, (indent, text, step) in enumerate(body):
        if text == "pass" and k + 1 < len(body) and body[k + 1][0] >= indent:
            continue        # (a NOP per block entry: only an empty block needs it)
        note = comments.get(step)
        if returns is not None and k in returns:
            cond, value = returns[k]
            if cond is not None:
                lines.append("    " * (indent + base) + cond + ":")
                linemap.append(step)
                indent += 1
            for x in _lean_leave(value):
                lines.append("    " * (indent + base) + x)
                linemap.append(step)
            lines[-1] += ("  # " + note if note else "")
            continue
        lines.append("    " * (indent + base) + text + ("  # " + note if note else ""))
        linemap.append(step)
    if returns is not None:
        # (falling off the end, as a ``finally`` would see it)
        for x in _lean_leave("None"):
            lines.append("    " * base + x)
            linemap.append(-1)
    text = "\n".join(lines)
    named = set(_SLOT_NAME.findall(text))
    # (and the temporaries it names: a translation's rewrites leave some
    # made and never written, fib's t1)
    temps = set(_TEMP_NAME.findall(text))
    dropped = ([x for x in ("s%d" % k for k in range(nslots)) if x in named]
               + [x for x in ("t%d" % k for k in range(1, g.ntemps + 1)) if x in temps])
    clear = " = ".join(dropped) + " = None" if dropped else None
    # (naming every cell in lean_raise's call also keeps each one a closure
    # variable of the host function, so its host frame's f_locals has it for
    # t2frames)
    # (lean_raise raises a frame observed while it ran, not this function:
    # raised here, a comprehension's materialised frame was gone before its
    # caller's entry was made, and 3.12+'s inlined comprehensions read it
    # there, tests/vm/test_host_versions.py; on 3.11+ hosts it returns for the
    # others, and the bare ``raise`` below re-raises the exception)
    slow = ("lean_raise(tstate, e, fr, LEAN if frame0 is None else back, globals_, "
            "builtins_, (%s))" % "".join("l%d, " % i for i in range(nplus)))
    back_ = _osr_stack_back(code, g)
    if returns is None:
        tail = _lean_tail_finally(clear, slow, dropped, back_)
    else:
        # (the exception from sys.exception, no ``as e``: the name's own
        # cleanup handler, an unwinding step more; cleared by the inner
        # ``finally``, which also puts the depth and frame back: entered as
        # a handler only when the clause's own work raises)
        tail = ["        except BaseException:",
                "            try:",
                "                e = host_exception_()"]
        if back_:
            tail.append("                " + back_)
        if clear:
            tail.append("                " + clear)
        tb = dropped[-1] if dropped else "tb_"
        if LAZY_ENTRIES:
            tail += [
                # (lean_raise's usual case inline, LAZY_ENTRIES: the call not
                # observed (no Frame made), the head entry, this host frame's
                # own, at a guest instruction, an exception that needs nothing
                # of lean_raise (a Reraise, a stop, MemoryError's hook, a
                # NameError's "Did you mean" from the Frame): the raw entry
                # stays, and t2_caught is called only when it has something to
                # do, entries after this one or a handled exception to chain;
                # no host call, host frame read or line-table walk, ~1,500
                # host instructions)
                "                if fr[0] is None and (%s := exc_traceback_(e)) is not None and "
                "LEAN_OFFSETS_[%s.tb_lasti] >= 0 and not issubclass(type(e), LEAN_SLOW_):"
                % (tb, tb),
                "                    if %s.tb_next is not None or handled_[0]: "
                "tracebacks_.t2_caught(tstate, e, %s)" % (tb, tb),
                "                else:",
                "                    %s = None" % tb,
                "                    " + slow,
                "            finally:",
                "                e = %s = None" % tb,
            ]
        else:
            tail += ["                " + slow,
                     "            finally:",
                     "                e = None"]
        tail += [
            "                tstate.depth = tstate.depth - 1",
            "                if frame0 is not None: tstate.frame = back",
            # (the exception leaves as it is, its traceback entries made;
            # _BARE_RERAISE)
            "            raise",
            "    return t2",
        ]
    lines += tail
    linemap += [-1] * len(tail)
    if cells:
        # (t2 one level further in: the host line numbers move by one)
        lines = (lines[:1] + ["    def bind(%s):" % ", ".join(cells)]
                 + ["    " + ln for ln in lines[1:]] + ["    return bind"])
        linemap = linemap[:2] + [-1] + linemap[2:] + [-1]
    return "\n".join(lines) + "\n", linemap


def _osr_stack_back(code, g):
    """The line of a lean function entered at a loop header (lean_osr) inside
    a ``try`` or an except clause that gives the Frame back the values below
    its innermost block as an exception leaves, or None.  Its prologue took the
    Frame's value stack into the slots (t2frames.enter), and the plain loop's
    unwinding of the exception in that Frame (osr_entry's Reraise) pops down to
    the block's level and, past an except clause's block, the exc_info it saved
    there: with the stack left empty the handler found nothing to pop
    (IndexError, "pop from empty list").  Lean code has no block instructions,
    so the block stack is the one the Frame entered with, and the slots below
    its top block's level (and an except clause's block's saved exc_info,
    the three values above its level) hold what they held at the entry."""
    if not g.entry:
        return None
    d = code._decoded
    h = stack_depths(d.raw, d.basic)[g.entry] or 0
    if not h:
        return None
    return ("if type(fr[0]) is Frame and (bs_ := fr[0].f_blockstack): "
            "fr[0].f_valuestack[:] = (%s,)[:bs_[-1][2] + (3 if bs_[-1][0] == EXCEPT_HANDLER "
            "else 0)]; bs_ = None"
            % ", ".join("s%d" % k for k in range(h)))


def _lean_tail_finally(clear, slow, dropped, back_=None):
    """The except clause and ``finally`` of a lean body whose returns
    _lean_returns does not know (never among the dumped programs'; kept so
    that an unforeseen form stays in tier 2)."""
    tail = ["        except BaseException as e:"]
    if back_:
        tail.append("            " + back_)
    tail += [
        # (the value stack is dropped as the exception leaves: the host frame
        # its traceback keeps must not hold the slots' and temporaries' values)
        "            %s" % (clear or "pass"),
    ]
    if LAZY_ENTRIES:
        tb = dropped[-1] if dropped else "tb_"
        tail += [
            "            if fr[0] is None and (%s := exc_traceback_(e)) is not None and "
            "LEAN_OFFSETS_[%s.tb_lasti] >= 0 and not issubclass(type(e), LEAN_SLOW_):" % (tb, tb),
            "                if %s.tb_next is not None or handled_[0]: "
            "tracebacks_.t2_caught(tstate, e, %s)" % (tb, tb),
            "                %s = None" % tb,
            "                raise",
            "            %s = None" % tb,
        ]
    tail += [
        "            " + slow,
        "            raise",
        # (leaving decrements, as the plain loop's inline frames do: an outermost
        # host entry's C checks counted late (cdepth.charge_outer, from inside a
        # call of this one) stay counted until that entry returns; written
        # as an assignment, one host bytecode fewer than ``-=``: no COPY, SWAP)
        "        finally:",
        "            tstate.depth = tstate.depth - 1",
        "            if frame0 is not None: tstate.frame = back",
        "    return t2",
    ]
    return tail


_LEAN_RETURN = re.compile(r"(?:((?:el)?if [^'\"]*?)\s*:\s+)?return\b\s*(.*)$")


def _lean_returns(body):
    """{body index: (the ``if``/``elif`` it is under on its line or None,
    the returned expression)} of a lean body's returns, or None when a line
    names ``return`` in a form not known here (the body then keeps its
    ``finally``)."""
    out = {}
    for k, (indent, text, step) in enumerate(body):
        if "return" not in text or not _RETURN_WORD.search(text):
            continue
        m = _LEAN_RETURN.match(text)
        if m is None or not m.group(2) or _RETURN_WORD.search(m.group(2)):
            return None
        out[k] = (m.group(1), m.group(2))
    return out


_RETURN_WORD = re.compile(r"\breturn\b")
_SIMPLE_VALUE = re.compile(r"[lstp]\d+|None|NULL")


def _lean_leave(value):
    """A return of ``value`` with the depth and frame put back (what the
    ``finally`` of the function did: decremented, as the plain loop's inline
    frames do, an outermost host entry's C checks counted late (cdepth.
    charge_outer, from inside a call of this one) staying counted until that
    entry returns); a call (deopt) is made first, its result held in
    ``depth``, which nothing reads after the prologue."""
    if _SIMPLE_VALUE.fullmatch(value):
        return ["tstate.depth = tstate.depth - 1",
                "if frame0 is not None: tstate.frame = back",
                "return " + value]
    return ["depth = " + value,
            "tstate.depth = tstate.depth - 1",
            "if frame0 is not None: tstate.frame = back",
            "return depth"]


def _make_cells(code):
    """The statements making a lean call's own cells (call.make_cells' work)."""
    cell2arg = code._decoded.cell2arg
    out = []
    for c in range(len(code.co_cellvars)):
        a = cell2arg[c] if cell2arg is not None else None
        if a is None:
            out.append("l%d = Cell()" % (code.co_nlocals + c))
        else:
            out.append("l%d = Cell(l%d); l%d = NULL" % (code.co_nlocals + c, a, a))
    return out


_SLOT_NAME = re.compile(r"\bs\d+\b")
_TEMP_NAME = re.compile(r"\bt\d+\b")


_EMPTY_IF = re.compile(r"if (.*):((?:  %s\d+)?)" % re.escape(_t2peep.JUMP_MARK))


def _invert_empty_ifs(body):
    """``if c:`` / ``pass`` / ``else:`` (a conditional jump whose path
    writes nothing, t2struct.Tree.jump) as ``if not (c):``, the else branch
    its body: the host compiles the ``not`` into the jump, and the path that
    took the empty branch runs no NOP and no jump over the other one (fib's
    recursive calls, richards' ``if x is None`` tests)."""
    out = []
    k, n = 0, len(body)
    while k < n:
        indent, text, step = body[k]
        if text[:3] == "if " and k + 2 < n and body[k + 1][:2] == (indent + 1, "pass"):
            e = k + 1
            while e < n and body[e][:2] == (indent + 1, "pass"):
                e += 1
            if (e < n and body[e][:2] == (indent, "else:")
                    and (m := _EMPTY_IF.fullmatch(text)) is not None):
                out.append((indent, "if %s:%s" % (_negated(m.group(1)), m.group(2)), step))
                k = e + 1
                continue
        out.append(body[k])
        k += 1
    return out


def _negated(cond):
    """The text of ``not (cond)``: ``(c)`` where ``cond`` is ``not (c)``,
    its parenthesis closed by the last character (brackets counted outside
    string literals; no import: this may run while the host finalizes)."""
    if cond.startswith("not (") and cond.endswith(")"):
        depth, quote, i, n = 0, None, 4, len(cond)
        while i < n:
            c = cond[i]
            if quote is not None:
                if c == "\\":
                    i += 1
                elif c == quote:
                    quote = None
            elif c in "'\"":
                quote = c
            elif c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        if i == n - 1 and depth == 0:
            return "(%s)" % cond[5:-1]
    return "not (%s)" % cond


def _temps(g, last_first=False):
    """``t1 = t2 ...``: every temporary of translation ``g``, for one
    assignment (``last_first``: the last made first, as unwinding pops)."""
    names = ["t%d" % k for k in range(1, g.ntemps + 1)]
    return " = ".join(names[::-1] if last_first else names)


# id of a guest code -> (code, factory, params) of its lean function, or False
# (not lean).  By identity: code objects compare equal by value.
_LEAN = {}
def nparams(code):
    """How many fast locals a call binds: the parameters, keyword-only ones,
    then *args and **kwargs (the lean function's host parameters)."""
    flags = code.co_flags
    return (code.co_argcount + code.co_kwonlyargcount + ((flags >> 2) & 1)
            + ((flags >> 3) & 1))


def _compile_lean(code, d, tree=True, entry=0):
    """[code, factory, params, last binding, free count, takes ``blk``]
    of ``code``'s lean function (host if/while where its jumps allow, else
    the dispatch shape: ``tree`` False), or False; ``entry``: a structured
    function entered at that loop header only (lean_osr)."""
    if code.co_flags & _CO_GENERATORS or not eligible(code, d.raw):
        return False
    if tree:
        try:
            made = _lean_make(code, d, True, entry)
        except _t2struct.Unstructured:
            made = None
        if made is not None or entry:
            return made or False
    try:
        return _lean_make(code, d, False) or False
    except _t2struct.Unstructured:
        return False


def _lean_make(code, d, tree, entry=0):
    global _count
    try:
        g, nslots, comments = translate(code, d, _Lean, tree, entry)
        src, linemap = _lean_source(code, g, nslots, comments)
        if g.literals and _IS_LITERAL.search(src):
            # (``x is (1)``, ``(1)()``: the guest's own, which the host
            # compiler would warn about again where the guest's did already:
            # its constants as closure values instead)
            g, nslots, comments = translate(code, d, _LeanNoLiterals, tree, entry)
            src, linemap = _lean_source(code, g, nslots, comments)
    except (ValueError, AssertionError, _NotLean):
        return None
    _count += 1
    filename = _filename(code).replace("<tier2 ", "<tier2 lean ")
    ns = dict(_namespace())
    ns["LEAN_OFFSETS_"] = g.lean_offsets
    try:
        host_code = compile(src, filename, "exec")
    except (SyntaxError, RecursionError, MemoryError):
        return None         # (the host's compiler has limits: nesting, size)
    exec(host_code, ns)
    make = ns["make"]
    _t2f.install()     # (frames of lean calls read their position and locals there)
    nfree = len(code.co_freevars)
    probe = make(*g.params, {}, {})
    if nfree:
        probe = probe(*[None] * nfree)
    _t2f.LEAN_CODES[id(probe.__code__)] = _t2f.LeanInfo(code, linemap, d, probe.__code__,
                                                        _fused_jumps(src))
    if LAZY_ENTRIES:
        fill_offsets(probe.__code__, linemap, g.lean_offsets)
        _tracebacks.register_raw(probe.__code__, _tracebacks.RAW_LEAN)
    linecache.cache[filename] = (len(src), None, src.splitlines(True), filename)
    _dump(code, filename, src)
    # (lean_for: the last binding)
    return [code, make, tuple(g.params), [None, None, None], nfree,
            not g.structured and g.nblocks > 1]


# (id(code), loop header) -> what _compile_lean made for frames entering there
_LEAN_OSR = {}


def lean_osr(code, g, b, index):
    """The lean function a frame of ``code`` enters at loop header ``index``
    (on-stack replacement), called with ``blk`` = ``index`` (the dispatch
    shape) or without (a structured function written from that header on,
    made at the first such entry, and alone: a function called once whose
    loop got hot never needs its entry at instruction 0); None for the
    frame-based function: code with free variables, code whose calls already
    enter it structured (hot by its calls, its frames reaching a loop header
    in tier 1 are few: a function of its own for each header would cost more
    to compile than it saves), and structured code whose translation from
    that header did not fit (its entry at instruction 0 takes no ``blk``)."""
    ent = _LEAN.get(id(code))
    if ent is None:
        d = code._decoded
        if d is None or d.t2 is None or code.co_freevars or (
                g.__class__ is not dict or b.__class__ is not dict):
            return None
        key = (id(code), index)
        osr = _LEAN_OSR.get(key)
        if osr is None:
            if len(_LEAN) + len(_LEAN_OSR) >= MAX_CODES:
                return None
            osr = _LEAN_OSR[key] = _compile_lean(code, d, True, index) or [code, None]
        if osr[1] is not None:
            # (not cached: made once per frame entering at a loop header)
            return osr[1](*osr[2], g, b)
        # (no structured function from that header: the dispatch shape, if
        # that is what the code has, else the frame-based function)
        lean_for(code, g, b)
        ent = _LEAN.get(id(code))
    if ent is None or ent[1] is None or not ent[5]:
        return None
    fn = lean_for(code, g, b)
    return partial(fn, blk=index) if fn is not None else None


def lean_for(code, g, b, closure=None):
    """The lean function of ``code`` bound to globals ``g`` and builtins ``b``
    (translated once per code, bound once per globals), or None.  Code with
    free variables is bound to the cells ``closure`` too, anew each time (its
    function keeps it, bind_lean): no cache of that, which would keep the
    cells' values alive after their function is gone; None without ``closure``."""
    ent = _LEAN.get(id(code))
    if ent is None:
        d = code._decoded
        if d is None or d.t2 is None or len(_LEAN) >= MAX_CODES:
            return None
        ent = _LEAN[id(code)] = _compile_lean(code, d)
        if ent is False:
            _LEAN[id(code)] = ent = [code, None]      # (keeps the id taken)
    make = ent[1]
    if make is None or g.__class__ is not dict or b.__class__ is not dict:
        return None
    nfree = ent[4]
    if nfree and (closure is None or len(closure) != nfree):
        return None
    # The last binding is remembered weakly: a cache that held the function
    # (and through it the guest's globals) would keep the guest's namespace,
    # and its finalizers, alive past the guest's own references, at exit too.
    # While the function lives so do g and b, so their ids still name them.
    last = ent[3]
    fn = last[2]() if last[0] == id(g) and last[1] == id(b) else None
    if fn is None:
        fn = make(*ent[2], g, b)
        ent[3] = [id(g), id(b), _weakref(fn)]
    # (with free variables: ``fn`` binds the cells, one host function per guest
    # function, which keeps it: bind_lean)
    return fn(*closure) if nfree else fn


def bind_lean(func):
    """``func``'s lean tier-2 entry (made once per function), or None."""
    fn = func._lean = lean_for(func._code, func._globals, func._builtins, func._closure)
    n = func._fast_argcount
    if 0 <= n <= LEAN_ARITIES:
        setattr(func, _LEAN_SLOTS[n], fn)
    return fn


# a Function's lean entry is also its slot ``_leanN`` (N its fast arity, up to
# LEAN_ARITIES): a call site of N arguments tests that one attribute
LEAN_ARITIES = 4
_LEAN_SLOTS = ["_lean%d" % n for n in range(LEAN_ARITIES + 1)]


def lean_guard(fn, n, ln):
    """The test of a call site passing ``n`` arguments to Function ``fn``: it has
    a lean entry taking them (bound to ``ln``)."""
    if n <= LEAN_ARITIES:
        return "(%s := %s._lean%d) is not None" % (ln, fn, n)
    return "%s._fast_argcount == %d and (%s := %s._lean) is not None" % (fn, n, ln, fn)


def _dump(code, filename, src):
    if DUMP_DIR:
        try:
            os.makedirs(DUMP_DIR, exist_ok=True)
            with open(os.path.join(DUMP_DIR, os.path.basename(filename).strip("<>")
                                   .replace(" ", "_") + ".py"), "w") as out:
                out.write("# %s (%s:%d)\n" % (code.co_name, code.co_filename,
                                              code.co_firstlineno))
                out.write(src)
        except OSError:
            pass


def _filename(code):
    base = "%s-%s-%d" % (os.path.basename(code.co_filename or "?"), code.co_qualname
                         if hasattr(code, "co_qualname") else code.co_name,
                         code.co_firstlineno)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in base)
    return os.path.join(_PKG, "<tier2 %s #%d>" % (safe, _count))


def compile_code(code, d):
    """Translate ``code`` to tier 2 and install it (d.t2); False if it stays in tier 1."""
    d.t2state = 3           # tried (whatever happens below)
    if _count >= MAX_CODES or not eligible(code, d.raw):
        return False
    if code.co_flags & _CO_GENERATORS:
        return _tier2gen.compile_gen(code, d)
    d.t2 = _deferred(code, d)
    # what a frame handed back to tier 1 runs (deopt, to_tier1): the plain
    # list without the loop headers' counters, which would only call through
    # to the instruction now (a deoptimised loop over a guest generator paid
    # one more host call per iteration than tier 1: dict_string)
    header = _si.HEADER_CODE
    d.t1instrs = [(fn.orig, arg) if getattr(fn, "__code__", None) is header else (fn, arg)
                  for fn, arg in d.instrs]
    # frames the plain loop starts (instruction 0), or already running ones
    # reaching a loop header, enter tier 2 (on-stack replacement)
    instrs = d.instrs
    depth = stack_depths(d.raw, d.basic)
    entries = {0}
    for i, (op, arg) in enumerate(d.raw):
        kind = _K.argkind[op]
        if kind in (_K.ARG_JREL, _K.ARG_JABS):
            t = d.basic[i][1]
            if t <= i and depth[i] is not None:
                entries.add(t)
    for t in entries:
        if t < len(instrs) and depth[t] is not None:
            instrs[t] = (osr_entry, t)
    return True


def _deferred(code, d):
    """``d.t2`` until a frame first needs the frame-based function: then it is
    translated and compiled (``_frame_based``).  Most hot code only ever runs
    its lean functions (calls, a frame entering at instruction 0 or a loop
    header), and the frame-based translation of a function called once whose
    loop got hot cost as much again as its lean one (string_format's main)."""
    def t2(f, tstate, start=0, func=None, args=None):
        if d.t2 is t2:
            d.t2 = _frame_based(code, d)
        return d.t2(f, tstate, start, func, args)
    return t2


_DEFERRED = _deferred(None, None).__code__


def frame_based(code):
    """``code``'s frame-based tier-2 function (made now if it was deferred),
    None if it is not in tier 2: for tests and tools reading its source."""
    d = code._decoded
    t2 = d.t2 if d is not None else None
    if t2 is not None and t2.__code__ is _DEFERRED:
        t2 = d.t2 = _frame_based(code, d)
    return t2


def _frame_based(code, d):
    """``code``'s frame-based tier-2 function, or ``in_tier1`` when its
    translation fails (the host compiler's limits): its frames then run in
    the plain loop, without their tier-2 entries."""
    try:
        g, nslots, comments = translate(code, d)
    except (ValueError, AssertionError):
        g = None
    fn = None
    if g is not None:
        g.call_src = g.resume_src = None
        src, linemap = _source(code, g, nslots, comments, d)
        fn = install(code, src, g, _namespace(), g.resume_src)
    if fn is None:
        d.instrs[:] = d.t1instrs
        return in_tier1
    _registered(fn.__code__, linemap, g.offsets)
    if g.call_src is not None:
        fn.bind_ = _call_form_binder(code, g, linemap)
    return fn


def _registered(host_code, linemap, offsets):
    """A frame-based host code's line table, offsets and raw entries."""
    register_lines(host_code, linemap)
    fill_offsets(host_code, linemap, offsets)
    if LAZY_ENTRIES:
        # (its exceptions leave raw traceback entries: tracebacks._materialize)
        _tracebacks.register_raw(host_code, _tracebacks.RAW_FRAME)


def _call_form_binder(code, g, linemap):
    """``t2.bind_`` of a frame-based function (bound_call): the call form's
    ``bind``, compiled from ``g.call_src`` (_source) at its first use, under
    the same parameters as the resume form and the same file name and line
    numbers; None, and the call sites keep their entry
    (t2entry.frame_entry), where the host's compiler refuses it.  (It holds
    what ``make`` was given, not the resume form's function: no cycle
    through its attribute.)"""
    params, src, offsets = tuple(g.params), g.call_src, g.call_offsets
    made = []

    def bind_(globals_, builtins_, tail_):
        if not made:
            try:
                host_code = compile(src, _filename(code), "exec")
            except (SyntaxError, RecursionError, MemoryError):
                made.append(None)
            else:
                ns = _namespace()
                exec(host_code, ns)
                bind = ns["make"](*params)
                ns["make"] = None
                _registered(next(c for c in bind.__code__.co_consts
                                 if type(c) is type(host_code)), linemap, offsets)
                made.append(bind)
        bind = made[0]
        return bind(globals_, builtins_, tail_) if bind is not None else None
    return bind_


def fill_offsets(host_code, linemap, offsets):
    """``offsets``: the guest instruction of each bytecode offset of
    ``host_code`` (-1 where none), from its line table ``linemap``: the
    except clause reads its head traceback entry's ``tb_lasti`` there, not
    ``tb_lineno``, which the host computes by walking the code's location
    table from its start (linear in the offset: ~1.5 us at line 300 of a
    generated function, 0.2 us for tb_lasti)."""
    table = [-1] * len(host_code.co_code)
    for start, end, line in host_code.co_lines():
        if line is not None and 0 <= line < len(linemap):
            table[start:end] = [linemap[line]] * (end - start)
    offsets[:] = table


def in_tier1(f, tstate, start=0, func=None, args=None):
    """The frame-based tier-2 function of code that has none: ``f`` (or the
    frame of an exact-arity call of ``func``) runs in the plain loop from
    instruction ``start``."""
    if func is not None:
        f = _fast_frame(func, args)
    f.f_instrs = f.f_code._decoded.t1instrs
    if tstate.tracer is not None and not start:
        return traced_run(tstate, f)
    f._lasti = start - 1
    return _eval_plain(tstate, f, None)


def install(code, src, g, namespace, compiled=None):
    """Compile generated source ``src`` (registered with linecache, dumped
    when asked; ``compiled``, when given, the part of it compiled now) and
    return the function its factory makes, or None."""
    global _count
    _count += 1
    filename = _filename(code)
    # (``namespace`` itself, not a copy of it per function: the host's
    # LOAD_GLOBAL reads the entry of a name in the dict's keys, so functions
    # running together read the same entries, not a copy each (~3 KB a
    # copy, ~20 names read by each function).  The source defines ``make``
    # alone there, taken at once and its value dropped: the key stays, as a
    # key added or removed changes the dict's keys version, which every
    # specialised LOAD_GLOBAL of the other functions checks)
    ns = namespace
    try:
        host_code = compile(compiled or src, filename, "exec")
    except (SyntaxError, RecursionError, MemoryError):
        return None         # (the host's compiler has limits: nesting, size)
    exec(host_code, ns)
    fn = ns["make"](*g.params)
    ns["make"] = None
    linecache.cache[filename] = (len(src), None, src.splitlines(True), filename)
    _dump(code, filename, src)
    return fn


# -- the runtime the generated code calls ------------------------------------------------

def osr_entry(f, stack, index):
    """A plain-loop frame at ``index`` (0, or a loop header) continues in tier 2
    to its return; an exception leaving it has been unwound there (Reraise)."""
    tstate = get_tstate()
    d = f.f_code._decoded
    if tstate.tracer is not None:
        handler, arg = d.basic[index]
        return handler(f, stack, arg)
    code = f.f_code
    lean = (lean_for(code, f.f_globals, f.f_builtins) if index == 0
            else lean_osr(code, f.f_globals, f.f_builtins, index))
    tstate.depth -= 1
    tstate.frame = f._f_back
    try:
        if lean is not None:
            # (this Frame is the lean call's frame, its locals and value stack
            # taken by the lean prologue: the arguments passed are NULLs)
            argc = nparams(code)
            if index == 0:
                r = lean(tstate, *(NULL,) * argc, f)
            else:
                # a loop header (on-stack replacement: lean_osr's function)
                r = lean(tstate, *(NULL,) * argc, f)
        else:
            r = d.t2(f, tstate, index)
    except BaseException as e:
        tstate.depth += 1
        tstate.frame = f
        raise _Reraise(e, f._lasti)
    tstate.depth += 1
    tstate.frame = f
    stack.append(r)
    return _RETURN


def unwind_here(tstate, f, exc, lasti, slots):
    """RERAISE or a bare ``raise`` at ``lasti`` in a frame-based function
    (_Function.reraise_here): what ``catch`` does for a Reraise, without the host
    raise.  Returns (handler index or -1, exception)."""
    f._lasti = lasti
    if exc is None:
        raise _Reraise(exc, lasti)  # (as before: unwinding has nothing to unwind)
    stack = f.f_valuestack
    stack[:] = slots
    fr, exc = _unwind(tstate, f, f, exc, False)
    if fr is None:
        return -1, exc
    return f._lasti + 1, exc


def set_blocks(f, bd, hs):
    """Write out the block stack a frame-based body keeps in host locals
    (_virtual_blocks): ``bd``, its blocks as translation knows them (an
    EXCEPT_HANDLER's position None), ``hs`` the positions by depth."""
    f.f_blockstack[:] = [b if b[1] is not None else (b[0], hs[k], b[2])
                         for k, b in enumerate(bd)]


def get_blocks(f, n):
    """Take back the block stack a frame-based body keeps in host locals
    (_virtual_blocks): the positions of its blocks by depth (``n`` of them,
    None past its top); f.f_blockstack is emptied, as the body keeps it."""
    blocks = f.f_blockstack
    hs = [b[1] for b in blocks[:n]]
    del blocks[:]
    return hs + [None] * (n - len(hs))


def plain_handled(tstate, func, args):
    """A plain builtin (call.plain_callables: no intercept, reads nothing of
    the guest's frame) called by tier-2 code while the guest handles an
    exception: what call_host does then (the host's own exc_info showing
    that exception: what the builtin raises chains to it, host code reading
    sys.exc_info sees it), without call_any's, call_push's and call_host's
    tests on the way (in exceptions.py's handlers: ``len(e.args[0])``).
    A call that runs no Python code (len of a builtin container, a plain
    builtin exception's __init__, _str_runs_no_code) is made directly, what
    it raises chained as the host's raise would have."""
    # (the innermost exc_info item read inline, the walk only past an empty
    # one; the host's exception by sys.exception, no sys.exc_info tuple)
    exc = tstate.exc_info.exc_value
    if exc is None:
        exc = tstate.topmost_exception()
    if exc is not None and (host := _host_exception()) is not exc:
        if host is None and ((func is len and args and type(args[0]) in _PURE_LEN_SET)
                             or (type(func) is _WrapperDescriptorType
                                 and func in _PLAIN_EXC_INITS)
                             or (func is str and _str_runs_no_code(args))):
            # (a call that runs no Python code, host or guest, and reads no
            # exc_info: the host's exc_info shows in nothing but the context
            # of what it raises, set here as the host's raise would have
            # (_PyErr_SetObject: the link back cut, then chained); no host
            # raise of ``exc`` to show it, call_in_exc's host frame object,
            # traceback entry and handler, ~250 ns a call: exceptions.py's
            # ``str(e.__cause__)``, ``len(...)``, ``Exception.__init__``)
            try:
                return func(*args)
            except BaseException as err:
                if err is not exc:
                    cut = _x.cut_by_raise(exc, err)
                    if cut is not None:
                        _x.set_context(cut, None)
                    _x.set_context(err, exc)
                err = None
                raise
        return _call_in_exc(exc, func, args, None)
    return func(*args)


# (the types whose atoms ``str`` makes without a Python call: str of a str is
# itself, of an int, float, bool or None a new str; not bytes, whose str()
# warns under -b, a call of the warnings module)
_STR_ATOMS = frozenset((str, int, float, bool, type(None)))
# (builtin exception types whose str() is str() or repr() of their one
# argument, or of the args tuple: BaseException_str, KeyError_str)
_STR_PLAIN_EXC = frozenset((
    BaseException, Exception, ValueError, TypeError, RuntimeError, LookupError,
    KeyError, IndexError, ArithmeticError, ZeroDivisionError, OverflowError,
    AssertionError, NotImplementedError))
# (the __init__ of those: BaseException_init stores the argument tuple and
# runs nothing of the instance or of the arguments)
_PLAIN_EXC_INITS = frozenset(c.__dict__["__init__"] for c in _STR_PLAIN_EXC)
_exc_args = BaseException.__dict__["args"].__get__


def _str_runs_no_code(args):
    """Whether ``str(*args)`` runs no Python code of the host's or the
    guest's: str of an atom or of a plain builtin exception made of atoms.
    (With plain_handled's other two, a plain builtin exception's __init__,
    which stores its argument tuple, and len of a builtin container: what a
    finalizer or the collector runs on the way sees the host's exc_info as
    the generated code's own deallocations and allocations in a guest
    handler do.)"""
    if len(args) != 1:
        return False
    a = args[0]
    cls = type(a)
    if cls in _STR_ATOMS:
        return True
    if cls in _STR_PLAIN_EXC:
        for x in _exc_args(a):
            if type(x) not in _STR_ATOMS:
                return False
        return True
    return False


def t2_raised(tstate, f, e, lines=None):
    """The except clause of a frame-based function whose handlers are known
    at translation (body_lines): where ``e`` was raised (``f._lasti``) and
    its traceback entry, what ``catch`` does before ceval._unwind searches
    the block stack.  Returns (exception, the instruction that raised), or
    (``e``, -1) with nothing done when that is not known (catch then).
    ``lines``: the caller's own line table (T2_LINES of its host code), which
    the traceback's head entry names: the host adds the entry of the frame
    an exception enters before its handler runs, so that entry is the
    caller's (no ``tb_frame.f_code`` read, no ``id()``: each an audit event)."""
    if issubclass(type(e), STOP_OR_MEMORY) and stops_run(e):
        raise e     # a stopped run: past every guest handler (abort.py), as ceval's loop does
    tb = _x.get_traceback(e)      # (the slot: never a guest __getattribute__)
    if tb is None:
        return e, -1
    if lines is None:
        lines = T2_LINES.get(id(tb.tb_frame.f_code))
    cur = lines[tb.tb_lineno] if lines is not None else -1
    if cur < 0:
        return e, -1
    if type(e) is _Reraise:
        tb = None
        if e.exc is None:
            return e, -1    # (nothing to unwind: catch's error, as before)
        f._lasti = cur if e.lasti is None else e.lasti
        e = e.exc
        if not LAZY_ENTRIES:
            _tracebacks.add_entry(tstate, e, f, False)
        return e, cur
    f._lasti = cur
    if LAZY_ENTRIES:
        # (no entry: the host's own stays, raw, tracebacks._materialize; only
        # the VM's entries dropped and the chaining a host-raised exception
        # gets the first time a guest frame sees it)
        _tracebacks.t2_caught(tstate, e, tb, f)
    else:
        # (the head entry, this function's own host frame's: add_entry's walk
        # over the VM's entries starts after it)
        _tracebacks.add_entry(tstate, e, f, True, False, tb)
    return e, cur


def _raised_at(e, f, cur):
    """Set ``f._lasti`` for exception ``e`` raised by tier-2 code at guest
    instruction ``cur`` (-1: not known, f._lasti stays); return (exception,
    whether a traceback entry is added): a re-raise keeps its own position."""
    if cur < 0:
        cur = f._lasti
    if type(e) is _Reraise:
        f._lasti = cur if e.lasti is None else e.lasti
        return e.exc, False
    f._lasti = cur
    return e, True


def catch(tstate, f, e, slots):
    """The except clause of a tier-2 function: where ``e`` was raised, the
    value stack materialised, ceval._unwind for this frame.  Returns
    (handler index or -1, exception, the guest instruction that raised or
    -1: body_lines' clearing of temporaries)."""
    if issubclass(type(e), STOP_OR_MEMORY) and stops_run(e):
        raise e     # a stopped run: past every guest handler (abort.py), as ceval's loop does
    tb = _x.get_traceback(e)      # (the slot: never a guest __getattribute__)
    lines = T2_LINES.get(id(tb.tb_frame.f_code)) if tb is not None else None
    cur = lines[tb.tb_lineno] if lines is not None else -1
    # (_raised_at inline)
    if type(e) is _Reraise:
        f._lasti = (cur if cur >= 0 else f._lasti) if e.lasti is None else e.lasti
        e, add_tb = e.exc, False
    else:
        if cur >= 0:
            f._lasti = cur
        add_tb = True
    tb = None
    stack = f.f_valuestack
    stack[:] = slots
    fr, exc = _unwind(tstate, f, f, e, add_tb)
    if fr is None:
        return -1, exc, cur
    return f._lasti + 1, exc, cur


# the exception the host handles (the one a host raise would chain to as
# ``__context__``), or None: 3.10 has no sys.exception
_host_exception = getattr(sys, "exception", None) or (lambda: sys.exc_info()[1])

_DEOPTED = _t2f.LEAN     # (in a lean call's fr: its frame continued in tier 1 or traced)
_OUTSIDE = _t2f.OUTSIDE


class _Outside:
    """The line table of a host function that runs a frame outside translated code."""

    def __getitem__(self, line):
        return -1


# 3.11+ hosts re-raise the handled exception with the traceback it holds (a
# bare ``raise`` takes ``__traceback__``, which the entries replaced), add no
# traceback entry for the frame re-raising it and set no ``__context__``;
# 3.10's takes the traceback the exception was caught with (exc_info), which
# would undo the entries
_BARE_RERAISE = sys.version_info >= (3, 11)
# A lean call an exception leaves keeps its raw host entry (its alone entry
# made when the traceback can be seen, tracebacks._materialize): where the
# except clause's bare ``raise`` keeps that entry, and where alone_entry
# serves its frames (not 3.12+'s inlined comprehensions, whose entries are
# their caller's)
_LAZY_LEAN = _BARE_RERAISE and sys.version_info < (3, 12)
# Tier 2 leaves its traceback entries raw until they can be seen
# (runtime/tracebacks.py) on 3.11 hosts; 3.12+ (inlined comprehensions,
# whose entries are their callers') and 3.10 (whose bare ``raise`` takes
# exc_info's traceback) make them as the exception passes, as before
LAZY_ENTRIES = _LAZY_LEAN


def lean_raise(tstate, e, fr, back, globals_, builtins_, fast):
    """The except clause of a lean function: its traceback entry (the frame
    materialised, f_lasti from the host line), then the exception leaves:
    raised here, or, on hosts where a bare ``raise`` keeps the traceback the
    entries made (_BARE_RERAISE) and ``e`` itself leaves, by the except
    clause's own bare ``raise`` after this returns (no host frame, traceback
    entry and ``__context__`` save and restore of this function's for the
    next entry to drop again).  (The caller, bindings and locals come as
    arguments: a frame made here needs no read of the host frame's
    f_locals.)"""
    fm = fr[0]
    if fm is _DEOPTED or (issubclass(type(e), STOP_OR_MEMORY) and stops_run(e)):
        fr[0] = fm = None       # (the next call at this depth finds its slot empty)
        if type(e) is _Reraise:
            e = e.exc
        leave(e)        # (unwound where it ran: the deoptimised frame's loop)
    hf = _host_getframe(1)
    if fm is None and type(e) is not _Reraise:
        # Nothing observed the call and the exception was raised in it: its
        # entry straight from what the except clause passes, no Frame made
        # (tracebacks.alone_entry; False where add_entry needs the Frame)
        info = _t2f.LEAN_CODES[id(hf.f_code)]
        tb = _x.get_traceback(e)
        at = info.linemap[tb.tb_lineno] if tb is not None and tb.tb_frame is hf else -1
        if at >= 0 and _LAZY_LEAN and not issubclass(type(e), NameError):
            # No entry: this host frame's stays, raw, with the final locals
            # (tracebacks._materialize makes the alone entry when the
            # traceback can be seen); only the chaining a host-raised
            # exception gets the first time a guest frame sees it.
            _tracebacks.t2_caught(tstate, e, tb)
            hf = info = tb = None
            fr[0] = None
            return      # (the except clause re-raises ``e``)
        # (the head entry, this lean call's own host frame's: the walk over
        # the VM's entries starts after it)
        if at >= 0 and _tracebacks.alone_entry(tstate, e, info.code, at, globals_, fast, tb):
            hf = info = tb = None
            fr[0] = None
            if _BARE_RERAISE:
                return      # (the except clause re-raises ``e``: _BARE_RERAISE)
            context = _x.get_context(e)
            try:
                raise e
            finally:
                _x.set_context(e, context)
                e = context = None
        info = tb = None
    if fm is None:
        # (made with its final locals, never linked to the host frame)
        fm = _t2f.make_direct(hf, back, globals_, builtins_, fast)
        linked = False
    else:
        fm = _t2f.own_frame(fr, hf)
        linked = True
    # (its own host entry, when it is the head, for add_entry's ``after``
    # below: LAZY_ENTRIES only, where that entry is not the VM's own)
    hf_ = hf if LAZY_ENTRIES else None
    hf = None
    fr[0] = None
    tb = _x.get_traceback(e)      # (the slot: never a guest __getattribute__)
    info = _t2f.LEAN_CODES.get(id(tb.tb_frame.f_code)) if tb is not None else None
    exc, add_tb = _raised_at(e, fm, _t2f.index_of(info, tb.tb_lasti, tb.tb_lineno)
                             if info is not None else -1)
    e = None
    # (its locals are the frame's own before the entry is made: a NameError's
    # "Did you mean" reads them)
    if linked:
        _t2f.unlink(fm, fast)
    # (its own host entry, when it is the head: the entry made here is its,
    # the raw entries after it are made first, tracebacks._materialize)
    if hf_ is not None:
        tb = _x.get_traceback(exc)
        if tb is not None and tb.tb_frame is not hf_:
            tb = None
        hf_ = None
        _tracebacks.add_entry(tstate, exc, fm, add_tb, not linked, tb)
        tb = None
    else:
        _tracebacks.add_entry(tstate, exc, fm, add_tb, not linked)
    fm.f_state = _t2f.FRAME_RAISED
    fm = None
    if add_tb and _BARE_RERAISE and not linked:
        # (``exc`` is the except clause's own: it re-raises it.  Not for a
        # frame observed while it ran: raised here, this host frame, its
        # entry kept until the caller's entry is made, keeps ``tb``, the host
        # entries of what raised, which may hold that Frame (``mat(fr)``
        # given to load_global_missed), and 3.12+'s inlined comprehensions
        # read it by tb_head's weak reference: tests/vm/test_host_versions.py)
        return
    # (leave inline: a host frame fewer that the exception passes, whose
    # traceback entry and frame object the next entry drops again)
    context = _x.get_context(exc)
    try:
        raise exc
    finally:
        _x.set_context(exc, context)
        exc = context = None


def deopt(tstate, fr, index, stack, traced):
    """A lean call continues as a Frame at instruction ``index`` + 1 with the
    value stack ``stack``: in the traced loop (a tracer attached) or the plain
    loop (a guest generator to resume inline)."""
    fm = _t2f.own_frame(fr, _host_getframe(1))
    fr[0] = _DEOPTED
    _t2f.detach(fm)
    fm.f_valuestack = list(stack)
    fm.f_blockstack = []
    fm._lasti = index
    fm.f_state = FRAME_EXECUTING
    d = fm.f_code._decoded
    if traced:
        fm.f_instrs = d.instrs
        tstate.frame = fm
        # (``f``: while the traced loop runs it, ceval.live_lasti stops here, at
        # a host frame of T2_LINES running ``f`` outside translated code, and
        # reads f._lasti, which the traced loop keeps; not a plain loop further
        # out that was running this frame before)
        f = fm
        try:
            r = tstate.tracer.resume(tstate, f, f, None)
        finally:
            # (LEAN back as the lean call found it: a call made by lean code
            # restores nothing as it returns, t2frames)
            tstate.frame = _t2f.LEAN
        # (the marker stays while the frame runs elsewhere, and goes as the
        # call returns: the next call at this depth finds its slot empty; an
        # exception leaving: lean_raise)
        fr[0] = None
        return r
    fm.f_instrs = d.t1instrs
    tstate.frame = fm._f_back
    tstate.depth -= 1       # (the plain loop counts the frame again while it runs it)
    try:
        r = _eval_plain(tstate, fm, None)
    finally:
        tstate.depth += 1   # (and the lean call's own exit takes it off)
        tstate.frame = _t2f.LEAN    # (as above)
    fr[0] = None
    return r


register_lines(deopt.__code__, _Outside())


def traced_call(tstate, code, globals_, builtins_, args, frame0, cells):
    """A lean function called while a tracer is attached: a Frame, traced."""
    if type(frame0) is Frame and frame0.f_state == FRAME_CREATED:
        f = frame0      # (run_callee's: not started yet)
    else:
        d = code._decoded
        args += [NULL] * (code.co_nlocals + len(code.co_cellvars) - len(args))
        if code.co_cellvars:
            _make_cells_of(code, d, args)
        args += cells
        f = Frame(code, globals_, builtins_, None, args, d.instrs)
    return tstate.tracer.eval_frame(tstate, f, None)


def run_generic(handler, f, stack, arg):
    """A handler a lean function runs on a list (a Frame it returns: a guest call)."""
    r = handler(f, stack, arg)
    if r is not None:
        if r.__class__ is Frame:
            stack.append(run_callee(r))
        else:
            raise SystemError("tier 2: unexpected handler result %r" % (r,))


def leave(exc):
    """Raise ``exc`` out of a tier-2 function, its __context__ kept (as the
    plain loop: a host caller's handled exception must not be chained)."""
    context = _x.get_context(exc)     # (the slots: never a guest __getattribute__)
    try:
        raise exc
    finally:
        _x.set_context(exc, context)
        exc = context = None


def run_op(handler, f, stack, arg):
    """An ordinary handler run from tier 2: a Frame it returns (a guest call:
    __enter__, __exit__, CALL_FUNCTION_EX, __import__) runs to completion and
    its result is pushed; an int (a jump) is returned."""
    r = handler(f, stack, arg)
    if r is None or r.__class__ is int:
        return r
    if r.__class__ is Frame:
        stack.append(run_callee(r))
        return None
    raise SystemError("tier 2: unexpected handler result %r" % (r,))


def run_callee(fr):
    """Run a callee Frame from tier 2 (in tier 2 if its code is, else the plain loop)."""
    code = fr.f_code
    t2 = code._decoded.t2
    if t2 is None:
        v = _run_frame(fr)
    else:
        tstate = get_tstate()
        lean = lean_for(code, fr.f_globals, fr.f_builtins) if tstate.tracer is None else None
        if lean is not None:
            # (the arguments stay in the Frame: the lean prologue takes them)
            v = lean(tstate, *(NULL,) * nparams(code), fr)
        else:
            v = t2(fr, tstate)
    init_self = fr.f_init_self
    if init_self is not None:
        # (a class's guest __init__: type_call's check, the new object)
        v = _init_result(init_self, v)
    return v


def call_from_host(t2, func, args):
    """Host code calling a guest function whose code is in tier 2 (exact
    arity): what run_frame does for a host re-entry, then the tier-2 function."""
    tstate = get_tstate()
    tstate.reentry += 1
    try:
        if tstate.reentry & 63 == 0:
            _check_host_room(tstate)
        lean = func._lean or bind_lean(func)
        if lean is not None:
            return lean(tstate, *args)
        return t2(None, tstate, 0, func, args)
    finally:
        tstate.reentry -= 1


def call_any(tstate, func, args, moved=None):
    """CALL_FUNCTION / CALL_METHOD other than an exact-arity guest function:
    a bound method of a guest function, or a guest function missing trailing
    defaulted arguments, still runs its tier-2 function directly (the shapes
    bind_frame gives the fast path); a guest function of another shape
    (keyword-only parameters, *args, **kwargs) its lean function through the
    binder (call_bound); anything else through call_push.
    (``moved``: the caller's _moved expression, None, which dropped its own
    references to the arguments: ``args`` is the only holder.)"""
    cls = type(func)
    if cls is MethodType:
        func = _unbind_method(func, args)
        cls = type(func)
    if cls is Function:
        n = len(args)
        if n == func._gen_argcount:
            # (a generator function of the fast shape, asked first: _entry
            # would find no entry for it)
            gen = new_generator(tstate, func, args)
            if gen is not None:
                if n <= LEAN_ARITIES:
                    # (its call sites make its generators through its
                    # entry from now on: tier2gen.gen_entry)
                    setattr(func, _LEAN_SLOTS[n], _tier2gen.gen_entry(func, n))
                return gen
        argcount = func._fast_argcount
        if n != argcount:
            entry = _entry(func, n, ())
            if entry is not None:
                return _call_moving(entry, tstate, args)
        if n < argcount:
            n = _fill_defaults(func, args, n)
        if n == argcount:
            d = func._code._decoded or _decode(func._code)
            if d.t2 is not None:
                lean = func._lean
                if lean is None:
                    ent = _LEAN.get(id(func._code))
                    # (code known not to be lean, one with handlers: no binding to try)
                    if ent is None or ent[1] is not None:
                        lean = bind_lean(func)
                if lean is not None:
                    return _call_moving(lean, tstate, args)
                if argcount <= LEAN_ARITIES:
                    ent = _LEAN.get(id(func._code))
                    if ent is not None and ent[1] is None:
                        # (not lean: the call sites of this arity call its
                        # frame-based function through an entry from now on)
                        t2 = frame_based(func._code)
                        setattr(func, _LEAN_SLOTS[argcount], bound_call(func, t2)
                                or _t2entry.frame_entry(func, d))
                return d.t2(None, tstate, 0, func, args)
        elif argcount < 0:
            if n == func._gen_argcount:
                gen = new_generator(tstate, func, args)
                if gen is not None:
                    if n <= LEAN_ARITIES:
                        setattr(func, _LEAN_SLOTS[n], _tier2gen.gen_entry(func, n))
                    return gen
            return call_bound(tstate, func, args, None)
    elif cls is type and func not in _TYPE_INTERCEPTS:
        # type_call of a class whose metaclass is type, with object.__new__
        # and a guest __init__ of the fast shape: the object, then __init__
        # called as call_any calls a function (lean where it can, missing
        # trailing arguments taken from its defaults; the binder for wrong
        # arities, with self counted, as CPython's messages count it), its
        # result checked
        init = func.__init__
        if type(init) is Function and init._fast_argcount >= 0:
            new = func.__new__
            if new is _object_new:
                # given the arguments as type_call gives them to tp_new: a
                # class whose __new__ was set, then deleted, keeps
                # slot_tp_new, and object_new refuses them then
                obj = _object_new(func, *args)
            elif type(new) is _BuiltinMethod and new in _EXCEPTION_NEWS:
                # a guest exception class: BaseException_new keeps the
                # arguments as ``args`` and runs no guest code (call._call_type
                # calls it the same way, then pushes __init__'s Frame)
                obj = new(func, *args)
            else:
                obj = None
            if obj is not None:
                r = _init_call(tstate, init, obj, args)
                if r is not None:
                    _init_result(obj, r)
                return obj
    st = []
    fr = _call_push(st, func, args, None)
    if fr is None:
        return st[0]
    # (the callee's Frame holds what it was given, not this list; a class's
    # __init__ frame its call's arguments too: call._call_type)
    args = None
    return run_callee(fr)


def entry_key(nargs, kwnames):
    """The key of ``Function._kwcalls`` for a call of ``nargs`` arguments,
    the last ones the keywords ``kwnames`` (interned: a call site's constant
    is the dict's key object)."""
    return sys.intern("%d %s" % (nargs, " ".join(kwnames))) if kwnames else nargs


def _entry(func, nargs, kwnames):
    """``func``'s call entry for this shape (t2entry.py: its lean function
    called with the parameters in order, defaults, ``*args`` and ``**kwargs``
    filled in), made at the first such call and kept in ``func._kwcalls``
    (and, for positional calls of up to LEAN_ARITIES arguments, in its slot
    ``_leanN``, which the call sites test), or None: not lean (yet), or a
    shape the binder refuses."""
    key = entry_key(nargs, kwnames)
    calls = func._kwcalls
    if calls is not None:
        entry = calls.get(key, NULL)
        if entry is not NULL:
            return entry
    lean = func._lean
    if lean is None:
        code = func._code
        d = code._decoded or _decode(code)
        if d.t2 is None:
            return None         # (not hot yet: no answer kept)
        ent = _LEAN.get(id(code))
        lean = None if ent is not None and ent[1] is None else bind_lean(func)
        if lean is None:
            if _LEAN.get(id(code), ent) is not None:
                # (translated, not lean: code with handlers, globals not a
                # dict; so until __code__ changes, which drops the answer)
                if calls is None:
                    calls = func._kwcalls = {}
                calls[key] = None
            return None
    entry = _t2entry.entry_for(func, lean, nargs, kwnames, _entry_slow)
    if calls is None:
        calls = func._kwcalls = {}
    calls[key] = entry      # (None too: the binder's error, at each call)
    if entry is not None and not kwnames and nargs <= LEAN_ARITIES:
        setattr(func, _LEAN_SLOTS[nargs], entry)
    return entry


def _entry_slow(tstate, func, argv, kwnames):
    """An entry whose keyword-only default is missing: the binder's error."""
    npos = len(argv) - len(kwnames)
    return call_bound(tstate, func, argv[:npos], dict(zip(kwnames, argv[npos:])) or None)


def _fill_defaults(func, args, n):
    """``func`` (fast shape) given ``n`` < its arity arguments, the last ones
    in the list ``args``: the missing trailing ones appended from its
    defaults and the arity returned, or ``n`` when its defaults cannot fill
    them (the binder then raises CPython's error)."""
    argcount = func._fast_argcount
    defaults = func._defaults
    if defaults and n >= argcount - len(defaults):
        args += defaults[n - argcount:]
        return argcount
    return n


def _init_call(tstate, init, obj, args):
    """``init(obj, *args)`` for a class call (call_any): its lean function
    called directly when the arguments fill its parameters (its defaults the
    missing trailing ones), else call_any's paths (the binder's errors).
    The arguments are not moved: ``args`` holds them until __init__ returns,
    as type_call's argument tuple does (a parameter __init__ deletes keeps
    its value alive, unlike a function's on 3.11)."""
    lean = init._lean
    if lean is not None:
        n = len(args) + 1
        argcount = init._fast_argcount
        if n < argcount:
            n = _fill_defaults(init, args, n)
        if n == argcount:
            if n == 1:
                return lean(tstate, obj)
            if n == 2:
                return lean(tstate, obj, args[0])
            if n == 3:
                return lean(tstate, obj, args[0], args[1])
            if n == 4:
                return lean(tstate, obj, args[0], args[1], args[2])
            return lean(tstate, obj, *args)
    return call_any(tstate, init, [obj] + args)


def _call_moving(lean, tstate, args):
    """``lean(tstate, *args)`` with the arguments moved: ``args`` is emptied once
    they are on the host's stack (the extra argument, OUTSIDE, is the callee's
    frame0: its caller, this function's, may be frame-based), so while the
    callee runs it alone holds them, as a 3.11+ call of a Python function; a
    star call's tuple would hold them to the end."""
    n = len(args)
    if n == 1:
        return lean(tstate, args[0], args.clear() or _OUTSIDE)
    if n == 2:
        return lean(tstate, args[0], args[1], args.clear() or _OUTSIDE)
    if n == 3:
        return lean(tstate, args[0], args[1], args[2], args.clear() or _OUTSIDE)
    if n == 4:
        return lean(tstate, args[0], args[1], args[2], args[3], args.clear() or _OUTSIDE)
    return lean(tstate, *args)


def call_kw(tstate, func, argv, kwnames, moved=None):
    """CALL_FUNCTION_KW.  A guest function of the fast shape (no *args, **kwargs,
    keyword-only parameters or cells), or in tier 2 with keyword-only
    parameters (no *args, **kwargs or cells), whose keywords all name distinct
    parameters after the positional arguments gets its arguments in order
    (defaults filled in) and is called as an exact-arity call (its lean
    function for the keyword-only shape); anything else, errors included, goes
    through the binder.  (``moved``: as call_any's.)"""
    cls = type(func)
    if cls is MethodType and type(func.__func__) is Function:
        argv = [func.__self__] + argv
        func = func.__func__
        cls = Function
    if cls is Function:
        entry = _entry(func, len(argv), kwnames)
        if entry is not None:
            return _call_moving(entry, tstate, argv)
        fast = func._fast_argcount >= 0
        code = func._code
        d = code._decoded or _decode(code)
        if fast or (d.t2 is not None and not code.co_flags & _CO_STARS):
            plans = d.kwplans       # (_plan_for's cache read inline: once per call)
            plan = plans.get((len(argv), kwnames)) if plans is not None else None
            if plan is None:
                plan = _plan_for(d, code, len(argv), kwnames)
            if plan:
                args = _plan_args(func, argv, plan)
                if args is not None:
                    if fast:
                        argv = None     # (moved: the callee alone holds its arguments)
                        lean = func._lean
                        if lean is not None:
                            # (a plan gives every parameter: the exact arity)
                            return _call_moving(lean, tstate, args)
                        return call_any(tstate, func, args)
                    lean = func._lean or bind_lean(func)
                    if lean is not None:
                        argv = None
                        return _call_moving(lean, tstate, args)
    elif cls is type and func not in _TYPE_INTERCEPTS:
        # a class call with keywords: as call_any's, __init__ called as this
        # function calls a guest function (its plans, else the binder)
        init = func.__init__
        if (type(init) is Function and init._fast_argcount >= 0
                and func.__new__ is _object_new):
            # (the arguments, keywords' values too, reach object_new: only
            # whether there are any counts there, as in call_any's case)
            obj = _object_new(func, *argv)
            # (argv held until __init__ returns: _init_call's note)
            r = call_kw(tstate, init, [obj] + argv, kwnames)
            if r is not None:
                _init_result(obj, r)
            return obj
    nkw = len(kwnames)
    npos = len(argv) - nkw
    kwargs = dict(zip(kwnames, argv[npos:]))
    if cls is Function:
        return call_bound(tstate, func, argv[:npos], kwargs)
    st = []
    fr = _call_push(st, func, argv[:npos], kwargs)
    if fr is None:
        return st[0]
    argv = kwargs = None    # (the callee's Frame holds its arguments)
    return run_callee(fr)


_CO_STARS = 0x4 | 0x8       # CO_VARARGS, CO_VARKEYWORDS


def _plan_for(d, code, nargv, kwnames):
    plans = d.kwplans
    if plans is None:
        plans = d.kwplans = {}
    key = (nargv, kwnames)
    plan = plans.get(key)
    if plan is None:
        plan = plans[key] = _kw_plan(code, nargv - len(kwnames), kwnames)
    return plan


def _plan_args(func, argv, plan):
    """The parameters' values of a call planned by _kw_plan, or None when a
    default is missing (the binder then raises CPython's error)."""
    order, first, kwmissing, argcount = plan
    if first is None and not kwmissing:
        return [argv[k] for k in order]
    args = [argv[k] if k >= 0 else NULL for k in order]
    if first is not None:
        defaults = func._defaults
        first_default = argcount - len(defaults) if defaults else argcount
        if first < first_default:
            return None
        for i in range(first, argcount):
            if args[i] is NULL:
                args[i] = defaults[i - first_default]
    if kwmissing:
        kwdefs = func._kwdefaults
        if kwdefs.__class__ is not dict:
            return None
        for j, name in kwmissing:
            v = kwdefs.get(name, NULL)
            if v is NULL:
                return None
            args[j] = v
    return args


def call_bound(tstate, func, args, kwargs):
    """A guest function called with a shape other than the fast one (keyword-only
    parameters, *args, **kwargs, keywords): the binder fills the fast locals
    (call.bind_args, its errors CPython's) and the lean function is called with
    the parameters' slots, no Frame; without one, a Frame (call_push).  Two
    common shapes skip the binder: positional arguments for a function whose
    keyword-only parameters keep their defaults (call_kw's plans), or filling
    its positional parameters and *args."""
    code = func._code
    d = code._decoded or _decode(code)
    if d.t2 is not None:
        lean = func._lean or bind_lean(func)
        if lean is not None:
            if not kwargs:
                stars = code.co_flags & _CO_STARS
                if stars == 0x4 and not code.co_kwonlyargcount:
                    n = code.co_argcount
                    if len(args) >= n:
                        return lean(tstate, *args[:n], tuple(args[n:]))
                elif not stars:
                    plans = d.kwplans
                    plan = plans.get((len(args), ())) if plans is not None else None
                    if plan is None:
                        plan = _plan_for(d, code, len(args), ())
                    if plan:
                        params = _plan_args(func, args, plan)
                        if params is not None:
                            args = None     # (moved, as call_any's)
                            return _call_moving(lean, tstate, params)
            return lean(tstate, *_bound_params(func, code, d, args, kwargs))
    st = []
    fr = _call_push(st, func, args, kwargs)
    if fr is None:
        return st[0]
    return run_callee(fr)


def _bound_params(func, code, d, args, kwargs):
    """The parameters' values as the binder binds them (its errors), before
    any moves into a cell: the lean prologue makes the code's own cells."""
    fast = _bind_args(func, args, kwargs)
    cell2arg = d.cell2arg
    if cell2arg is not None:
        nlocals = code.co_nlocals
        for c, a in enumerate(cell2arg):
            if a is not None:
                fast[a] = fast[nlocals + c].ob_ref
    return fast[:nparams(code)]


def _kw_plan(code, npos, kwnames):
    """``(order, first, kwmissing, argcount)``: for each parameter (positional,
    then keyword-only) the index in argv of its value (-1: its default), the
    first positional parameter left to its default (None: none), the
    keyword-only ones left to theirs ((index, name) pairs); False when the
    binder must decide (an error, or a keyword that is not a parameter after
    the given positional ones)."""
    argcount = code.co_argcount
    total = argcount + code.co_kwonlyargcount
    if npos > argcount:
        return False
    order = list(range(npos)) + [-1] * (total - npos)
    names = code.co_varnames
    for i, name in enumerate(kwnames):
        try:
            j = names.index(name, code.co_posonlyargcount, total)
        except ValueError:
            return False
        if j < npos or order[j] >= 0:
            return False
        order[j] = npos + i
    missing = [j for j in range(argcount) if order[j] < 0]
    kwmissing = tuple((j, names[j]) for j in range(argcount, total) if order[j] < 0)
    return tuple(order), (missing[0] if missing else None), kwmissing, argcount


def to_tier1(tstate, f, depth, back):
    """The rest of ``f`` in tier 1 (the plain loop, without its tier-2 entries)."""
    tstate.depth = depth
    tstate.frame = back
    f.f_instrs = f.f_code._decoded.t1instrs
    try:
        return _eval_plain(tstate, f, None)
    finally:
        tstate.depth += 1   # (the tier-2 function's own exit takes it off)


def traced_run(tstate, f):
    """A tier-2 frame started while a tracer is attached runs in the traced loop."""
    return tstate.tracer.eval_frame(tstate, f, None)


# Host frames one guest call made from tier 2 can cost at most: the callee's
# function plus the helpers between (call_kw -> run_callee -> t2, or call_kw
# -> a call entry -> the lean function; the lean and exact-arity paths cost
# one, a call entry from the call site two)
HOST_FRAMES_PER_T2_CALL = 4


def host_room(tstate):
    """A tier-2 prologue at depth ``tstate.t2_room``: True when the guest's
    recursion limit is reached (the prologue raises RecursionError), else the
    host's recursion limit is kept above the guest's depth (direct tier-2 calls
    are host Python calls, using no C stack on 3.11+)."""
    # (the prologues test ``depth >= tstate.t2_room``, one comparison, where
    # they tested the recursion limit and ``not depth & 63``, a generic host
    # operation: 3,429 -> 3,311 host instructions per call of fib, callgrind.
    # t2_room is at most the recursion limit (whoever sets that limit sets
    # t2_room to 0) and 64 levels deeper than this call: the host's limit,
    # which only grows (evalframe.fuzz's worker, lowering it between
    # programs, sets t2_room to 0 too), has room for the next 128 levels,
    # each up to HOST_FRAMES_PER_T2_CALL host frames deep: call_any, call_kw
    # and run_callee sit between a frame-based caller and its callee.)
    depth = tstate.depth
    limit = tstate.recursion_limit
    if depth >= limit:
        return True
    want = ((depth + 2 * 64) * HOST_FRAMES_PER_T2_CALL
            + (tstate.reentry + 64) * _pystate.HOST_FRAMES_PER_REENTRY)
    if sys.getrecursionlimit() < want + 512:
        sys.setrecursionlimit(want + 1024)
    room = min(limit, depth + 64)
    # (0 while a tracer is attached: lean prologues then reach lean_room)
    tstate.t2_room = room if tstate.tracer is None else 0
    # (the inline resumptions' bound: below both, one comparison where there
    # were two, tier2gen.emit_inline_step)
    tstate.t2_inl = min(tstate.t2_room, _tier2gen.INLINE_UNCOUNTED_DEPTH)
    frs = tstate.t2_frs
    if len(frs) < room:
        # (a lean prologue at a depth below t2_room takes its ``fr`` there)
        frs.extend([None] for _ in range(room + 64 - len(frs)))
    return False


def lean_room(tstate):
    """A lean prologue at depth ``tstate.t2_room``: True when a tracer is
    attached (the call runs traced) or host_room finds the guest's recursion
    limit reached.  Whoever attaches a tracer sets t2_room to 0 (and host_room
    leaves it there), so the prologue's one comparison finds both: a second
    test of ``tstate.tracer`` at every call cost fib 70 of 2,920 host
    instructions per call (callgrind)."""
    return tstate.tracer is not None or host_room(tstate)


def live_index(hf, frame):
    """The instruction a tier-2 host frame ``hf`` running ``frame`` is at; -1
    when it runs ``frame`` outside the translated body (deoptimised: the
    traced loop keeps f._lasti); None when it runs another frame."""
    lines = T2_LINES.get(id(hf.f_code))
    if lines is None:
        return None
    loc = hf.f_locals
    running = loc.get("f")
    if type(loc) is dict:
        loc.clear()
    loc = None
    if running is not frame:
        return None
    return lines[hf.f_lineno]     # (-1: outside the translated body, f._lasti is exact)


_NS = None
_WrapperDescriptorType = type(object.__init__)     # (the method form: call.plain_callables)
_call_in_exc = None     # (call.call_in_exc, bound by _namespace: call imports this module)


def _namespace():
    global _NS, _RETURN, _Reraise, _unwind, _run_frame, _init_result, _call_push, _pystate
    global _check_host_room, _eval_plain, _unbind_method
    if _NS is None:
        from . import ceval, pystate
        from .ops import RETURN
        from .call import (call_push, unbind_method, TYPE_INTERCEPTS, plain_callables,
                           plain_method_owners, call_in_exc)
        global _call_in_exc
        _call_in_exc = call_in_exc
        from types import BuiltinFunctionType
        global _decode, _TYPE_INTERCEPTS, _bind_args
        _TYPE_INTERCEPTS = TYPE_INTERCEPTS
        from .call import bind_args as _bind_args
        global _make_cells_of
        from .call import make_cells as _make_cells_of
        from .decode import decode as _decode
        from ..objects.genobject import Generator as _Generator
        from ..runtime.builtins import lean_super, lean_super_attr
        global _tracebacks
        from ..runtime import tracebacks as _tracebacks
        from .specialize import fast_frame
        _RETURN = RETURN
        _Reraise = ceval.Reraise
        _unwind = ceval.unwind
        _run_frame = ceval.run_frame
        _init_result = ceval.init_result
        _call_push = call_push
        _unbind_method = unbind_method
        _pystate = pystate
        _check_host_room = ceval.check_host_room
        _eval_plain = ceval.eval_plain
        global _fast_frame
        _fast_frame = fast_frame
        ns = dict(_si.namespace())
        ns.update({
            "fast_frame": fast_frame, "run_frame": ceval.run_frame, "call_any": call_any,
            "call_kw": call_kw, "run_op": run_op, "catch": catch, "leave": leave,
            "unwind_here": unwind_here, "t2_raised": t2_raised,
            "Reraise_": ceval.Reraise, "STOP_OR_MEMORY_": STOP_OR_MEMORY,
            # (what the except clause's inline path leaves to t2_raised, one
            # issubclass over the tuple, as ``type(e) is Reraise or
            # issubclass(type(e), STOP_OR_MEMORY)``: no class derives from
            # Reraise, all three are of metaclass ``type`` (no guest
            # __subclasscheck__ asked); 9 host bytecodes fewer per exception
            # a frame-based function catches)
            "RERAISE_STOP_OR_MEMORY_": (ceval.Reraise,) + STOP_OR_MEMORY, "tracebacks_": _tracebacks,
            # (what a lean function's except clause leaves to lean_raise: the
            # above, and a NameError, whose suggestions read the Frame's
            # locals; all of metaclass ``type``)
            "LEAN_SLOW_": (ceval.Reraise,) + STOP_OR_MEMORY + (NameError,),
            "plain_handled": plain_handled,
            "exc_traceback_": _x.get_traceback, "RAISED_": _t2f.FRAME_RAISED,
            # (the templates' set_traceback, RERAISE's, as BaseException's own
            # with_traceback: what the __traceback__ slot's __set__ does
            # (PyException_SetTraceback, its checks and messages), called as
            # a METH_O method, no argument tuple, where the slot wrapper's
            # __set__ goes through tp_call; its result, the exception, unused)
            "set_traceback": BaseException.with_traceback,
            "traced_run": traced_run, "host_room": host_room, "lean_room": lean_room, "to_tier1": to_tier1,
            "in_tier1": in_tier1, "set_blocks_": set_blocks, "get_blocks_": get_blocks,
            "recursion_error": ceval.recursion_error, "EXECUTING": FRAME_EXECUTING,
            "RETURNED": FRAME_RETURNED, "Function": Function, "NULL": NULL,
            "CREATED": FRAME_CREATED, "Frame": Frame, "new_frame": object.__new__,
            "LEAN": _t2f.LEAN, "OUTSIDE": _t2f.OUTSIDE, "materialise": _t2f.materialise, "getframe": _host_getframe,
            "mat": _t2f.mat, "settle": _t2f.settle, "lean_raise": lean_raise, "deopt": deopt,
            "traced_call": traced_call, "enter": _t2f.enter,
            "run_generic": run_generic, "Generator": _Generator,
            "super_": super, "lean_super": lean_super, "lean_super_attr": lean_super_attr,
            "Cell": _Cell, "plain_": plain_callables(),
            # (not WrapperDescriptorType: a third type to compare cost every
            # call of a callable of another kind, a bound method's, ~1% of
            # richards in host instructions; the exception __init__ wrappers
            # are called by the method form, WrapperDescriptorType_)
            "plain_kinds": (BuiltinFunctionType, type),
            "WrapperDescriptorType_": _WrapperDescriptorType,
            "handled_": pystate.handled,
            "plain_selfs": plain_method_owners(), "BuiltinFunctionType": BuiltinFunctionType,
            "exc_context": _x.get_context, "set_exc_context": _x.set_context,
            "host_exception_": _host_exception,
            "load_traceback_": _tracebacks.load_traceback,
            "standins_": _tracebacks.T2_STANDINS,
            "gen_step": _tier2gen.gen_step, "FALLBACK": _tier2gen.FALLBACK,
            # (tier2gen.emit_inline_step's)
            "check_host_room": ceval.check_host_room, "SUSPENDED": FRAME_SUSPENDED,
            "gen_stopped": _tier2gen.gen_stopped, "leave_chain": _tier2gen.leave_chain,
            "prev_item": _tier2gen.prev_item,
            "gen_stop_": _tier2gen.stop_iteration,
            "list_": list, "pure_len_": frozenset(_PURE_LEN),
            "gen_send_": _tier2gen.Generator.send, "gen_method_send": _tier2gen.method_send,
            "gen_consume": _tier2gen.consume,
            "stays_tier1": _tier2gen.stays_tier1, "gen_adopt": _tier2gen.adopt,
            "type_intercepts_": TYPE_INTERCEPTS, "object_new_": object.__new__,
            "init_result_": ceval.init_result, "t2attr_": _t2attr,
            "exception_news_": _EXCEPTION_NEWS,
            "tv_": _t2attr.version_reader(),
        })
        _NS = ns
    return _NS


_RETURN = _Reraise = _unwind = _run_frame = _init_result = _call_push = _pystate = None
_TYPE_INTERCEPTS = {}
_object_new = object.__new__
# The __new__ of builtin exception classes whose tp_new is BaseException_new
# (it stores the arguments as ``args``, makes the instance of the class given
# and calls nothing of the guest's): a guest subclass is called directly by
# call_any.  (Not OSError, whose __new__ may pick a subclass, nor the groups.)
_BuiltinMethod = type(object.__new__)
_EXCEPTION_NEWS = frozenset(c.__new__ for c in (
    BaseException, Exception, ValueError, TypeError, LookupError, KeyError, IndexError,
    RuntimeError, ArithmeticError, ZeroDivisionError, AttributeError, NotImplementedError,
    AssertionError))
_check_host_room = _eval_plain = _unbind_method = _fast_frame = None


# What tier2gen.py builds on, under public names.
Translation = _Function
Lean = _Lean
NotLean = _NotLean
TIER1_ONLY = _TIER1_ONLY
namespace = _namespace


def warm(code, d):
    """Called when ``code`` is hot (or at decode time in eager mode)."""
    if d.t2state == 1:
        _namespace()
        if not compile_code(code, d):
            _si.uncount_headers(d)      # (stays in tier 1 at tier 1's speed)


# (imported last: tier2gen builds on this module.  tier2gen itself binds
# osr_delegates and new_generator here when it has run (its last lines):
# imported first, it imports this module, whose import of it here then gets
# the module half made, without those names yet)
from . import tier2gen as _tier2gen  # noqa: E402
