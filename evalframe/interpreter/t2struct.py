"""Structured host control flow for lean tier-2 functions.

CPython's compiler (Python/compile.c) lays a function's control flow out as
basic blocks joined by jumps; the host language has no goto, so tier 2's
general shape is a dispatch loop (``while True: if blk <= K: ...``, a jump
being ``blk = T; continue``: tier2.translate).  Most hot code is simpler: its
forward jumps come from ``if``/``and``/``or`` and its backward jumps from
``for``/``while`` loops that nest.  This module writes such code in host
``if``/``while`` form, which costs no dispatch test per block:

* a forward jump's path is written out where the jump is (``if not c: <the
  code from the target on>``), the fall-through path after it, so code after
  a join is written once per path into it (a tree: each path keeps its own
  virtual stack and bound locals, no slots written at joins);
* a loop (the instructions from a backward jump's target to the last jump
  back to it) is a host ``while True:``: a jump back to its header is
  ``continue``, a jump to the one instruction its exits all go to is
  ``break``, after which that instruction's code follows the ``while``.

A frame entering at a loop header (on-stack replacement) gets a function of
its own for that header, written from there on: the loops around the header
are left at their ends as straight code, a jump back to one of their headers
is that loop again, written out there (once per such jump).

Anything else (loops that overlap, a jump into a loop's middle or to an
outer loop's header, several exit targets, a tree grown too large or too
deep) raises ``Unstructured`` and tier 2 keeps its dispatch shape.  Code
without handlers only (no block stack): lean functions (tier2._Lean) and
generator bodies (tier2gen._Structured, entered at instruction 0 or, a
generator tier 1 suspended, after a yield: the osr form above from there).
"""

from .. import opcodes as _K


class Unstructured(Exception):
    """The code's jumps do not fit host if/while: the dispatch shape instead."""


# a tree that grows beyond this many host lines per guest instruction (code
# after many joins written once per path), or nests deeper than this many
# indentations (the host parser stops at 100), keeps the dispatch shape
_GROWTH = 6
_MAX_INDENT = 40


class Loop:
    __slots__ = ("head", "last", "exit", "orelse", "parent")

    def __init__(self, head, last):
        self.head = head        # the backward jumps' target
        self.last = last        # the last instruction jumping back to it
        self.exit = None        # where every exit goes (None: none, it returns)
        # the ``else`` clause of a loop with one (``for``/``while`` ... ``else``:
        # its exits go to it, a ``break`` past it): written out where an exit
        # goes to it, then ``break``; None: no such clause
        self.orelse = None
        self.parent = None      # the loop around it

    def __contains__(self, i):
        return self.head <= i <= self.last


def loops_of(raw, basic, depth, successors):
    """({header: Loop} of the code's loops, [(from, to)] of its reachable
    control edges, {pre-header start: header}), or Unstructured."""
    names = _K.opname
    n = len(raw)
    last = {}
    edges = []
    for i, (op, arg) in enumerate(raw):
        if depth[i] is None:
            continue
        for t, jumped in successors(i, op, arg, names[op], basic[i][1]):
            if t >= n or depth[t] is None:
                continue
            edges.append((i, t))
            if jumped and t <= i:
                last[t] = max(last.get(t, i), i)
    # 3.10's ``while c:`` tests ``c`` before the loop and again at its end,
    # jumping back to the body; a ``continue`` jumps back to the first test.
    # That test is the loop's pre-header, not a loop of its own: a jump back
    # to it is its code written out there (it goes on into the loop or leaves it)
    pre = {}
    heads = sorted(last)
    for a in heads:
        for b in heads:
            if a < b <= last[a] < last[b] and _pre_header(edges, a, b, last[b]):
                pre[a] = b
                break
    for a in pre:
        del last[a]
    loops = {h: Loop(h, e) for h, e in last.items()}
    ordered = sorted(loops.values(), key=lambda lp: (lp.head, -lp.last))
    for k, lp in enumerate(ordered):
        # the innermost loop around this one: they nest, or the code is not
        # structured
        for outer in reversed(ordered[:k]):
            if lp.head in outer:
                if lp.last not in outer:
                    raise Unstructured("overlapping loops")
                lp.parent = outer
                break
    for i, t in edges:
        src = innermost(loops, i)
        dst = innermost(loops, t)
        if t <= i:
            if src is None or (t != src.head and pre.get(t) != src.head):
                raise Unstructured("a backward jump to no loop's header")
            continue
        if dst is src:
            continue
        if dst is not None and dst.parent is src and t == dst.head:
            continue            # (into a nested loop, at its header)
        # an exit of ``src``: to the one place its exits all go, in the loop
        # around it (or at the header of a loop nested there)
        if src is None or not (dst is src.parent or (
                dst is not None and dst.parent is src.parent and t == dst.head)):
            raise Unstructured("a jump into a loop, or out of two")
        if src.exit is None:
            src.exit = t
        elif src.exit != t:
            if src.orelse is not None and t not in (src.exit, src.orelse):
                raise Unstructured("a loop with three exit targets")
            src.orelse, src.exit = min(src.exit, t, src.orelse or n), max(src.exit, t)
    for lp in loops.values():
        if lp.orelse is not None and not _else_clause(edges, lp):
            raise Unstructured("a loop with several exit targets")
    for a, b in pre.items():
        # (the pre-header's code leaves only into its loop or to the loop's exit)
        lp = loops[b]
        for i, t in edges:
            if a <= i < b and not (a <= t <= b or t in (lp.exit, lp.orelse)):
                raise Unstructured("a pre-header going elsewhere")
    return loops, edges, pre


def _else_clause(edges, lp):
    """Whether the instructions from ``lp.orelse`` up to ``lp.exit`` leave only
    to ``lp.exit`` (written out in the loop, they end with its ``break``)."""
    first, end = lp.orelse, lp.exit
    for i, t in edges:
        if first <= i < end and not first <= t <= end:
            return False
    return True


def _pre_header(edges, a, b, end):
    """Whether the jumps back to ``a`` all come from the loop at ``b`` (up to ``end``)."""
    for i, t in edges:
        if t == a and i >= a and not b <= i <= end:
            return False
    return True


def innermost(loops, i):
    best = None
    for lp in loops.values():
        if i in lp and (best is None or lp.head > best.head):
            best = lp
    return best


class Tree:
    """The state of one structured translation (held by the group as ``tree``)."""

    def __init__(self, g, code, d, depth, bound_at, comments, block, starts, loops, edges,
                 pre):
        self.g = g
        self.code = code
        self.d = d
        self.depth = depth
        self.bound_at = bound_at
        self.comments = comments
        self.block = block          # tier2._block
        self.starts = starts        # sorted block starts
        self.loops = loops
        self.pre = pre              # pre-header start -> its loop's header
        self.pre_of = {b: a for a, b in pre.items()}
        self.preds = {}
        self.succs = {}
        for a, b in edges:
            self.preds.setdefault(b, []).append(a)
            self.succs.setdefault(a, []).append(b)
        self.joins = []             # pending joins of the current run: (target, indent0)
        self.ctx = None             # the innermost host loop being written
        # entered at a loop header (osr): the loops around it are not host
        # loops around the code written; a jump back to the header of one is
        # that loop written anew, as a host loop entered at its header
        self.osr = False
        self.limit = _GROWTH * len(d.raw) + 200
        # the block starts after each instruction (a block ends before the next)
        n = len(d.raw)
        self.next_start = nxt = [n] * (n + 1)
        k = len(starts)
        for i in range(n - 1, -1, -1):
            while k > 0 and starts[k - 1] > i:
                k -= 1
            nxt[i] = starts[k] if k < len(starts) else n

    def canonical_state(self, i):
        g = self.g
        g.vs = ["s%d" % k for k in range(self.depth[i])]
        g.bound = set(self.bound_at[i] or ())

    def run(self, j, head=False):
        """Write the code from instruction ``j`` on (the group's virtual stack
        and bound locals as they are on this path) until control leaves it;
        ``head``: ``j`` is the header of the loop just begun."""
        outer, self.joins = self.joins, []
        try:
            self._run(j, head)
        finally:
            self.joins = outer

    def _run(self, j, head):
        g = self.g
        n = len(self.d.raw)
        joins = self.joins
        while True:
            if len(g.body) > self.limit or g.indent0 > _MAX_INDENT:
                raise Unstructured("too large")
            while joins and joins[-1][0] == j:
                # the fall-through path reaches a join: the jump's path has
                # written its stack to the slots, this one does the same
                g.write_slots()
                g.indent0 = joins.pop()[1]
                self.canonical_state(j)
            ctx = self.ctx
            if ctx is not None and j not in ctx and not (
                    self.pre_of.get(ctx.head, j + 1) <= j < ctx.head) and not (
                    ctx.orelse is not None and ctx.orelse <= j < ctx.exit):
                # fell off the loop's end (a conditional jump back: 3.10's loops)
                if j != ctx.exit:
                    raise Unstructured("a loop falling into the wrong place")
                g.canonical()
                g.emit("break")
                j = self.path_ended()
                if j is None:
                    return
                continue
            lp = self.loops.get(j)
            if lp is not None and lp is ctx and not head:
                # (a pre-header's code written out in the loop goes on into it)
                g.write_slots()
                g.emit("continue")
                j = self.path_ended()
                if j is None:
                    return
                continue
            head = False
            if lp is not None and lp is not ctx:
                j = self.loop(lp)
                if j is None:
                    j = self.path_ended()   # (a loop that only returns)
                    if j is None:
                        return
                continue
            # (a nested loop's header ends this block, as any block start does)
            end = self.next_start[j]
            if not self.block(g, self.code, self.d, self.depth, j, end, self.comments):
                j = self.path_ended()
                if j is None:
                    return
                continue
            if end >= n:
                g.emit("raise SystemError('tier 2: fell off the code')")
                j = self.path_ended()
                if j is None:
                    return
                continue
            j = end

    def path_ended(self):
        """This path has left (returned, raised, continued or left the loop, or
        gone to the pending join): where the run goes on, the innermost pending
        join, which the other path reaches (None: the run is done)."""
        if not self.joins:
            return None
        j, self.g.indent0 = self.joins.pop()
        self.canonical_state(j)
        return j

    def loop(self, lp):
        """A host ``while True:`` for loop ``lp``, entered at its header; the
        instruction its exits go to (None: they all return)."""
        g = self.g
        if lp.parent is not self.ctx and not (self.osr and self.ctx is None):
            raise Unstructured("a loop entered from outside its parent")
        g.canonical()
        flag = None
        if self.d.raw[lp.head][0] == _K.FOR_ITER and self.depth[lp.head]:
            # (the iterator a ``for`` loop's FOR_ITER reads stays in its slot
            # while the loop runs, GET_ITER or the osr entry put it there: its
            # kind is tested once here, not at every item, tier2._lean_op)
            it = "s%d" % (self.depth[lp.head] - 1)
            flag = "g%d" % (self.depth[lp.head] - 1)
            g.emit("%s = type(%s) is Generator" % (flag, it))
            if not g.lean:
                # (and whether its code is plain_gen: the inline step then
                # tests neither _xl nor _yf per item, tier2gen.emit_inline_step;
                # ``xK`` named after ``gK``)
                g.emit("x%s = %s and %s.gi_code._decoded.plain_gen" % (flag[1:], flag, it))
        g.emit("while True:")
        outer, self.ctx = self.ctx, lp
        g.indent0 += 1
        self.canonical_state(lp.head)
        if flag is not None:
            saved, g.gen_flags = g.gen_flags, dict(g.gen_flags, **{it: flag})
        self.run(lp.head, True)
        if flag is not None:
            g.gen_flags = saved
        g.indent0 -= 1
        self.ctx = outer
        if lp.exit is None:
            return None
        self.canonical_state(lp.exit)
        return lp.exit

    def joinable(self, j, t):
        """Whether the instructions between a conditional jump ``j`` and its
        target ``t`` are entered only from ``j`` and leave only to ``t``
        (or return, or continue or leave the loop around them)."""
        ctx = self.ctx
        if innermost(self.loops, t) is not ctx and not (
                t in self.loops and self.loops[t].parent is ctx):
            return False
        preds, succs = self.preds, self.succs
        for b in range(j + 1, t):
            for a in preds.get(b, ()):
                if not j <= a < t:
                    return False
            for c in succs.get(b, ()):
                if not (j < c <= t or (ctx is not None and c in (ctx.head, ctx.exit, ctx.orelse))
                        or j < self.pre.get(c, -1) < t):
                    return False
        return True

    def jump(self, target, indent):
        """The group's ``exit``: a jump's path, written where the jump is."""
        g = self.g
        ctx = self.ctx
        if ctx is not None and target == ctx.head:
            g.write_slots(indent)
            g.emit("continue", indent)
            return
        if ctx is not None and target == ctx.exit:
            g.write_slots(indent)
            g.emit("break", indent)
            return
        if target <= g.step and not (self.osr and ctx is None and target in self.loops) and not (
                ctx is not None and self.pre.get(target) == ctx.head):
            raise Unstructured("a backward jump")
        joins = self.joins
        if joins and joins[-1][0] == target and indent == 0:
            # (an unconditional jump to the join: this path ends there)
            g.write_slots()
            return
        if indent == 1 and self.joinable(g.step, target):
            # ``if c: <the code up to the join>``, the jump's path in the other
            # branch: both go on at the join (written once)
            size = len(g.body)
            g.write_slots(1)
            if len(g.body) == size:
                g.emit("pass", 1)
            g.emit("else:")
            joins.append((target, g.indent0))
            g.indent0 += 1
            return
        saved = (list(g.vs), g.bound, g.indent0, g.step)
        g.bound = set(g.bound)
        g.indent0 += indent
        size = len(g.body)
        self.run(target)
        if len(g.body) == size:
            g.emit("pass")
        g.vs, g.bound, g.indent0, g.step = saved
