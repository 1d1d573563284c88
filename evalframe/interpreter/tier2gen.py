"""Tier 2 for generators: a guest generator's code as a host generator function.

Mirrors what CPython's gen_send_ex / YIELD_VALUE / YIELD_FROM (Objects/
genobject.c, Python/ceval.c, 3.10) do for a generator frame, with the frame's
body translated by tier2.py (the frame-based form: block stack in
``f.f_blockstack``, exceptions through ``tier2.catch``; the fast locals are
host locals of the host generator, ``_HostLocals``, written back into
``f.f_localsplus`` whenever the frame leaves the body, and read from the host
generator's frame by t2frames.refresh meanwhile) and three instructions of
its own:

* ``YIELD_VALUE`` is a host ``yield``: the guest generator object's
  ``_hg`` is the host generator, and ``send``/``next`` resume it directly
  (``resume``), with gen_send_ex's bookkeeping (exc_info item linked,
  ``gi_running``, ``f_back``, ``f_state``, the guest depth) done around it;
* ``YIELD_FROM`` over a guest generator that is in tier 2 too is a host
  ``yield from`` of its host generator: the host delegates (its C code, no
  Python per level), and the bookkeeping of the whole delegation chain (the
  ``_yf`` links, ``_yb`` the weak link back) is done by ``resume`` for every
  level at once; any other receiver continues the frame in tier 1 there;
* ``RETURN_VALUE`` / an exception leaving: the frame's own leave
  (``gen_done``/``gen_raise``: StopIteration -> RuntimeError, PEP 479).

A body without handlers whose locals are host locals is written in host
if/while form (t2struct, ``_Structured``) where its jumps fit, entered at
its start; a generator tier 1 suspended that continues in tier 2 (osr)
enters a function of its own written from where it is (made at the first
such generator); anything else keeps the dispatch shape, which enters at
any block (``blk``).

A FOR_ITER of tier-2 code, and next()/send() (from a builtin, guest code or
tier-2 code), resume a generator through ``gen_next`` (gen_send_ex's entry
and exit for one level inline; the levels of a chain it delegates to by
``_enter_chain``/``_leave_chain``); the rare cases through ``_step``.  A
generator function called by tier-2 code makes its generators through its
call entry (``gen_entry``).

Deoptimisation: throw(), close(), finalisation, a tracer attached at a
resumption, or too deep a delegation chain: ``deopt`` throws
``_DeoptSignal`` into the chain (its innermost level's yield catches it); each level writes its value stack to
``f.f_valuestack`` as tier 1 keeps it at that yield (``f._lasti`` the yield,
or the instruction before a YIELD_FROM) and ends; the generator then goes on
in tier 1 (genobject.py's plain path) at the exact instruction.  A tracer
attaching during a call inside the body deoptimises there, as tier2.py's
functions do (the traced loop runs the frame to its next yield).
"""

import os as _os
import re as _re

from ..objects.cellobject import NULL
from ..objects.frameobject import Frame, FRAME_CREATED, FRAME_EXECUTING, FRAME_SUSPENDED
from ..objects import vmhooks as _vmhooks
from ..objects import excslots as _x
from ..objects.genobject import Generator, swap_to_resumer, restore_resumer
from ..objects.codeobject import make_immutable as _make_immutable
from .. import opcodes as _K
from . import superinstr as _si
from . import bytecodes as _bytecodes
from . import tier2 as _t2
from . import t2frames as _t2f
from . import t2struct as _t2struct
from . import pystate as _pystate
from .pystate import (get_tstate, ExcItem as _ExcItem, MAIN_IDENT as _MAIN_IDENT,
                      main_tstate as _main_tstate, handled as _handled)
from _thread import get_ident as _get_ident
from weakref import ref as _weakref, WeakSet as _WeakSet
from sys import _getframe   # (bound once: a guest may delete or rebind sys._getframe)

_LEAN = _t2f.LEAN
# (the generator call entries' host file: in the package directory, so that
# guest tracebacks drop it as they drop the VM's own frames, as t2entry's)
_ENTRY_FILE = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "<tier2 gen entry>")
_lean_last = _t2f.last_made     # (materialise's last Frame, weakly: gen_next)
_new_obj = object.__new__
_GEN_GLOBALS = Generator.__iter__.__globals__      # (objects/genobject.py's frames)

_CO_GENERATOR = 0x20
_CO_OTHER = 0x80 | 0x100 | 0x200      # coroutine, iterable coroutine, async generator
_YIELD_VALUE = _K.YIELD_VALUE
_YIELD_FROM = _K.YIELD_FROM
_POP_TOP = _K.POP_TOP
# (the instructions that push a handler's block: the code has handlers)
_SETUPS = frozenset(_K.opmap[name] for name in _bytecodes.PUSHES_BLOCK)
# (YIELD_VALUE is declared: bytecodes.translate asks ``suspend``); a
# generator's own forms of bytecodes.FORMS' "delegate" (``yield from``) and
# "return" (the generator finishes)
_FORMS = _bytecodes.FORMS
_OWN = frozenset(n for n, form in _FORMS.items() if form in ("delegate", "return"))
# whether generator bodies keep their locals in host locals (_HostLocals);
# a test turns it off to see the frame-based form
HOST_LOCALS = [True]
_HOST_GENERATORS = []    # (whether t2frames.host_generators was called)
# whether generator bodies without handlers take host if/while form where
# their jumps fit it (_Structured); a test turns it off to see the dispatch shape
STRUCTURED = [True]
# delegation chains longer than this run in tier 1: each level of a host
# ``yield from`` is a C-level call of the host
CHAIN_MAX = 200
# The inline FOR_ITER step (emit_inline_step) does not count its resumption
# as a host re-entry (``tstate.reentry``, pystate.MAX_HOST_REENTRY: the
# host's C stack) below this guest depth, and takes gen_step, which counts,
# at or above it.  Each nested inline resumption is one guest depth level
# more, so at most this many uncounted C-level sends are ever nested, on
# top of the counted ones (a plain host generator nest needs about 300
# bytes of C stack a level: 20,000 levels ran, 30,000 crashed, 8 MB stack).
# The sites test ``tstate.t2_inl``, t2_room capped at it (tier2.host_room).
INLINE_UNCOUNTED_DEPTH = 1000
# (pystate.HOST_NEST_DEPTH: a generator made or adopted that deep runs in
# tier 1 on 3.12)
HOST_NEST_DEPTH = _pystate.HOST_NEST_DEPTH


class _Deopt:
    """What a host generator returns when deopt handed its frame to tier 1."""

    def __repr__(self):
        return "DEOPT"


DEOPT = _Deopt()


class _DeoptSignal(BaseException):
    """What deopt throws into a suspended host generator (a fresh instance
    each time: its traceback dies with it): the yield it waits at catches
    it, hands the frame to tier 1 and returns DEOPT.  Thrown, not sent: a
    value sent would be tested for at every resumption."""


class _Fallback:
    """What _step returns when it did not resume the generator: tier 1 does."""

    def __repr__(self):
        return "FALLBACK"


FALLBACK = _Fallback()


def eligible(code, raw):
    """A plain generator's code that tier 2 can translate (else tier 1)."""
    flags = code.co_flags
    if not flags & 1 or not flags & _CO_GENERATOR or flags & _CO_OTHER:
        return False
    names = _K.opname
    for op, _ in raw:
        name = names[op]
        if name in _OWN:
            continue
        if name in _t2.TIER1_ONLY or name.startswith("<"):
            return False
    return True


# After a host ``yield`` (or ``yield from``): the thread state of the thread
# resuming the frame.  Every resumption (_step, _enter_chain; _leave when a
# delegate returns) makes the frame its thread's current frame first, and no
# other thread's state can have it as its current frame then (a generator
# runs in one thread at a time): the state is looked up only when the frame
# was suspended by another thread.
# (after a yield: another thread may have resumed the body, whose state the
# body's frame is the current frame of then; none can while the main thread's
# state is the only one made, ``multi_`` False: _multi)
_SAME_THREAD = "if multi_ and tstate.frame is not f: tstate = get_tstate()"
_CLOSED_HOST = "return None"


class _GenFunction(_t2.Translation):
    """The frame-based translation with the generator's own instructions."""

    depth0 = 1      # GEN_START pops the first value sent (None)
    own = _OWN
    statement_yields = False

    def __init__(self, bound, nslots):
        super().__init__(bound, nslots)
        # (the values sent to yield statements: temporaries never assigned,
        # which their POP_TOP has nothing to drop of; suspend)
        self.unheld = set()

    def release(self, *exprs, indent=0):
        if self.unheld:
            exprs = [x for x in exprs if x not in self.unheld]
        super().release(*exprs, indent=indent)

    # (LOAD_FAST copies the value: a suspended body's pending reads would
    # be read at the resumption, after anything that ran meanwhile)
    reads_in_place = False

    @staticmethod
    def entries(raw):
        # (after each yield, and each YIELD_FROM: a generator tier 1
        # suspended there continues in tier 2, osr)
        return ([j + 1 for j, (op, _) in enumerate(raw) if op == _YIELD_VALUE]
                + [j for j, (op, _) in enumerate(raw) if op == _YIELD_FROM])

    def own_op(self, name, arg, darg, j):
        if _FORMS[name] == "return":
            v = self.pop()
            # gen_done's (_leave's) work written out: one host call fewer
            # per generator that returns (a tree walk's every generator)
            self.emit("f._lasti = %d; f.f_state = RETURNED; gx_ = f._f_gen(); gx_._running = False" % j)
            self.emit("if gx_._xl: ei_ = gx_._exc_state; tstate.exc_info = ei_.previous_item; "
                      "ei_.previous_item = ei_ = None")
            self.emit("tstate.frame = f._f_back; f._f_back = None; tstate.depth -= 1")
            # (GenBase._finish's; the host generator is dropped while it runs:
            # its caller holds it)
            self.emit("gx_._hg = gx_._yb = f._f_gen = gx_.gi_frame = gx_ = None")
            self.emit("return %s" % v)
            return False
        return self._yield_from(j)

    def _spill(self, extra=()):
        items = list(self.vs) + list(extra)
        return "stack[:] = (%s,)" % ", ".join(items) if items else "del stack[:]"

    def suspend(self, v, sent):
        """YIELD(v) (bytecodes.py): a host ``yield``; ``sent``, the value
        the guest sent, goes on."""
        j = self.step
        self.canonical()
        if v[0] in "ts" and v[1:].isdigit():
            v = "(%s, (%s := None))[0]" % (v, v)    # (the generator keeps no popped value)
        # (f_state: suspended by the resumption, _leave_chain)
        self.emit("f._lasti = %d" % j)
        if self.statement_yields and j + 1 < len(self.raw) and self.raw[j + 1][0] == _POP_TOP:
            # a yield statement: the value sent is popped at once, never
            # held (no store, and no ``sent = None`` at the POP_TOP: release).
            # Structured bodies only: the dispatch shape starts a block at
            # the POP_TOP (osr enters there), the stack written to the slots
            self.unheld.add(sent)
            self.emit("try: yield %s" % v)
        else:
            self.emit("try: %s = yield %s" % (sent, v))
        self.emit("except BaseException as dx_:")
        # (deopt: tier 1 goes on from this yield)
        self.emit("if dx_.__class__ is DeoptSignal: %s; return DEOPT" % self._spill(), 1)
        # (else only the host closing a host generator nothing refers to:
        # the guest generator has gone; never a guest operation)
        self.emit(_CLOSED_HOST, 1)
        self.emit(_SAME_THREAD)
        return True

    def _yield_from(self, j):
        v = self.pop()
        self.canonical()
        it = self.peek()
        r = self.temp()
        # delegate()'s common case written out (a receiver just made: one
        # level, no exc_info item to link; below t2_room, so below the
        # recursion limit with no tracer attached): one host call fewer per
        # ``yield from``; any other case calls it
        # (the value sent first: the constant None of every ``yield from``
        # 3.10 compiles, no test of it then)
        sent = "" if self.is_const(v, type(None)) else " or %s is not None" % v
        self.emit("if type(%s) is not Generator%s or %s._hg is None: dl_ = False"
                  % (it, sent, it))
        self.emit("elif %s._yf is None and not (%s._yb or %s._running or %s._xl) "
                  "and (dg_ := tstate.depth + 1) < tstate.t2_room and dg_ < %d "
                  "and (og_ := f._f_gen()) is not None:" % (it, it, it, it, CHAIN_MAX))
        self.emit("og_._yf = %s; %s._yb = f._f_gen; f._lasti = %d; %s._running = True; "
                  "og_ = %s.gi_frame; og_._f_back = f; og_.f_state = %d; tstate.depth = dg_; "
                  "tstate.frame = og_; og_ = None; dl_ = True"
                  % (it, it, j - 1, it, it, FRAME_EXECUTING), 1)
        self.emit("else: dl_ = delegate(tstate, f, %s, %d)" % (it, j - 1))
        self.emit("if dl_:")
        self.emit("try: %s = yield from %s._hg" % (r, it), 1)
        self.emit("except BaseException: undelegate(f, %s); raise" % it, 1)
        self.emit(_SAME_THREAD, 1)
        # the receiver left for tier 1 (deoptimised), this frame follows
        self.emit("if %s.gi_frame is not None: %s; f._lasti = %d; f.f_state = SUSPENDED; "
                  "return %s" % (it, self._spill(), j - 1, r), 1)
        # (undelegate's store inline; the frame's generator is alive while
        # its body runs, but undelegate's test is kept.  The receiver's
        # ``_yb`` is None already: it returned, and every way a host
        # generator of tier 2 returns without leaving its frame to tier 1
        # (caught above) passes _leave, which clears it; an exception here
        # takes undelegate)
        self.emit("if (og_ := f._f_gen()) is not None: og_._yf = og_ = None", 1)
        # (deoptimise when a tracer attached meanwhile, as after a call)
        keep = list(self.vs)
        self.vs[-1] = r     # (the result replaces the receiver)
        self.emit("if tstate.tracer is not None: %s; f._lasti = %d; %s"
                  % (self._spill(), j, self.leave_loop(-1)), 1)
        self.vs = keep
        # any other receiver: YIELD_FROM in tier 1 (the plain loop from here)
        self.emit("else: %s; f._lasti = %d; %s" % (self._spill([v]), j - 1, self.leave_loop(-2)))
        self.pop()
        self.release(it)
        self.push(r)
        return True


class _HostLocals(_GenFunction):
    """The generator's translation with its guest locals (and cells) as host
    locals ``l0 ..`` of the host generator, as a lean function's: its Frame
    (``gi_frame``) is linked to the host generator's frame while the body
    holds them (t2frames: f_locals, fast_locals(), tracebacks read them
    there, running or suspended), and they are written back into
    ``f.f_localsplus`` whenever the frame leaves the body: return, an
    exception (before its traceback entry is made; taken again when a
    handler of the frame takes it), a hand-over to tier 1 (DEOPT, a receiver
    tier 2 does not delegate to, a tracer attaching)."""

    nplus_next = 0      # (compile_gen: the code's f_localsplus length)
    host_locals = True

    def __init__(self, bound, nslots):
        super().__init__(bound, nslots)
        self.nplus = self.nplus_next

    def emit(self, text, indent=0):
        if "fast" in text and _FAST_WORD.search(text):
            # (a template reading f_localsplus itself: the frame-based form)
            raise _t2.NotLean("f_localsplus named: %s" % text)
        super().emit(text, indent)

    def fast(self, index):
        return "l%d" % index

    # (globals and builtins exact dicts: the prologue hands a frame whose
    # dicts are not to tier 1 from the start)
    exact_dicts = True

    def builtins(self):
        return "builtins_"

    read_in_place = _t2.Lean.read_in_place
    spill_local = _t2.Lean.spill_local

    def generic(self, handler, arg):
        # (a handler run on the frame may read f_localsplus)
        raise _t2.NotLean("generic")

    def locals_text(self):
        return "(%s)" % "".join("l%d, " % i for i in range(self.nplus))

    def _spill(self, extra=()):
        return "%s; %s" % (super()._spill(extra), _PUT % self.locals_text())

    def own_op(self, name, arg, darg, j):
        if _FORMS[name] == "return":
            self.emit(_PUT % self.locals_text())
        return super().own_op(name, arg, darg, j)

    def suspend(self, v, sent):
        r = super().suspend(v, sent)
        # (the host closing it: the frame keeps its locals)
        for k in range(len(self.body) - 1, -1, -1):
            indent, text, step = self.body[k]
            if text == _CLOSED_HOST:
                self.body[k] = (indent, "%s; %s" % (_PUT % self.locals_text(), text), step)
                break
        return r


class _GenExit(BaseException):
    """How a structured body (_Structured) leaves for _source's tail (a tracer
    attached during a call, a receiver tier 2 does not delegate to): raised
    with ``blk`` set, caught by the clause before the body's own except
    clause (a ``break`` in a host loop of the body would leave that loop);
    the tail runs after that clause, so no host exception context is left
    for what tier 1 raises next."""


class _Structured(_HostLocals):
    """A generator body without handlers in host if/while form (t2struct, as
    lean functions'): no ``if blk <=`` chain walked at each jump.  Entered at
    instruction 0, or (a generator tier 1 suspended, osr: _entry_function)
    at the instruction after a yield or at a YIELD_FROM, written from there
    on (t2struct's osr: the loops around it are that loop again where a jump
    goes back to a header).  The dispatch shape's exits (``blk = -1; break``)
    raise _GenExit instead; a jump whose target is known only at run time (an
    instruction run by its handler, tier2._any) does not fit."""

    statement_yields = True

    def leave_loop(self, blk):
        return "blk = %d; raise GenExit_" % blk

    def emit(self, text, indent=0):
        if "blk" in text and "GenExit_" not in text and _BLK_WORD.search(text):
            raise _t2struct.Unstructured("a jump by blk: %s" % text)
        super().emit(text, indent)

    def reraise_here(self, parts, indent):
        # (no handler to unwind to in this frame: the host raise, which the
        # except clause's catch takes as a re-raise, ceval.Reraise)
        value, _, lasti = parts
        _si.Group.emit(self, "raise reraise(%s, %s)" % (value, lasti), indent + self.indent0)


_FAST_WORD = _re.compile(r"(?<![.\w])fast\b")
_BLK_WORD = _re.compile(r"(?<![.\w'])blk\b")      # (not an attribute ``.blk``)
# The locals (and cells) move out of the frame into host locals (NULL left in
# f_localsplus, from a tuple of NULLs: only the body holds them); ``_f_host``
# says where its readers find them (t2frames.refresh)
_TAKE = ("        %s = lp = f.f_localsplus; lp[:] = %s; lp = None; "
         "f._f_host = IN_HOST_GENERATOR")
# ... and back (the frame leaves the body)
_PUT = "f.f_localsplus[:] = %s; f._f_host = None"


def emit_inline_step(g, t, it, level, plain=None):
    """FOR_ITER over ``it``, a generator in tier 2, in a frame-based body (a
    generator's, tier2._Function's): gen_next's work inline (gen_send_ex's
    entry and exit for one level; the body's frame ``f`` is the thread's
    current frame, the resumer),
    no host call of gen_next between the two host generators; anything
    gen_next would not do inline (delegation, exc_info items to link, a
    running generator, a tracer, a depth at ``t2_room`` or at
    INLINE_UNCOUNTED_DEPTH) calls it.  ``plain``: the host local, set as the
    loop began (t2struct.loop), telling that ``it``'s code is plain_gen (no
    handler, no YIELD_FROM: ``_xl`` false and ``_yf`` None whenever it has a
    host generator), so neither is tested per item; None where not known."""
    # (``_yf`` is set only by the delegating generator's own YIELD_FROM
    # (delegate, the generated YIELD_FROM form), ``_xl`` to the code's
    # ``links`` wherever ``_hg`` is set: a generator of plain code has
    # neither, whoever resumed it before)
    links = ("%s._yf or %s._xl" % (it, it) if plain is None
             else "not %s and (%s._yf or %s._xl)" % (plain, it, it))
    alone = ("%s._yf is None" % it if plain is None
             else "%s or %s._yf is None" % (plain, it))
    for text, extra in (
            # (_yf a generator, _yb a weak reference, both true when set;
            # a tracer attached keeps t2_room, and t2_inl, at 0,
            # tier2.host_room).  No host re-entry counted below
            # INLINE_UNCOUNTED_DEPTH (see there): its increment, the check
            # every 64th and the restore were 15 host bytecodes a
            # resumption; t2_inl is t2_room capped at that depth, one
            # comparison where ``>= t2_room or gd_ >= 1000`` were two (4 host
            # bytecodes a resumption)
            ("if %s._running or %s._yb or %s "
             "or (gd_ := tstate.depth + 1) >= tstate.t2_inl: "
             "%s = gen_step(%s.gi_frame, tstate, %s)"
             % (it, it, links, t, it, it), 0),
            ("else:", 0),
            ("gn_ = %s.gi_frame" % it, 1),
            # (the frame states as literals: a constant where the names
            # were a global read each)
            # (no copy of the thread's exc_info item: the rare ends find
            # it, prev_item)
            ("%s._running = True; gn_._f_back = f; "
             "gn_.f_state = %d; tstate.depth = gd_; tstate.frame = gn_"
             % (it, FRAME_EXECUTING), 1),
            ("try: %s = %s._hg.send(None)" % (t, it), 1),
            # (returned, or continued in tier 1 which yielded: gen_next's)
            # (the re-entry count is the resumer's: gen_stopped stores it as is)
            ("except StopIteration as ge_: gn_ = None; %s = gen_stopped(tstate, f, %s, "
             "ge_.value, gd_ - 1, tstate.reentry, NULL)" % (t, it), 1),
            ("except BaseException: gn_ = None; "
             "tstate.depth = gd_ - 1; tstate.frame = f; raise", 1),
            ("else:", 1),
            ("tstate.depth = gd_ - 1; tstate.frame = f", 2),
            ("if %s: %s._running = False; gn_._f_back = None; "
             "gn_.f_state = %d" % (alone, it, FRAME_SUSPENDED), 2),
            # (it is delegating now)
            ("else: leave_chain(tstate, %s, prev_item(tstate, %s))" % (it, it), 2),
            ("gn_ = None", 2)):
        g.emit(text, level + extra)


def emit_inline_send(g, r, meth, arg, drops, level, owner=None):
    """``gen.send(arg)`` in a frame-based body (a generator's, tier2._Function's:
    ``f`` the thread's current frame), ``meth`` the bound Generator.send:
    method_send's work inline for a generator in tier 2 that delegates to
    nothing and links no exc_info item (emit_inline_step's resumption, with
    the value sent; no host call of method_send, no re-entry counted below
    INLINE_UNCOUNTED_DEPTH, emit_inline_step's reason); anything else (a
    running, delegating or finished generator, one in tier 1, a send inside a
    guest except clause, a value sent to a just-started generator, the depth
    at ``t2_room``) calls method_send.  The generator that returned raises
    StopIteration outside the host except clause (no ``__context__``), as
    method_send does.  ``drops``: ``; `` and the arguments' releases, made
    after the call.  ``owner``: the exact Generator itself, whose method was
    not read (fused_send; ``meth`` unused then): the bound method is made
    only for method_send."""
    if owner is not None:
        meth = "%s.send" % owner
    # (None sent, as ``next()``: nothing to test of a just-started
    # generator; the frame's test is gn_'s assignment then)
    none = g.is_const(arg, type(None))
    for text, extra in (
            ("gs_ = %s" % (owner or "%s.__self__" % meth), 0),
            # (the frame read in the test, once: its state only where a
            # value is sent, which is the case that reads it; a generator
            # with a host generator has its frame)
            # (t2_inl: emit_inline_step's)
            ("if gs_._running or gs_._yf or gs_._yb or gs_._xl or gs_._hg is None or handled_[0] "
             "or (gd_ := tstate.depth + 1) >= tstate.t2_inl "
             "or %s: gs_ = gn_ = None; %s = gen_method_send(tstate, %s, %s)"
             % ("(gn_ := gs_.gi_frame) is None" if none else
                "(gn_ := gs_.gi_frame).f_state == %d and %s is not None"
                % (FRAME_CREATED, arg), r, meth, arg), 0),
            ("else:", 0),
            ("gs_._running = True; gn_._f_back = f; "
             "gn_.f_state = %d; tstate.depth = gd_; tstate.frame = gn_" % FRAME_EXECUTING, 1),
            ("try: %s = gs_._hg.send(%s)" % (r, arg), 1),
            ("except StopIteration as ge_: gn_ = None; %s = gen_stopped(tstate, f, gs_, "
             "ge_.value, gd_ - 1, tstate.reentry, NULL); gv_ = ge_.value; ge_ = None" % r, 1),
            ("except BaseException: gn_ = gs_ = None; tstate.depth = gd_ - 1; tstate.frame = f; "
             "raise", 1),
            ("else:", 1),
            ("tstate.depth = gd_ - 1; tstate.frame = f", 2),
            ("if gs_._yf is None: gs_._running = False; gn_._f_back = None; gn_.f_state = %d"
             % FRAME_SUSPENDED, 2),
            ("else: leave_chain(tstate, gs_, prev_item(tstate, gs_))", 2),
            ("gn_ = None", 2),
            ("gs_ = None", 1),
            # (it returned: StopIteration with its value, raised here)
            ("if %s is NULL: raise gen_stop_((gv_, gv_ := None)[0])" % r, 1)):
        g.emit(text, level + extra)
    if drops:
        g.emit(drops[2:], level)


# (the receivers fused_send takes: a host local, a slot, a constant, or a
# frame-based local, read where nothing was written since)
_SEND_OWNER = _re.compile(r"(?:[lsp]\d+|fast\[\d+\])\Z")


def fused_send(g, name, arg, j):
    """CALL_METHOD ``x.send(v)`` in frame-based code (a generator's body,
    tier2._Function), its LOAD_METHOD the read of ``x.send`` (a local, a slot)
    with nothing written since: where ``x`` is an exact Generator its
    ``send`` is Generator.send bound (the VM's type, which the guest cannot
    change or subclass, whose instances have no dict), so emit_inline_send
    resumes it with no bound method made and taken apart; else the read as
    written, and the general site under the ``else:`` this opens (the caller
    writes it, then closes the ``else:``; its tracer test after the call
    serves both).  Writes ``f._lasti`` in both.  Returns the result's temporary, or
    None where the site does not fit (nothing written then)."""
    if arg != 1 or len(g.vs) < 3 or g.lean or _FORMS[name] != "call_method":
        return None
    meth, self_, argv = g.vs[-3], g.vs[-2], g.vs[-1:]
    owner, mname, start, end = g.__dict__.get("method_reads", {}).get(
        self_, ("", "", 0, -1))
    if (meth != "NULL" or mname != "send" or end != len(g.body) or end - start != 1
            or self_ in g.vs[:-2] or not _SEND_OWNER.match(owner)):
        return None
    read = g.body[start:end]
    del g.body[start:end]
    del g.method_reads[self_]
    # (the argument's drop as the general site makes it, tier2's _dropped:
    # a temporary or slot nothing else on the stack holds)
    gone = [a for a in argv if a[0] in "ts" and a[1:].isdigit() and a not in g.vs[:-3]]
    drops = "; " + _t2.drop_text(g, gone) if gone else ""
    r = g.temp()
    g.emit("if type(%s) is Generator:" % owner)
    g.emit("f._lasti = %d" % j, 1)
    emit_inline_send(g, r, None, argv[0], drops, 1, owner)
    g.emit("else:")
    g.indent0 += 1
    # (the read, then ``f._lasti``: the order the general site has)
    for indent, text, step in read:
        g.body.append((indent + 1, text, step))
    g.emit("f._lasti = %d" % j)
    return r


def _source(code, g, nslots, comments):
    held = isinstance(g, _HostLocals)
    if held:
        nulls = g.param((NULL,) * g.nplus)
    # (the host code's line table, filled below: the except clause hands it
    # to t2_raised)
    linemap = []
    g.lines_p = g.param(linemap)
    head = [
        "def make(%s):" % ", ".join("p%d" % i for i in range(len(g.params))),
        # (``ts``: the thread state of the thread that made the generator,
        # the call entries'; the resumer makes ``f`` its thread's current
        # frame before the first resumption, so when that thread's frame is
        # ``f`` it is the resuming thread's state: no get_tstate() call per
        # generator; osr's host generators pass none)
        "    def t2(f, start=0, ts=None):",
        "        tstate = ts if ts is not None and ts.frame is f else get_tstate()",
        "        if not tstate.depth & 63: host_room(tstate)",
        "        fast = f.f_localsplus; stack = f.f_valuestack; globals_ = f.f_globals",
        "        exact = globals_.__class__ is dict",
        "        %s = None" % " = ".join("s%d" % k for k in range(nslots)),
        # (osr: the value stack tier 1 left, the value sent on top)
        "        if stack: %s, = stack + [None] * (%d - len(stack)); del stack[:]"
        % (", ".join("s%d" % k for k in range(nslots)), nslots),
        "        blk = start",
        "        exc = None",
        "        try:",
        "            while True:",
        "                try:",
        "                    while True:",
    ]
    if held:
        # (the locals move out of the frame into host locals; the frame is
        # linked to this host frame)
        head[4:4] = [_TAKE % (g.locals_text()[1:-1], nulls)]
        # (the body reads its locals as host locals, never ``fast``: emit)
        head[5] = head[5].replace("fast = f.f_localsplus; ", "")
        # (the templates read the two dicts as exact: a frame whose dicts are
        # not runs in tier 1 from where it is, the tail's hand-over)
        k = head.index("        exact = globals_.__class__ is dict")
        head[k] = ("        builtins_ = f.f_builtins; exact = globals_.__class__ is dict "
                   "and builtins_.__class__ is dict")
        k = next(k for k, text in enumerate(head) if text.startswith("        if stack: "))
        # (GEN_START pops the first value sent: tier 1 has it on the stack)
        head[k:k + 2] = ["        if not exact: f._lasti = start - 1; stack += () if start else (None,)",
                         "        el" + head[k].lstrip(),
                         "        blk = start if exact else -2"]
        k = head.index("            while True:")
        head[k] = "            while exact:"
    lines = list(head)
    linemap += [0] + [-1] * len(head)
    if g.structured:
        body = _structured_body(g, nslots, comments, nulls)
        k = lines.index("            while exact:")
        lines[k:] = ["            if exact:", "                try:"]
        # (no dispatch on ``blk``: only the tail reads it, after a body that
        # ends by return, raise or GenExit_ (which sets it), or after no
        # body at all, the dicts not exact: one store per generator fewer)
        k = lines.index("        blk = start if exact else -2")
        del lines[k]
        del linemap[k + 1]
        k = next(k for k, text in enumerate(lines) if text.startswith("        if not exact: "))
        lines[k] += "; blk = -2"
        del linemap[len(lines) + 1:]
    else:
        body = _t2.body_lines(g, nslots, comments, 6)
    if held and not g.structured:
        # (written back before the exception's traceback entry is made; taken
        # again when a handler of this frame takes the exception)
        k = next(k for k, (text, _) in enumerate(body) if text.strip() == "except BaseException as e:")
        pad = body[k][0][:len(body[k][0]) - len(body[k][0].lstrip())]
        body.insert(k + 1, (pad + "    " + _PUT % g.locals_text(), -1))
        k = next(k for k, (text, _) in enumerate(body) if text.strip() == "if blk >= 0:")
        body.insert(k + 1, (pad + "        " + _TAKE.strip() % (g.locals_text()[1:-1], nulls), -1))
    for text, step in body:
        lines.append(text)
        linemap.append(step)
    tail = [
        "            if exc is not None: leave(exc)",
    ]
    if held:
        tail.append("            " + _PUT % g.locals_text())
    tail += [
        # (continued in tier 1: a receiver tier 2 does not delegate to, or
        # a tracer attached during a call)
        "            if blk == -2: r = gen_tier1(tstate, f)",
        "            else: r = tstate.tracer.resume(tstate, f, f, None)",
        "            if f.f_state == SUSPENDED: return r",
        "        except BaseException as e:",
        "            gen_raise(tstate, f, e)",
        "        gen_done(tstate, f)",
        "        return r",
        # (a host generator function even when no yield is reachable)
        "        yield",
        "    return t2",
    ]
    lines += tail
    linemap += [-1] * len(tail)
    return "\n".join(lines) + "\n", linemap


def _structured_body(g, nslots, comments, nulls):
    """The lines (and instructions) of a structured body (_Structured) in
    ``try:`` five indentations deep, then its except clauses: _GenExit's (on
    to the tail), and any exception's, which leaves (no handler in the code:
    catch makes its traceback entry, the tail raises it)."""
    out = []
    body = g.body
    for k, (indent, text, step) in enumerate(body):
        if text == "pass" and k + 1 < len(body) and body[k + 1][0] >= indent:
            continue        # (only an empty branch needs its ``pass``)
        note = comments.get(step)
        out.append(("    " * (indent + 5) + text + ("  # " + note if note else ""), step))
    slots = ", ".join("s%d" % k for k in range(nslots))
    text = "\n".join(line for line, _ in out)
    # (the host frame its traceback keeps holds no stack value, no temporary)
    dropped = ["s%d" % k for k in range(nslots)] + [
        x for x in ("t%d" % k for k in range(1, g.ntemps + 1)) if _re.search(r"\b%s\b" % x, text)]
    pad = "    " * 4
    out += [(pad + line, -1) for line in (
        "except GenExit_:",
        "    pass",
        "except BaseException as e:",
        "    " + _PUT % g.locals_text(),
        "    blk, exc, at = catch(tstate, f, e, (%s,)); e = None" % slots,
        "    %s = None" % " = ".join(dropped))]
    return out


def _made(code, g, nslots, comments):
    """The host generator function of translation ``g`` (None: the host's
    compiler refused it), its line table registered."""
    src, linemap = _source(code, g, nslots, comments)
    fn = _t2.install(code, src, g, _namespace())
    if fn is None:
        return None
    # (its globals are a copy of the namespace: _multi sets ``multi_`` there)
    _MADE.add(fn)
    if _pystate.other_thread[0]:
        fn.__globals__["multi_"] = True     # (set while it was made)
    if g.host_locals and not _HOST_GENERATORS:
        _HOST_GENERATORS.append(True)
        _t2f.host_generators()
    _t2.register_lines(fn.__code__, linemap)
    fn.entries = None
    fn.structured = g.structured      # (the shape, for tests and the curious)
    return fn


def _structured(code, d, entry):
    """The structured host generator function entered at ``entry`` (None: it
    does not fit, the dispatch shape instead)."""
    try:
        _HostLocals.nplus_next = d.nlocalsplus
        g, nslots, comments = _t2.translate(code, d, _Structured, True, entry)
    except (ValueError, AssertionError, _t2.NotLean, _t2struct.Unstructured):
        return None
    return _made(code, g, nslots, comments)


def _entry_function(code, d, fn, start):
    """The host generator function a generator tier 1 suspended at ``start``
    continues in (osr) when ``fn``, its code's, is structured (entered at 0
    only): one written from there (made at the first such generator), else
    the dispatch shape, which enters anywhere; None: tier 1 goes on."""
    entries = fn.entries
    made = entries.get(start)
    if made is None:
        made = _structured(code, d, start)
        if made is None:
            made = entries.get(-1)
            if made is None:
                made = entries[-1] = _dispatch(code, d) or False
        entries[start] = made
        if made:
            made.links = fn.links
    return made or None


def _dispatch(code, d):
    """The dispatch-shaped host generator function (host locals where they fit)."""
    fn = None
    if HOST_LOCALS[0] and d.nlocalsplus:
        try:
            _HostLocals.nplus_next = d.nlocalsplus
            g, nslots, comments = _t2.translate(code, d, _HostLocals)
        except (ValueError, AssertionError, _t2.NotLean):
            pass
        else:
            fn = _made(code, g, nslots, comments)
    if fn is None:
        try:
            g, nslots, comments = _t2.translate(code, d, _GenFunction)
        except (ValueError, AssertionError):
            return None
        fn = _made(code, g, nslots, comments)
    return fn


def compile_gen(code, d):
    """Translate a generator's code (d.t2gen: frame -> host generator); False
    if it stays in tier 1."""
    if not eligible(code, d.raw):
        return False
    # gen_send_ex links the generator's exc_info item while it runs; code
    # without handlers (no instruction pushing a block) never sets it (the frame's own except blocks do, a
    # function it calls sets and restores the current one, empty items are
    # skipped by _PyErr_GetTopmostException): tier 2 links it only when the
    # code has handlers (GenBase._xl)
    links = any(op in _SETUPS for op, _ in d.raw)
    fn = None
    # (code with handlers keeps the dispatch shape: its except clause unwinds
    # to a handler and continues there, ``blk``)
    if STRUCTURED[0] and HOST_LOCALS[0] and d.nlocalsplus and not links:
        fn = _structured(code, d, 0)
        if fn is not None:
            fn.entries = {}     # (osr's: _entry_function)
    if fn is None:
        fn = _dispatch(code, d)
        if fn is None:
            return False
    fn.links = links
    d.t2gen = fn
    _si.uncount_headers(d)      # (no entry at a loop header: a generator starts in tier 2)
    return True


def new_generator(tstate, func, args):
    """A tier-2 call of a plain generator function of the fast shape
    (``func._gen_argcount`` positional arguments, no cells of its own) whose
    code is in tier 2: its generator, the frame made as for a function's
    exact-arity call, run by a host generator (what call_push,
    call._make_generator do); None when the general path must (not
    translated, a tracer attached)."""
    d = func._code._decoded
    if (d is None or d.t2gen is None or tstate.tracer is not None
            or tstate.depth >= HOST_NEST_DEPTH):
        return None
    t2gen = d.t2gen
    args += func._fast_tail
    frame = _new_frame(func, args)
    # GenBase.__init__'s stores written out (no host frame for it, nor for
    # ExcItem's __init__: a generator made per call of a recursive walk);
    # the two must set the same slots
    gen = _new_obj(Generator)
    gen.gi_frame = frame
    gen.gi_code = frame.f_code
    gen._name = func._name
    gen._qualname = func._qualname
    # (the exc_info item only for code with handlers, the one tier 2 links:
    # tier 1 makes it when it resumes one that has none, genobject)
    if t2gen.links:
        item = gen._exc_state = _new_obj(_ExcItem)
        item.exc_value = item.previous_item = None
        gen._xl = True
    else:
        gen._exc_state = None
        gen._xl = False
    gen._running = gen._closed = False
    gen._yf = gen._yb = gen._lzf = None
    frame._f_gen = _weakref(gen)        # (Frame.f_gen's setter)
    frame._f_back = None
    gen._hg = t2gen(frame, 0, tstate)
    return gen


# A generator function's call entry (its slot ``_leanN``, N its arity, which
# the call sites of N positional arguments test first): new_generator and
# specialize.new_frame written out in one host function, so a call such as
# tree.py's ``yield from tree(depth - 1)`` is one host call where it was
# three (the site's other tests, call_any, new_generator, new_frame).  It
# holds the function weakly (t2entry's reason: the function holds its
# entries); the call site holds the function while it runs.  A tracer
# attached takes call_any, the general path.  What the entry is made for
# stays as long as it does, so it is bound once, not read per generator:
# the code (Function._update_fast drops the entry when ``__code__`` or the
# defaults change), its Decoded and host generator function (set once,
# never taken back: decode, compile_gen; the entry is made for code in tier
# 2), its instruction list, the function's globals and builtins (set when
# the function is made), whether its generators link an exc_info item (the
# function's variant of the text, ``%(links)s``).
_GEN_ENTRY = """
def make(fref, Frame, Generator, ExcItem, weakref, new, CREATED, warm_event, call_any, tail,
         code, d, t2gen, instrs, globals_, builtins_):
    def entry(tstate, %(params)smoved=None):
        func = fref()
        if tstate.tracer is not None%(nest)s:
            return call_any(tstate, func, [%(params)s])
        fr = new(Frame)
        fr.f_code = code
        fr.f_globals = globals_
        fr.f_builtins = builtins_
        fr._f_locals = None
        fr.f_localsplus = [%(params)s]%(tail)s
        fr.f_valuestack = []
        fr.f_blockstack = []
        fr._lasti = -1
        if d.warm:
            warm_event(code, d)
        fr.f_instrs = instrs
        fr.f_state = CREATED
        fr.f_init_self = None
        gen = new(Generator)
        gen.gi_frame = fr
        gen.gi_code = code
        gen._name = func._name
        gen._qualname = func._qualname
%(links)s
        gen._running = gen._closed = False
        gen._yf = gen._yb = gen._lzf = None
        fr._f_gen = weakref(gen)
        fr._f_back = None
        gen._hg = t2gen(fr, 0, tstate)
        return gen
    return entry
"""
_LINKS = """\
        item = gen._exc_state = new(ExcItem)
        item.exc_value = item.previous_item = None
        gen._xl = True"""
_NO_LINKS = """\
        gen._exc_state = None
        gen._xl = False"""
_GEN_ENTRY_MAKERS = {}


def gen_entry(func, n):
    """The call entry of generator function ``func`` for ``n`` positional
    arguments (its ``_gen_argcount``), its code in tier 2: see _GEN_ENTRY."""
    # (the function's ``_fast_tail``, the defaults and NULLs after the
    # arguments, read once: Function._update_fast drops the entry when it
    # changes; none written when it is empty)
    tail = func._fast_tail
    code = func._code
    d = code._decoded
    t2gen = d.t2gen
    key = n, not tail, t2gen.links
    make = _GEN_ENTRY_MAKERS.get(key)
    if make is None:
        ns = {}
        src = _GEN_ENTRY % {"params": "".join("a%d, " % i for i in range(n)),
                            "tail": "" if not tail else " + tail",
                            "links": _LINKS if t2gen.links else _NO_LINKS,
                            # (HOST_NEST_DEPTH tested only where it is one)
                            "nest": ("" if HOST_NEST_DEPTH == 1 << 62 else
                                     " or tstate.depth >= %d" % HOST_NEST_DEPTH)}
        exec(compile(src, _ENTRY_FILE, "exec"), ns)
        make = _GEN_ENTRY_MAKERS[key] = ns["make"]
    from .specialize import warm_event
    return make(_weakref(func), Frame, Generator, _ExcItem, _weakref, _new_obj,
                FRAME_CREATED, warm_event, _t2.call_any, tail,
                code, d, t2gen, d.instrs, func._globals, func._builtins)


# -- the runtime: resumption, delegation, leaving ---------------------------------------

def _enter_chain(tstate, g, back, _executing=FRAME_EXECUTING):
    """gen_send_ex's entry for ``g`` and every generator it delegates to."""
    # (per level and item of a walk such as ``sum(tree(d))``: the state a
    # local, the frame's f_back stored before ``back`` moves on)
    depth = tstate.depth
    item = tstate.exc_info
    # (a lazily suspended top: every level gets its running state below)
    g._lzf = None
    while g is not None:
        if g._xl:
            gi = g._exc_state
            gi.previous_item = item
            item = gi
        g._running = True
        gf = g.gi_frame
        gf.f_state = _executing
        gf._f_back = back
        back = gf
        depth += 1
        g = g._yf
    tstate.exc_info = item
    tstate.depth = depth
    tstate.frame = back


def _chain_length(g):
    n = 0
    while g is not None:
        if g._hg is None:
            return -1
        n += 1
        g = g._yf
    return n


def _chain_fits(tstate, gen):
    """Whether ``gen``'s delegation chain can be resumed in tier 2: every level
    in tier 2, at most CHAIN_MAX long (delegate), within the recursion limit
    (no walk far from the limit)."""
    depth0 = tstate.depth
    if depth0 + CHAIN_MAX < tstate.recursion_limit:
        return True
    n = _chain_length(gen)
    return n >= 0 and depth0 + n < tstate.recursion_limit


def resume(gen, arg):
    """send()/next() of a generator in tier 2: (value, returned), or None when
    it has just been handed to tier 1 (genobject's plain path goes on)."""
    tstate = get_tstate()
    if gen._yb is not None:
        settle(gen)     # (an inner level of a chain: its state exact first)
    f = gen.gi_frame
    if gen._running or (f.f_state == FRAME_CREATED and arg is not None):
        return None     # (tier 1 raises the error, the frame untouched)
    # (a generator another one delegates to, resumed on its own: the
    # delegator's host ``yield from`` would not see it finish; tier 1 does)
    if (tstate.tracer is not None or not _chain_fits(tstate, gen)
            or tstate.depth + 1 >= tstate.recursion_limit or gen._yb is not None):
        deopt(gen)
        return None
    saved = swap_to_resumer(tstate, 3)
    try:
        value = _step(f, tstate, gen, arg)
    finally:
        restore_resumer(tstate, saved)
    return value, gen.gi_frame is None


def _step(f, tstate, gen, arg):
    """Resume ``gen`` and the chain it delegates to (``f``, its frame, first:
    hostframes.guest_view reads it as this VM entry's frame).  Returns the
    value it yielded or returned (returned: its gi_frame is None after).
    gen_send_ex's entry and exit are inline for a generator that delegates to
    nothing (its own code is bookkeeping for the signal handling, not the
    guest code it runs: OWN_BOOKKEEPING).  Returns FALLBACK, having done
    nothing, when tier 1 must resume it instead: running, delegated to by
    another generator (``_yb``), a tracer attached, at the recursion limit, a
    value sent to a generator not started, or a chain that does not fit."""
    depth0 = tstate.depth
    if (gen._running or gen._yb is not None or tstate.tracer is not None
            or depth0 + 1 >= tstate.recursion_limit
            or arg is not None and f.f_state == FRAME_CREATED
            # (_chain_fits' first test inline: no walk, no call, far from the limit)
            or gen._yf is not None and depth0 + CHAIN_MAX >= tstate.recursion_limit
            and not _chain_fits(tstate, gen)):
        return FALLBACK
    back = tstate.frame
    # (a lean caller's frame materialised for f_back; ``back``, restored
    # after, stays LEAN: t2frames)
    caller = back if back is not _LEAN else _t2f.current_frame(tstate)
    reentry = tstate.reentry + 1
    tstate.reentry = reentry
    if not reentry & 63:
        _ceval.check_host_room(tstate)
    prev = tstate.exc_info
    if gen._yf is None:
        if gen._xl:
            item = gen._exc_state
            item.previous_item = prev
            tstate.exc_info = item
        gen._running = True
        f._f_back = caller
        f.f_state = FRAME_EXECUTING
        tstate.depth = depth0 + 1
        tstate.frame = f
    else:
        _enter_chain(tstate, gen, caller)
    try:
        value = gen._hg.send(arg)
    except StopIteration as stop:
        value = stop.value
        stop = None
        if gen.gi_frame is not None:
            _leave_chain(tstate, gen, prev)     # (continued in tier 1, which yielded)
            _forget_chain(gen)
        return value
    finally:
        tstate.reentry = reentry - 1
        tstate.depth = depth0
        tstate.frame = back
    # (_enter_chain's and _leave_chain's work for one level, inline)
    if gen._yf is None:
        if gen._xl:
            tstate.exc_info = prev
            gen._exc_state.previous_item = None
        gen._running = False
        f._f_back = None
        f.f_state = FRAME_SUSPENDED
    else:
        _leave_chain(tstate, gen, prev)     # (it is delegating now)
    return value


def gen_next(f, tstate, gen, stop=False, arg=None):
    """FOR_ITER of tier-2 code over ``gen``, a generator in tier 2 (``f`` its
    frame): the next value, NULL when it returned (the value a FOR_ITER
    drops); ``stop``: next() or send(``arg``) (gen_iternext, gen_send,
    method_send), StopIteration with the value returned.  _step's work for the common case inline, with none
    of its tests that nothing sent makes true; a generator that delegates
    (the top of a chain) or has exc_info items to link is entered and left
    by _enter_chain/_leave_chain.  A generator delegated to (resumed on its
    own), a running one, a value sent before the start, a tracer attached,
    a depth at ``tstate.t2_room`` (the recursion limit and the host's room
    are looked at there: tier2.host_room) or a chain near the recursion
    limit take _step, and tier 1 when _step refuses."""
    depth0 = tstate.depth
    # (t2_room: set by the lean prologues, which a program running only
    # generators never reaches: looked at here then)
    # (_yf a generator and _yb a weak reference, true when set; a tracer
    # attached keeps t2_room at 0: host_room, which leaves it 0 then)
    # A generator delegating (the top of a chain: ``sum(tree(d))``) or with
    # exc_info items to link is resumed here too, its levels entered and
    # left by _enter_chain/_leave_chain, when the chain surely fits
    # (_chain_fits' fast case: CHAIN_MAX levels below the recursion limit)
    chain = gen._yf or gen._xl
    if (gen._running or gen._yb
            or arg is not None and f.f_state == FRAME_CREATED
            or depth0 + 1 >= tstate.t2_room and (
                _t2.host_room(tstate) or depth0 + 1 >= tstate.t2_room)
            or chain and depth0 + CHAIN_MAX >= tstate.recursion_limit):
        value = _step(f, tstate, gen, arg)
        if stop:
            return _sent(gen, arg, value)
        if value is FALLBACK:
            return next(gen, NULL)
        return NULL if gen.gi_frame is None else value
    # (what follows repeats _step's entry and exit for one level on purpose:
    # a helper shared with it would be one host call more per resumption,
    # the cost this function exists to save)
    back = tstate.frame
    caller = back
    if back is _LEAN:
        # (as _step: the lean caller's Frame; materialise's first test
        # inline, the Frame it made last when that is this very host
        # frame's, gen_next's caller: a lean loop over a generator resumes
        # it with the same caller each time; three host calls fewer)
        caller = _lean_last[0]
        if caller is not None:
            caller = caller()
        if caller is None or getattr(caller, "_f_host", None) is not _getframe(1):
            caller = _t2f.current_frame(tstate)
    # (each resumption is a C-level call of the host's generator: counted as
    # a host re-entry, as _step counts it)
    reentry = tstate.reentry + 1
    tstate.reentry = reentry
    if not reentry & 63:
        _ceval.check_host_room(tstate)
    prev = tstate.exc_info
    if chain:
        tail = gen._lzf
        if tail is not None:
            # suspended lazily (below): the levels under the top kept their
            # running state, only the top's is made
            gen._lzf = None
            gen._running = True
            f._f_back = caller
            f.f_state = FRAME_EXECUTING
            tstate.depth = depth0 + gen._lzn
            tstate.frame = tail
            tail = None
        else:
            _enter_chain(tstate, gen, caller)
    else:
        gen._running = True
        f._f_back = caller
        f.f_state = FRAME_EXECUTING
        tstate.depth = depth0 + 1
        tstate.frame = f
    try:
        value = gen._hg.send(arg)
    except StopIteration as e:
        value = e.value
        e = None
        if gen_stopped(tstate, back, gen, value, depth0, reentry - 1, prev) is not NULL:
            return value    # (continued in tier 1, which yielded it)
        if not stop:
            return NULL
        returned = True
    except BaseException:
        tstate.reentry = reentry - 1
        tstate.depth = depth0
        tstate.frame = back
        raise
    else:
        returned = False
    if returned:
        # (raised here: not in the except clause, whose exception would be
        # its __context__)
        return _sent(gen, arg, value)
    tstate.reentry = reentry - 1
    if gen._yf is None:
        tstate.depth = depth0
        tstate.frame = back
        if gen._xl:
            _leave_chain(tstate, gen, prev)     # (an item to unlink)
        else:
            gen._running = False
            f._f_back = None
            f.f_state = FRAME_SUSPENDED
    elif tstate.exc_info is prev:
        # A chain that linked no exc_info item (no level has handlers)
        # yielded: suspended lazily.  Its structure changes only while it
        # runs, so the levels below the top keep their running state
        # (gi_running, f_state, f_back: the level above) until it runs
        # again; only the top is suspended.  What the innermost level left
        # as the thread's frame and depth is kept for the next resumption.
        # Whatever reads a level below (gi_running, gi_suspended,
        # gi_yieldfrom, f_back, frame.clear(), resuming, throw(), close(),
        # finalisation: genobject, frameobject, resume, deopt, delegate)
        # calls settle() first, which suspends them as _leave_chain would.
        gen._lzf = tstate.frame
        gen._lzn = tstate.depth - depth0
        tstate.depth = depth0
        tstate.frame = back
        gen._running = False
        f._f_back = None
        f.f_state = FRAME_SUSPENDED
    else:
        tstate.depth = depth0
        tstate.frame = back
        _leave_chain(tstate, gen, prev)     # (delegating, items to unlink)
    return value


def gen_stopped(tstate, back, gen, value, depth0, reentry0, prev):
    """The host generator of ``gen``, resumed by gen_next or a generator
    body's inline FOR_ITER (_GenFunction.emit_gen_step), stopped: the
    thread's state back to the resumer's.  NULL when the generator returned,
    else (it continued in tier 1, which yielded) the value.  ``prev``: the
    thread's exc_info item the resumption found, NULL: prev_item's."""
    tstate.reentry = reentry0
    tstate.depth = depth0
    tstate.frame = back
    if gen.gi_frame is not None:
        if prev is NULL:
            prev = prev_item(tstate, gen)
        _leave_chain(tstate, gen, prev)
        _forget_chain(gen)
        return value
    return NULL


def prev_item(tstate, gen):
    """The thread's exc_info item when ``gen``, which links none of its own
    (``_xl`` false), was resumed by an inline step (emit_inline_step,
    emit_inline_send), found after the resumption instead of kept by each:
    the levels it has started to delegate to meanwhile that link an item
    were linked in order, outermost first (delegate, _enter_chain), so the
    outermost's previous item is that item; with none linked (none of the
    chain has handlers, or it continued in tier 1, whose resumptions unlink
    theirs as they suspend) the thread's item is still the one it found."""
    g = gen._yf
    while g is not None:
        if g._xl:
            return g._exc_state.previous_item
        g = g._yf
    return tstate.exc_info


def stays_tier1(tstate, gen):
    """Whether a generator tier 2 does not run (``_hg`` None) is one tier 1
    would resume inline whose code never enters tier 2 (not eligible, or
    given up): a lean FOR_ITER over it leaves for tier 1 (tier2.py)."""
    d = gen.gi_code._decoded
    return d.t2gen is None and d.t2state != 1 and _ceval.gen_can_inline(tstate, gen)


_vm_resumer = None     # (gen_iternext: the last VM code found resuming)


def _remember_resumer(code):
    global _vm_resumer
    _vm_resumer = code
    return True


def gen_iternext(gen):
    """Generator.__next__ (installed below): the function the host calls
    for next(gen), with no host frame between (each resumption by a
    builtin such as sum() is one host call, not two); a generator tier 2
    does not run takes genobject's plain path (GenBase._send_ex) here."""
    if gen._hg is None:
        result, returned = gen._send_ex(None)
        if returned:
            if result is None:
                raise StopIteration
            raise StopIteration(result)
        return result
    # (get_tstate's test inline: one host call less per item)
    tstate = _main_tstate if _get_ident() == _MAIN_IDENT else get_tstate()
    try:
        caller = _getframe(1)       # (the resumer)
    except ValueError:
        caller = None
    # (resumed by the VM's code, a builtin such as sum() between: the
    # current frame is the resumer's, what swap_to_resumer would find; the
    # code last found to be such a resumer is remembered: a loop's sum()
    # or next() resumes from the same code every time.  ``caller`` is not
    # dropped: the host frame below this one, which holds it anyway)
    if caller is None or (caller.f_code is not _vm_resumer and not (
            caller.f_globals is not _GEN_GLOBALS
            and _vmhooks.vm_files.get(caller.f_code.co_filename) is True
            and _remember_resumer(caller.f_code))):
        caller = None
        saved = swap_to_resumer(tstate, 2)
        try:
            value = _step(gen.gi_frame, tstate, gen, None)
        finally:
            restore_resumer(tstate, saved)
        return _sent(gen, None, value)
    # gen_next's work inline for the two cases a builtin such as sum()
    # meets most (one host call per item, not two: generators.py's
    # ``sum(tree(depth))`` and ``sum(gen)``): a generator that delegates to
    # nothing and links no exc_info item, and the top of a lazily suspended
    # chain far from the recursion limit; gen_next does the rest (a lean
    # resumer, a depth at t2_room, a chain suspended level by level)
    f = gen.gi_frame
    depth0 = tstate.depth
    back = tstate.frame
    # (the two cases written out apart: the single level reads and tests
    # nothing of the lazy state)
    if gen._yf is None:
        if gen._running or gen._yb or gen._xl or back is _LEAN or depth0 + 1 >= tstate.t2_room:
            return gen_next(f, tstate, gen, True)
        reentry = tstate.reentry + 1
        tstate.reentry = reentry
        if not reentry & 63:
            _ceval.check_host_room(tstate)
        prev = tstate.exc_info
        gen._running = True
        f._f_back = back
        f.f_state = FRAME_EXECUTING
        tstate.depth = depth0 + 1
        tstate.frame = f
    else:
        tail = gen._lzf
        if (tail is None or gen._running or gen._yb or gen._xl or back is _LEAN
                or depth0 + 1 >= tstate.t2_room
                or depth0 + CHAIN_MAX >= tstate.recursion_limit):
            tail = None
            return gen_next(f, tstate, gen, True)
        reentry = tstate.reentry + 1
        tstate.reentry = reentry
        if not reentry & 63:
            _ceval.check_host_room(tstate)
        prev = tstate.exc_info
        gen._running = True
        f._f_back = back
        f.f_state = FRAME_EXECUTING
        gen._lzf = None
        tstate.depth = depth0 + gen._lzn
        tstate.frame = tail
        tail = None
    try:
        value = gen._hg.send(None)
    except StopIteration as e:
        value = e.value
        e = None
        if gen_stopped(tstate, back, gen, value, depth0, reentry - 1, prev) is not NULL:
            return value    # (continued in tier 1, which yielded it)
    except BaseException:
        tstate.reentry = reentry - 1
        tstate.depth = depth0
        tstate.frame = back
        raise
    else:
        tstate.reentry = reentry - 1
        if gen._yf is None:
            tstate.depth = depth0
            tstate.frame = back
            gen._running = False
            f._f_back = None
            f.f_state = FRAME_SUSPENDED
        elif tstate.exc_info is prev:
            # (suspended lazily: gen_next's reasons)
            gen._lzf = tstate.frame
            gen._lzn = tstate.depth - depth0
            tstate.depth = depth0
            tstate.frame = back
            gen._running = False
            f._f_back = None
            f.f_state = FRAME_SUSPENDED
        else:
            tstate.depth = depth0
            tstate.frame = back
            _leave_chain(tstate, gen, prev)     # (delegating, items to unlink)
        return value
    # (returned: raised here, not in the except clause, whose exception
    # would be its __context__)
    if value is None:
        raise StopIteration
    raise StopIteration(value)


def gen_send(gen, *args):
    """Generator.send (installed below), as gen_iternext: a generator that
    delegates to nothing resumed by gen_next with the value."""
    if len(args) != 1:      # (METH_O, as GenBase.send)
        raise TypeError("generator.send() takes exactly one argument (%d given)" % len(args))
    value, = args
    if gen._hg is None:
        result, returned = gen._send_ex(value)
        if returned:
            if result is None:
                raise StopIteration
            raise StopIteration(result)
        return result
    tstate = get_tstate()
    try:
        caller = _getframe(1)       # (the resumer)
    except ValueError:
        caller = None
    # (resumed by the VM's code, a builtin such as sum() between: the
    # current frame is the resumer's, what swap_to_resumer would find)
    if (caller is not None and caller.f_globals is not _GEN_GLOBALS
            and _vmhooks.vm_files.get(caller.f_code.co_filename) is True):
        caller = None
        return gen_next(gen.gi_frame, tstate, gen, True, value)
    else:
        caller = None
        saved = swap_to_resumer(tstate, 2)
        try:
            got = _step(gen.gi_frame, tstate, gen, value)
        finally:
            restore_resumer(tstate, saved)
    return _sent(gen, value, got)


def method_send(tstate, meth, arg):
    """``gen.send(arg)`` called by tier-2 code (tier2's gen_method_send),
    ``meth`` the bound ``Generator.send``: for a generator in tier 2,
    gen_next's work inline for one that delegates to nothing and links no
    exc_info item (generators.py's accumulator: no generic test of
    gen_next's per send), gen_next for the rest; a generator tier 2 does not
    run, or a send inside a guest except clause (call_host shows the host
    the handled exception), goes through call_any as any host method."""
    gen = meth.__self__
    f = gen.gi_frame
    depth0 = tstate.depth
    back = tstate.frame
    if (gen._running or gen._yf is not None or gen._yb or gen._xl or back is _LEAN
            or depth0 + 1 >= tstate.t2_room or gen._hg is None or _handled[0]
            or arg is not None and f.f_state == FRAME_CREATED):
        if gen._hg is None or _handled[0]:
            return _t2.call_any(tstate, meth, [arg])
        return gen_next(f, tstate, gen, True, arg)
    reentry = tstate.reentry + 1
    tstate.reentry = reentry
    if not reentry & 63:
        _ceval.check_host_room(tstate)
    prev = tstate.exc_info
    gen._running = True
    f._f_back = back
    f.f_state = FRAME_EXECUTING
    tstate.depth = depth0 + 1
    tstate.frame = f
    try:
        value = gen._hg.send(arg)
    except StopIteration as e:
        value = e.value
        e = None
        if gen_stopped(tstate, back, gen, value, depth0, reentry - 1, prev) is not NULL:
            return value    # (continued in tier 1, which yielded it)
    except BaseException:
        tstate.reentry = reentry - 1
        tstate.depth = depth0
        tstate.frame = back
        raise
    else:
        tstate.reentry = reentry - 1
        tstate.depth = depth0
        tstate.frame = back
        if gen._yf is None:
            gen._running = False
            f._f_back = None
            f.f_state = FRAME_SUSPENDED
        else:
            _leave_chain(tstate, gen, prev)     # (it is delegating now)
        return value
    # (returned: raised here, not in the except clause)
    if value is None:
        raise StopIteration
    raise StopIteration(value)


def stop_iteration(value):
    """The StopIteration a send to a generator that returned ``value`` raises
    (method_send's: no argument for None)."""
    return StopIteration() if value is None else StopIteration(value)


# The builtins that consume an iterable argument to its end (or to the item
# that decides: any, all) before they return, keeping nothing of it: called
# with one generator by guest code (tier2._emit_call, call.call_host), they
# get ``_items`` in its place (consume).
CONSUMERS = ("sum", "list", "tuple", "min", "max", "any", "all", "set", "frozenset", "dict")


def consume(tstate, fn, gen):
    """``fn(gen)`` called by guest code, ``fn`` one of CONSUMERS (the host
    builtin, not intercepted: call.plain_callables): a generator in tier 2,
    or one whose code may still enter tier 2 (osr at a later resumption), is
    handed to the builtin as the host generator ``_items``, which the
    builtin resumes in C, gen_iternext's work done there per item (no host
    call of ``Generator.__next__`` per item: the builtin's slot call, a host
    frame, the resumer found again, the thread state).  Anything else is the
    plain call (plain_handled inside a guest except clause, as call_host)."""
    if _handled[0]:
        return _t2.plain_handled(tstate, fn, (gen,))
    if type(gen) is not Generator or gen._running:
        return fn(gen)
    if gen._hg is None:
        d = gen.gi_code._decoded
        if d.t2gen is None and d.t2state != 1:
            return fn(gen)      # (stays in tier 1: nothing to save)
    depth0 = tstate.depth
    if depth0 + 1 >= tstate.t2_room and (
            _namespace() is None or _t2.host_room(tstate) or depth0 + 1 >= tstate.t2_room):
        # (t2_room: set by tier 2's prologues, none of which may have run
        # yet when tier 1 calls: host_room needs tier 2's namespace bound)
        return fn(gen)
    reentry0 = tstate.reentry
    if not (reentry0 + 1) & 63:
        return fn(gen)      # (the host's room is looked at per resumption there)
    back = tstate.frame
    # (a lean caller's Frame, materialised once: the lean call keeps the
    # Frame made for it in its slot while it runs, t2frames.materialise)
    caller = back if back is not _LEAN else _t2f.current_frame(tstate)
    return fn(_items(tstate, gen, back, caller, depth0, reentry0, tstate.exc_info))


def _items(tstate, gen, back, caller, depth0, reentry0, prev):
    """The items of ``gen`` for a builtin that consumes them (consume).  Each
    resumption of a generator in tier 2 that links no exc_info item and
    delegates to nothing, or is the top of a lazily suspended chain, is
    gen_iternext's, inline (the same stores in the same order, the same
    state between items); any other through ``Generator.__next__``, as the
    builtin would have.  Between two items only the builtin runs, with
    whatever guest code it calls (a guest ``__add__``, ``__lt__``,
    ``__hash__``, a finalizer), all of it returned before the next item: the
    thread's frame, depth, re-entry count and exc_info item are again those
    consume found; what that code may change of the generator (finished,
    handed to tier 1, delegated to by another generator, a chain no longer
    suspended lazily, running in another thread that resumed it) and of the
    thread (a tracer attached, the recursion limit) is tested at every
    item.  The host
    ``yield`` stands outside every ``try``: closing this host generator (a
    builtin that stops early, or raises for an item) runs none of it."""
    depth1 = depth0 + 1
    reentry1 = reentry0 + 1
    hg = NULL       # (the host generator ``send`` resumes; NULL: none to use)
    nxt = gen_iternext
    # (a generator of plain code never delegates: its ``_yf`` not read per
    # item, emit_inline_step's reason)
    plain = gen.gi_code._decoded.plain_gen
    while True:
        # (the tests in an order that passes the common item with five: the
        # host generator the one used before, no delegator, not running,
        # room, no chain)
        if gen._hg is not hg:
            # (given one by osr, handed to tier 1, or finished)
            hg = gen._hg
            if hg is None or gen._xl:
                hg = NULL
                try:
                    value = nxt(gen)
                except StopIteration:
                    return
                yield (value, value := None)[0]
                continue
            send = hg.send
        if gen._yb or gen._running or depth1 >= tstate.t2_room:
            try:
                value = nxt(gen)
            except StopIteration:
                return
            yield (value, value := None)[0]
            continue
        f = gen.gi_frame
        if plain or gen._yf is None:
            tstate.reentry = reentry1
            gen._running = True
            f._f_back = caller
            f.f_state = FRAME_EXECUTING
            tstate.depth = depth1
            tstate.frame = f
        elif gen._lzf is not None and depth0 + CHAIN_MAX < tstate.recursion_limit:
            # (the top of a lazily suspended chain: gen_next's resumption)
            tail = gen._lzf
            tstate.reentry = reentry1
            gen._running = True
            f._f_back = caller
            f.f_state = FRAME_EXECUTING
            gen._lzf = None
            tstate.depth = depth0 + gen._lzn
            tstate.frame = tail
            tail = None
        else:
            del f
            try:
                value = nxt(gen)
            except StopIteration:
                return
            yield (value, value := None)[0]
            continue
        try:
            value = send(None)
        except StopIteration as e:
            value = e.value
            e = None
            if gen_stopped(tstate, back, gen, value, depth0, reentry0, prev) is NULL:
                return
            # (continued in tier 1, which yielded it)
        except BaseException:
            tstate.reentry = reentry0
            tstate.depth = depth0
            tstate.frame = back
            raise
        else:
            tstate.reentry = reentry0
            if plain or gen._yf is None:
                tstate.depth = depth0
                tstate.frame = back
                gen._running = False
                f._f_back = None
                f.f_state = FRAME_SUSPENDED
            elif tstate.exc_info is prev:
                # (suspended lazily: gen_next's reasons)
                gen._lzf = tstate.frame
                gen._lzn = tstate.depth - depth0
                tstate.depth = depth0
                tstate.frame = back
                gen._running = False
                f._f_back = None
                f.f_state = FRAME_SUSPENDED
            else:
                tstate.depth = depth0
                tstate.frame = back
                _leave_chain(tstate, gen, prev)     # (delegating, items to unlink)
        del f       # (a frame finished meanwhile is not kept)
        # (the item's only reference is on the host's stack as the builtin
        # gets it, none kept here: the builtin drops it, and a guest
        # finalizer runs, when it would with Generator.__next__)
        yield (value, value := None)[0]


def _sent(gen, arg, value):
    """What next()/send() gives for what _step returned: the value, or
    StopIteration with the value returned; tier 1 resumes it if _step
    refused (FALLBACK)."""
    if value is FALLBACK:
        value, returned = gen._send_ex(arg)
    else:
        returned = gen.gi_frame is None
    if not returned:
        return value
    if value is None:
        raise StopIteration
    raise StopIteration(value)


def osr(gen, arg):
    """send() of a generator in tier 1 whose code is in tier 2 now (it was made
    before): not started, or suspended at a YIELD_VALUE, it continues as a
    host generator (the translation has a block after each yield).  Returns
    (value, returned), or None when tier 1 goes on."""
    if gen.gi_frame is None or gen.gi_frame.f_code._decoded.t2gen is None:
        return None
    tstate = get_tstate()
    if not _adopt(tstate, gen, arg):
        return None
    saved = swap_to_resumer(tstate, 3)
    try:
        value = _step(gen.gi_frame, tstate, gen, None)
    finally:
        restore_resumer(tstate, saved)
    return value, gen.gi_frame is None


def adopt(gen):
    """FOR_ITER of tier-2 code over a guest generator still in tier 1 (made
    before its code was translated): whether it has a host generator now, to
    be resumed by ``gen_step``.  Its code is translated here if it is still
    pending: a loop hot enough for tier 2 resumes it (string_format: the
    caller's loop got hot first, and leaving for tier 1 at its FOR_ITER kept
    the caller, and the rest of its call, in tier 1)."""
    f = gen.gi_frame
    if f is None:
        return False
    code = f.f_code
    d = code._decoded
    if d.t2gen is None:
        if d.t2state != 1:
            return False
        _t2.warm(code, d)
        if d.t2gen is None:
            return False
    return _adopt(get_tstate(), gen, None)


def _adopt(tstate, gen, arg):
    """osr's and adopt's test and set-up: ``gen`` (its code translated) gets
    a host generator starting where tier 1 left its frame, ``arg`` the value
    sent; False when it cannot continue in tier 2 (tier 1 goes on)."""
    f = gen.gi_frame
    if gen._running or gen._hg is not None:
        return False
    state = f.f_state
    if state == FRAME_CREATED:
        if arg is not None:
            return False
        start = 0
    elif state == FRAME_SUSPENDED and f.f_code.co_code[2 * f._lasti] == _YIELD_VALUE:
        start = f._lasti + 1
    elif state == FRAME_SUSPENDED and osr_delegates(f) and arg is None:
        start = f._lasti + 1    # (YIELD_FROM runs again: the receiver, None on top)
    else:
        return False
    if (tstate.tracer is not None or tstate.depth + 1 >= tstate.recursion_limit
            or tstate.depth >= HOST_NEST_DEPTH):
        return False
    code = f.f_code
    t2gen = code._decoded.t2gen
    if start and t2gen.entries is not None:
        # (a structured body is entered at its start only)
        t2gen = _entry_function(code, code._decoded, t2gen, start)
        if t2gen is None:
            return False
    if start:
        f.f_valuestack.append(arg)
    gen._hg = t2gen(f, start)
    gen._xl = t2gen.links
    return True


def osr_delegates(f):
    """Whether tier-1 generator frame ``f`` is suspended in a YIELD_FROM whose
    receiver is a generator in tier 2 (it continues there by a host
    ``yield from``, osr)."""
    code = f.f_code.co_code
    k = 2 * (f._lasti + 1)
    if k >= len(code) or code[k] != _YIELD_FROM or not f.f_valuestack:
        return False
    it = f.f_valuestack[-1]
    return type(it) is Generator and it._hg is not None


def _leave_chain(tstate, gen, prev, _suspended=FRAME_SUSPENDED):
    """The chain yielded (its innermost generator did): each level suspends,
    ``prev`` the thread's exc_info item again."""
    tstate.exc_info = prev
    g = gen
    while g is not None:
        if g._xl:
            g._exc_state.previous_item = None
        g._running = False
        gf = g.gi_frame
        gf._f_back = None
        gf.f_state = _suspended
        g = g._yf


def settle(gen):
    """Whatever reads the state of ``gen``, a level of a tier-2 delegation
    chain (it has ``_yb``), calls this first: if the chain's top was
    suspended lazily (gen_next), the levels below it are suspended now, as
    _leave_chain would have (none of them links an exc_info item)."""
    top = gen
    ref = top._yb
    while ref is not None:
        outer = ref()
        if outer is None:
            break
        top = outer
        ref = top._yb
    if top._lzf is None or top._running:
        return
    top._lzf = None
    g = top._yf
    while g is not None:
        g._running = False
        gf = g.gi_frame
        gf._f_back = None
        gf.f_state = FRAME_SUSPENDED
        g = g._yf


def _forget_chain(g):
    while g is not None:
        g._hg = None
        g._yb = None
        nxt = g._yf
        g._yf = None
        g = nxt


def deopt(gen):
    """Hand ``gen`` (with the chain delegating to it) to tier 1, suspended
    where it is; a running generator is left alone (tier 1 then raises)."""
    if gen._yb is not None:
        settle(gen)
    elif gen._lzf is not None:
        settle(gen)     # (the top itself)
    top = gen
    while top._yb is not None:
        outer = top._yb()
        if outer is None or outer._hg is None:
            break
        top = outer
    if top._running or top._hg is None:
        return
    f = top.gi_frame
    if f is None or f.f_state == FRAME_CREATED:
        _forget_chain(top)
        return
    try:
        top._hg.throw(_DeoptSignal())
    except StopIteration:
        pass
    _forget_chain(top)


def delegate(tstate, f, it, lasti):
    """YIELD_FROM of ``f`` starts delegating to ``it`` (a tier-2 generator) by
    a host ``yield from``: False when tier 1 must do it instead."""
    # (a generator another one delegates to by a host ``yield from``: its
    # host generator cannot serve two; tier 1 takes it, resume hands that
    # chain to tier 1 first)
    # (_yb a weak reference, true when set)
    if it._yb or it._running:
        return False
    # (the top of a chain suspended lazily: _enter_chain below makes every
    # level's state and drops the lazy one)
    depth = tstate.depth + 1
    # (below t2_room: below the recursion limit and no tracer attached, which
    # keeps it 0, tier2.host_room; at or above it, which a stale t2_room
    # also is, the two tests themselves: one comparison a call where there
    # were two)
    if depth >= tstate.t2_room and (tstate.tracer is not None
                                    or depth >= tstate.recursion_limit):
        return False
    if it._yf is None:
        # (``it`` is in tier 2, the caller tested: a chain of one level, the
        # common case of a generator just made; _enter_chain's work for it
        # inline)
        if depth >= CHAIN_MAX:
            return False
        ref = f._f_gen          # (the frame's weak reference to its generator)
        outer = ref()
        if outer is None:
            return False
        outer._yf = it
        it._yb = ref
        f._lasti = lasti
        if it._xl:
            item = it._exc_state
            item.previous_item = tstate.exc_info
            tstate.exc_info = item
        it._running = True
        gf = it.gi_frame
        gf._f_back = f
        gf.f_state = FRAME_EXECUTING
        tstate.depth = depth
        tstate.frame = gf
        return True
    n = _chain_length(it) - 1
    if n < 0 or depth + n >= CHAIN_MAX or depth + n >= tstate.recursion_limit:
        return False
    ref = f._f_gen
    outer = ref()
    if outer is None:
        return False
    outer._yf = it
    it._yb = ref
    f._lasti = lasti
    _enter_chain(tstate, it, f)
    return True


def undelegate(f, it):
    outer = f._f_gen()
    if outer is not None:
        outer._yf = None
    it._yb = None


def _leave(tstate, f):
    gen = f._f_gen()
    gen._running = False
    if gen._xl:
        item = gen._exc_state
        tstate.exc_info = item.previous_item
        item.previous_item = None
    tstate.frame = f._f_back
    f._f_back = None
    tstate.depth -= 1
    gen._hg = None
    gen._yb = None
    f._f_gen = None         # (GenBase._finish)
    gen.gi_frame = None
    return gen


def gen_done(tstate, f):
    """The generator returned: gen_send_ex's leave, the generator finished."""
    _leave(tstate, f)


def gen_raise(tstate, f, e):
    """An exception leaves the generator (already unwound in its frame):
    StopIteration becomes RuntimeError (PEP 479), as gen_send_ex."""
    gen = _leave(tstate, f)
    if isinstance(e, StopIteration):
        e = _ceval.gen_exception(gen, e)
    gen = None
    _t2.leave(e)


def gen_tier1(tstate, f):
    """The rest of the generator's run in the plain loop, from f._lasti + 1."""
    back = f._f_back
    tstate.depth -= 1
    tstate.frame = back
    try:
        return _ceval.eval_plain(tstate, f, None)
    finally:
        tstate.depth += 1
        tstate.frame = f
        f._f_back = back


_NS = None
_ceval = None       # (interpreter.ceval, bound with the namespace: ceval imports tier 2)
_new_frame = None   # (specialize.new_frame, likewise: specialize imports call.py)


def _namespace():
    global _NS, _ceval, _new_frame
    if _NS is None:
        from . import ceval as _ceval
        from .specialize import new_frame as _new_frame
        ns = dict(_t2.namespace())
        ns.update({
            "get_tstate": get_tstate, "DEOPT": DEOPT, "DeoptSignal": _DeoptSignal, "SUSPENDED": FRAME_SUSPENDED,
            # (gen_done is _leave itself: one host call less per generator)
            "delegate": delegate, "undelegate": undelegate, "gen_done": _leave,
            "gen_raise": gen_raise, "gen_tier1": gen_tier1, "Generator": Generator,
            "gen_adopt": adopt, "IN_HOST_GENERATOR": _t2f.IN_HOST_GENERATOR,
            "GenExit_": _GenExit, "multi_": _pystate.other_thread[0],
        })
        _NS = ns
        if _pystate.other_thread[0]:
            ns["multi_"] = True     # (one made meanwhile, before _NS was set)
    return _NS


def _multi():
    """A thread other than the main one gets its state (pystate.get_tstate):
    generator bodies look for a change of thread after each yield from now on
    (_SAME_THREAD), those made (their globals, _made) and those to come."""
    if _NS is not None:
        _NS["multi_"] = True
    for fn in list(_MADE):
        fn.__globals__["multi_"] = True


# (the host generator functions made: _multi)
_MADE = _WeakSet()


_pystate.other_thread_hooks.append(_multi)


_vmhooks.gen_resume = resume
_vmhooks.gen_osr = osr
# (next() and send() of every guest generator: tier 2's entry first, the
# plain path for the others, with no host frame between)
for _name, _fn in (("__next__", gen_iternext), ("send", gen_send)):
    _plain = Generator.__dict__.get(_name) or getattr(Generator, _name)
    # (seen by the guest as the methods they replace: names and doc)
    _fn.__name__, _fn.__qualname__, _fn.__doc__ = (
        _plain.__name__, _plain.__qualname__, _plain.__doc__)
    setattr(Generator, _name, _fn)
del _name, _fn, _plain
# (the generator type immutable from here on, as CPython's: the guest cannot
# replace the methods that tier 2's sites call directly, fused_send, nor any
# other; genobject made the rest of its family immutable)
_make_immutable(Generator)
_vmhooks.gen_deopt = deopt
_vmhooks.gen_settle = settle
# What must not be interrupted by a guest signal handler's exception
# (runtime/signals.py): the generators' and the thread's state changes
BOOKKEEPING = (_enter_chain, _leave_chain, _forget_chain, _chain_length, settle,
               deopt, delegate, undelegate, _leave, gen_done, gen_raise, gen_stopped)

gen_step = gen_next     # (tier2.py's FOR_ITER over a generator in tier 2)
leave_chain = _leave_chain     # (emit_inline_step's, with prev_item)
# (what tier2.py calls of this module, bound there once this module is whole:
# whichever of the two is imported first, see tier2.py's last lines)
_t2.osr_delegates = osr_delegates
_t2.new_generator = new_generator
_t2.consume = consume     # (call.call_host's)

# (host frames of these run a guest generator's frame, their first argument:
# VM entries as ceval.run_frame's, runtime/hostframes.py)
ENTRY_CODES = (_step.__code__, gen_next.__code__)
# (interrupted in their own code, not in the guest code they run)
OWN_BOOKKEEPING = (_step, gen_next, gen_iternext, method_send, _items)
# (gen_iternext is no VM entry there: it resumes a generator itself only
# for a resumer that is the VM's code, with no host frame between, so the
# guest frames it runs continue the entry's below it)
