"""Lazy frames: the guest frames of frameless tier-2 calls, made when observed.

Mirrors CPython 3.11's split of a frame into the interpreter's own record
(_PyInterpreterFrame, Include/internal/pycore_frame.h) and the frame object
made only when someone asks for it (_PyFrame_GetFrameObject, Python/frame.c;
take_ownership copying a finished frame's locals into its frame object).

A *lean* tier-2 function (tier2.py) is a guest call that builds no Frame: its
guest locals are host locals ``l0 ..``, its arguments host parameters.  While
lean calls run, ``tstate.frame`` holds the marker ``LEAN``.  A lean call entered
from anywhere else (its ``frame0`` the default ``OUTSIDE``, or a Frame handed
in) saves the previous value in its host local ``back``, stores ``LEAN`` and
restores ``back`` on exit; a lean call made by lean code (its call site passes
``frame0`` None) finds ``LEAN`` there already and touches nothing (it sets no
``back``, read as ``LEAN``: its caller is the next lean host frame outwards).  Whatever runs
inside a lean call and stores another frame (a frame-based callee, the plain
loop, a generator's resumption, a deoptimisation) puts ``LEAN`` back as it
found it, so the one question "which guest frame is current?" has one answer:

* ``current_frame(tstate)``: ``tstate.frame`` unless it is ``LEAN``; then the
  innermost lean host frame on the host stack, materialised.

Materialising a lean host frame ``hf`` makes the Frame once per call (kept in
the call's one-slot list ``fr``, so ``sys._getframe() is sys._getframe()``):
f_code/f_globals/f_builtins from the function's bindings, f_localsplus
unbound (no copy: a copy would keep alive what the call then rebinds, where
CPython's frame object reads the live frame), ``f_back`` the caller (``back``,
or when that is ``LEAN`` the next lean host frame outwards, materialised in
turn).  Once made, it is remembered (weakly, ``_last``) with its host frame, so
the next observer of the same call, and a frame-based callee's f_back, find it
after a walk over host frames' code alone, without reading a host frame's
locals; ``tstate.frame`` stays ``LEAN`` (a Frame stored there would be stale
once a lean-to-lean call, which saves nothing, starts or returns).  A Frame the plain loop already made for the call
(tier2.osr_entry, run_callee) is passed in as ``frame0`` and used as the
call's frame: the lean prologue moves its locals (and value stack, at a loop
header) into host locals (``enter``).  The Frame keeps ``hf`` (``_f_host``):
its f_locals (Frame.f_locals, Frame.fast_locals) are refreshed from the host
frame, at the call's end its final locals are copied in and the link dropped
(``settle``, ``unlink``), and while it runs its f_lasti/f_lineno come from
``hf.f_lineno`` through the generated code's line table.  Nothing here runs unless a frame is observed (a builtin
such as sys._getframe/locals(), an exception's traceback entry, a tracer
attaching, a plain-loop frame started from lean code needing its f_back).
"""

from sys import _getframe
from weakref import ref as _weakref

from ..objects.cellobject import NULL
from ..objects.frameobject import (Frame, FRAME_CREATED, FRAME_EXECUTING, FRAME_RETURNED,
                                   FRAME_RAISED)
from ..objects import frameobject as _fo
from .pystate import get_tstate as _get_tstate


class _LeanMarker:
    __slots__ = ()

    def __repr__(self):
        return "<lean tier-2 frames>"


LEAN = _LeanMarker()


class _OutsideMarker:
    __slots__ = ()

    def __repr__(self):
        return "<called from outside lean code>"


# the default ``frame0`` of a lean function: its caller is not lean code (or
# is not known to be), so the call saves and restores ``tstate.frame``; a call
# site in lean code passes None, a plain-loop entry the Frame it made
OUTSIDE = _OutsideMarker()

# id of the host code object of a lean tier-2 function -> LeanInfo (which keeps
# that code alive).  By identity: code objects compare equal by value, and two
# guest functions of one shape make equal host code.
LEAN_CODES = {}

_new = object.__new__


class LeanInfo:
    __slots__ = ("code", "linemap", "decoded", "host_code", "by_offset", "jumps")

    def __init__(self, code, linemap, decoded, host_code, jumps=None):
        self.code = code
        self.linemap = linemap
        self.decoded = decoded
        self.host_code = host_code
        self.by_offset = None       # (index_at: made at the first read)
        # {host line: step} of the lines where a COMPARE_OP and its jump are
        # one host ``if`` (tier2._fused_jumps): the host jump instruction
        # there is the guest jump's
        self.jumps = jumps


def _offset_table(info):
    """The guest instruction index of each host instruction of ``info``'s
    host code (by its line; on a fused compare-and-jump line, its
    conditional jump by the line's jump step), made once."""
    linemap = info.linemap
    n = len(info.host_code.co_code) >> 1
    table = [-1] * n
    for start, end, line in info.host_code.co_lines():
        i = linemap[line] if line is not None and 0 <= line < len(linemap) else -1
        for k in range(start >> 1, min(end >> 1, n)):
            table[k] = i
    jumps = info.jumps
    if jumps:
        # (the truth test of the compare's result, a guest __bool__ maybe,
        # and the result's release run at the host jump: the guest jump's)
        import dis
        for ins in dis.get_instructions(info.host_code):
            step = jumps.get(ins.positions.lineno)
            if step is not None and ins.opname.startswith("POP_JUMP") and ins.offset >> 1 < n:
                table[ins.offset >> 1] = step
    info.by_offset = table
    return table


def index_at(info, hf):
    """The guest instruction index (-1 outside the translated body) that lean
    host frame ``hf`` of ``info`` is at: ``linemap[hf.f_lineno]``, read from
    its host instruction offset through a table made once per host code
    (f_lineno scans the line table from its start, which for a long function
    cost more than the rest of a nested host entry)."""
    return index_of(info, hf.f_lasti, None, hf)


def index_of(info, lasti, lineno, hf=None):
    """index_at for host instruction offset ``lasti`` (a traceback entry's
    tb_lasti, with its tb_lineno: the line's step where the offset is not
    in the table)."""
    table = info.by_offset
    if table is None:
        table = _offset_table(info)
    k = lasti >> 1
    if 0 <= k < len(table):
        return table[k]
    return info.linemap[hf.f_lineno if hf is not None else lineno]


def current_frame(tstate):
    """The running guest frame (materialised if a lean tier-2 call runs it)."""
    f = tstate.frame
    if f is LEAN:
        f = materialise(_getframe(1))
    return f


def current():
    """current_frame of the calling thread."""
    f = _get_tstate().frame
    if f is LEAN:
        f = materialise(_getframe(1))
    return f


def _lean_above(hf):
    codes = LEAN_CODES
    while hf is not None:
        if id(hf.f_code) in codes:
            return hf
        hf = hf.f_back
    return None


def lean_position(hf):
    """(guest code, instruction index) of the innermost lean call at or above
    host frame ``hf``, read from its host line without making its Frame (the
    index is -1 outside its translated body); None when there is none."""
    hf = _lean_above(hf)
    if hf is None:
        return None
    info = LEAN_CODES[id(hf.f_code)]
    return info.code, index_at(info, hf)


# Reading a host frame's locals: ``hf.f_locals`` (3.11, 3.12) fills and returns
# the one dict the host frame caches, which each reader empties when done
# (holding nothing alive).  Any allocation while a reader picks values out of
# it may run a collection, hence guest finalizers and weakref callbacks, and a
# signal handler may run between any two host instructions: guest code that
# observes frames there reads (and empties) the same dict.  So a reader
# counts on nothing it has not taken out, and takes it again when the dict
# was emptied meanwhile (_emptied counts the emptyings).
_emptied = [0]


def _snapshot(hf):
    """(fr, back, globals_, builtins_) of lean host frame ``hf`` (fr None,
    back NULL: still in its prologue), read from one f_locals.  (A call made
    by lean code, ``frame0`` None, sets no ``back``: its caller is LEAN.)"""
    while True:
        seen = _emptied[0]
        loc = hf.f_locals
        get = loc.get
        cell = get("fr")
        back = get("back", NULL)
        if back is NULL and get("frame0", NULL) is None:
            back = LEAN
        globals_ = get("globals_")
        builtins_ = get("builtins_")
        if _emptied[0] == seen:
            break
    if type(loc) is dict:
        loc.clear()     # (the host keeps the snapshot: hold nothing alive)
        _emptied[0] += 1
    return cell, back, globals_, builtins_


def materialise(hf, current=True):
    """The Frame of the innermost lean call at or above host frame ``hf`` that
    has entered (made now, or the one made before), its f_back chain made too.
    (``current``: unused, kept for the callers; tstate.frame stays ``LEAN``.)"""
    hf = _lean_above(hf)
    last = _last[0]
    if last is not None:
        # (the frame made last, still linked to this very host frame: its
        # chain is made; no read of the host frame's locals)
        fm = last()
        if fm is not None and hf is not None and getattr(fm, "_f_host", None) is hf:
            return fm
    first = None
    last_new = None         # the newest Frame made whose f_back is still to set
    while hf is not None:
        info = LEAN_CODES[id(hf.f_code)]
        cell, back, globals_, builtins_ = _snapshot(hf)
        if cell is None or back is NULL or (cell[0] is None and index_at(info, hf) < 0):
            # (a lean call still in its prologue, not a guest frame yet, or
            # past its return in its epilogue, no longer one: a Frame made
            # there would stay in the call's slot, which each call leaves
            # empty, tier2._lean_source)
            hf = _lean_above(hf.f_back)
            continue
        fm = cell[0]
        if fm is LEAN:
            # (deoptimised: its frame is an ordinary one now, on tstate.frame's chain)
            hf = _lean_above(hf.f_back)
            continue
        made = fm is None
        if made:
            fm = _make(hf, info, globals_, builtins_)
            if cell[0] is None:
                cell[0] = fm
                _link(fm, hf)
            else:
                # made meanwhile by guest code run from an allocation in _make (a
                # finalizer observing this frame): that one has been seen, it
                # is the frame (CPython's _PyFrame_MakeAndSetFrameObject, GH-97002)
                fm = cell[0]
                made = False
        elif fm.f_state == FRAME_CREATED:
            # a Frame made for the call (tier2.run_callee) and not pushed: as made here
            _adopt(fm, hf)
            made = True
        elif getattr(fm, "_f_host", None) is None:
            fm._f_host = hf     # (the plain loop's frame, continued lean: tier2.osr_entry)
            _linked[0] += 1
            install()
        if last_new is not None:
            last_new._f_back = fm
        if first is None:
            first = fm
        if not made:
            break
        if back is not LEAN:
            fm._f_back = back
            break
        last_new = fm
        hf = _lean_above(hf.f_back)
    if first is not None and getattr(first, "_f_host", None) is not None:
        # (weakly: a Frame kept here would keep its final locals alive after
        # its call, where CPython frees them with the frame)
        _last[0] = _weakref(first)
    return first


# the Frame materialise returned last (a weak reference), or None
_last = [None]
# (the same list, read by tier2gen.gen_next for materialise's first test)
last_made = _last


def _make(hf, info, globals_, builtins_):
    """The Frame of lean host frame ``hf`` (not yet linked).  Its f_localsplus
    holds no copy of the locals (a copy would keep alive what the call then
    rebinds, unlike CPython's frame object): readers refresh it from the host
    frame (Frame.f_locals, Frame.fast_locals), and the call's end copies them."""
    fm = _new(Frame)
    fm.f_code = info.code
    fm.f_globals = globals_
    fm.f_builtins = builtins_
    fm._f_locals = None
    # (no copy of the locals, nor of the cells, which are host closure
    # variables of the lean function: refresh reads them all)
    fm.f_localsplus = [NULL] * info.decoded.nlocalsplus
    fm.f_valuestack = []
    fm.f_blockstack = []
    i = index_at(info, hf)
    fm._lasti = i if i >= 0 else -1
    fm.f_instrs = info.decoded.instrs
    fm.f_state = FRAME_EXECUTING
    fm.f_init_self = None
    fm._f_back = None
    return fm


def _link(fm, hf):
    fm._f_host = hf
    _linked[0] += 1
    install()


class _InHostGenerator:
    """``Frame._f_host`` of a generator's frame whose locals are host locals
    of the host generator running it (tier2gen._HostLocals): readers find
    that through the frame's generator (``_f_gen``, ``_hg``), so a generator
    starting and finishing costs two stores, no link made and dropped."""
    __slots__ = ()
    f_code = None       # (not a lean host frame: _live_lasti asks the plain hook)

    def __repr__(self):
        return "<locals in the host generator>"


IN_HOST_GENERATOR = _InHostGenerator()


def host_generators():
    """Called once when generators with host locals exist: refresh is asked
    from then on (the count of linked frames stays above 0)."""
    _linked[0] += 1
    install()


def make_direct(hf, back, globals_, builtins_, fast):
    """The Frame of lean host frame ``hf`` leaving by an exception, from what
    its except clause passes (tier2.lean_raise): no read of ``hf.f_locals``;
    its locals no longer change, so it is not linked to ``hf``."""
    info = LEAN_CODES[id(hf.f_code)]
    fm = _new(Frame)
    fm.f_code = info.code
    fm.f_globals = globals_
    fm.f_builtins = builtins_
    fm._f_locals = None
    fm.f_localsplus = list(fast)
    fm.f_valuestack = []
    fm.f_blockstack = []
    fm._lasti = -1
    fm.f_instrs = info.decoded.instrs
    fm.f_state = FRAME_EXECUTING
    fm.f_init_self = None
    # (the caller's frame, not the current one: this call has not left yet;
    # a lean caller's is not made: nothing reads this frame's f_back, which
    # only its traceback entry sees, tracebacks.add_entry's ``alone``, and a
    # Frame made for a lean caller would cost that caller a read of its host
    # frame's locals and a link)
    fm._f_back = back if back is not LEAN else None
    return fm


def _adopt(fm, hf):
    info = LEAN_CODES[id(hf.f_code)]
    i = index_at(info, hf)
    fm._lasti = i if i >= 0 else -1
    fm.f_state = FRAME_EXECUTING
    fm._f_back = None
    if getattr(fm, "_f_host", None) is None:
        _link(fm, hf)


def enter(frame0, nlocals, nslots):
    """The prologue of a lean call handed a Frame (tier2.run_callee: made, not
    started; tier2.osr_entry: running, at instruction 0 or a loop header): its
    ``nlocals`` locals and ``nslots`` value-stack slots (padded with None) move
    out of it into the host frame's locals, and it is linked to that host frame
    (its f_locals read from there until the call settles).  Nothing but the
    call then holds them: CPython drops a value when its last holder does."""
    lp = frame0.f_localsplus
    vals = lp[:nlocals]
    lp[:nlocals] = [NULL] * nlocals
    if nslots:
        st = frame0.f_valuestack
        vals += st
        vals += [None] * (nslots - len(st))
        del st[:]
    if getattr(frame0, "_f_host", None) is None:
        _link(frame0, _getframe(1))
    return vals


def own_frame(fr, hf):
    """The frame of lean host frame ``hf`` (its ``fr`` given), materialised,
    linked to ``hf`` for its locals."""
    fm = fr[0]
    if fm is None or fm.f_state == FRAME_CREATED:
        return materialise(hf)
    if getattr(fm, "_f_host", None) is None:
        fm._f_host = hf
        _linked[0] += 1
        install()
    return fm


def mat(fr):
    """The Frame of the lean call calling this (its ``fr`` list given)."""
    fm = fr[0]
    if fm is None or fm.f_state == FRAME_CREATED or getattr(fm, "_f_host", None) is None:
        fm = own_frame(fr, _getframe(1))
    return fm


def settle(fr, index, fast=None, state=FRAME_RETURNED):
    """A lean call whose frame was materialised or handed in returns (or
    raises) at ``index``; ``fast``: its locals at that point."""
    fm = fr[0]
    # its locals copied out of the host frame, which it then lets go: they no
    # longer change, and a reused (zombie) Frame must not read a stale host frame
    if getattr(fm, "_f_host", None) is not None:
        if fast is None:
            detach(fm)
        else:
            unlink(fm, fast)
    fm._lasti = index
    fm.f_state = state
    # (emptied last: an observer run meanwhile, from an allocation, finds this
    # frame, not an empty slot to make another one in, which no later call's
    # prologue would clear: the prologues do not write the slot)
    fr[0] = None


def refresh(frame):
    """A materialised lean frame's fast locals, from its host frame (running or finished)."""
    if not _linked[0]:
        return          # (no frame is linked: nothing to ask of this one)
    hf = getattr(frame, "_f_host", None)
    if hf is None:
        return
    if hf is IN_HOST_GENERATOR:
        # (a generator's frame: its locals are in its host generator's frame)
        gen = frame._f_gen() if frame._f_gen is not None else None
        hg = gen._hg if gen is not None else None
        hf = hg.gi_frame if hg is not None else None
        if hf is None:
            return
    n = len(frame.f_localsplus)     # (the locals, then the free cells)
    while True:
        seen = _emptied[0]
        loc = hf.f_locals
        get = loc.get
        fast = [get("l%d" % i, NULL) for i in range(n)]
        if _emptied[0] == seen:
            break       # (else emptied by a reader run from the list's allocation)
    frame.f_localsplus[:] = fast
    if type(loc) is dict and frame.f_state == FRAME_EXECUTING:
        loc.clear()
        _emptied[0] += 1


def unlink(frame, fast):
    """The lean call running ``frame`` ends with locals ``fast``: they are the
    frame's own now, and it lets its host frame go."""
    frame.f_localsplus[:] = fast
    if getattr(frame, "_f_host", None) is not None:
        del frame._f_host
        _linked[0] -= 1


def detach(frame):
    """The frame continues as an ordinary Frame (deoptimised): its locals are its own."""
    refresh(frame)
    try:
        del frame._f_host
    except AttributeError:
        pass
    else:
        _linked[0] -= 1


_plain_live_lasti = None
# how many Frames are linked to a host frame now (refresh asks nothing when none)
_linked = [0]


def _live_lasti(frame):
    hf = getattr(frame, "_f_host", None)
    if hf is not None:
        info = LEAN_CODES.get(id(hf.f_code))
        if info is not None:
            i = index_at(info, hf)
            return i if i >= 0 else None
    return _plain_live_lasti(frame) if _plain_live_lasti is not None else None


def install():
    """Hook the frame object's live f_lasti and f_locals (once, at the first lean frame)."""
    global _plain_live_lasti
    if _fo.live_lasti_hook() is not _live_lasti:
        _plain_live_lasti = _fo.live_lasti_hook()
        _fo.set_live_lasti(_live_lasti)
        _fo.set_lean_refresh(refresh, _linked)


__all__ = ["LEAN", "OUTSIDE", "LEAN_CODES", "LeanInfo", "current_frame", "materialise", "mat", "settle", "enter", "unlink",
           "refresh", "detach", "FRAME_RAISED", "lean_position"]
