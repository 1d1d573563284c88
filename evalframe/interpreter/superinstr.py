"""Superinstructions: runs of simple instructions fused into one host function.

Mirrors no CPython file; it is what the "superinstructions" of CPython 3.12's
generated interpreter (LOAD_FAST__LOAD_FAST, ...) and the specialising
adaptive interpreter of 3.11 do, taken further the way PyPy's and
MicroPython's "viper" emitters do: decided once per code object (once it is
warm: ``WARMUP``).  A *group* is a run of consecutive instructions that stay
in the frame (no block-stack operations, no YIELD_FROM...), starting at a jump
target or after an instruction that is not fused, and ending at a jump, a
return, a yield or a CALL_FUNCTION / CALL_METHOD.  Its instructions are
translated to host Python source with the value stack kept in host locals
(a "virtual stack", flushed to the frame's real stack only where a group
exits or calls out), compiled once per distinct source text, and stored at
the group's first index in the list the plain loop runs (``Decoded.instrs``),
with the argument ``FUSED``.  The fused function returns like a handler: the
index to continue at, RETURN / YIELD (having set f._lasti to that
instruction), a callee Frame (f._lasti set to its call), or a generator for
the loop to resume inline (a FOR_ITER).

Entries inside a group keep their one-instruction handlers, so any index is
still a valid place to start: a jump into the middle of a group, a resumption
after a call, or the traced loop (which runs ``Decoded.basic``, the unfused
list, and so sees every original instruction boundary) all run the same code
as before.  Fusing therefore happens in place, in the list frames share.

Where an instruction is: every source line of a fused function belongs to one
instruction of the group, recorded in ``FUSED_LINES[id(host code)] -> list``
(host line -> offset from the group's first index).  The eval loop's error
path and ``Frame.f_lasti`` of a running frame read the host line of the fused
function's frame (the traceback entry, or the live host frame) to find the
exact instruction, so tracebacks and ``f_lineno`` stay per instruction
without any per-instruction bookkeeping.

Templates: the opcodes declared in bytecodes.py (one definition per opcode)
get theirs from that definition (``bytecodes.translate``); the rest are
written here.  Tier 2 (tier2.py) subclasses ``_Group`` and calls
``_translate``, so a whole-function translation uses the same templates.

Object lifetimes: a group drops its reference to a value when the
instruction consuming it runs (``_Group.release``), as CPython's stack
decrefs it.  What a group does not reproduce: the value stack's contents
above the innermost block's level when an exception leaves mid-group
(unwinding discards them anyway).
"""

import builtins
import os
import sys

from .. import opcodes as _K
from ..objects.genobject import Generator
from . import bytecodes as _bytecodes

# False: no groups are fused (the plain loop then runs the one-instruction
# handlers; for measuring, and for bisecting a suspected fusion bug).
# EVALFRAME_NO_SUPERINSTRUCTIONS=1 in the environment sets it.
ENABLED = not os.environ.get("EVALFRAME_NO_SUPERINSTRUCTIONS")

# How many frames made / backward jumps taken before a code object's groups
# are fused (0: at decode time).  EVALFRAME_EAGER_SUPERINSTRUCTIONS=1 sets 0
# (the tests use it to run every group fused).
WARMUP = 0 if os.environ.get("EVALFRAME_EAGER_SUPERINSTRUCTIONS") else 2

# host code object of a fused function -> [offset of the instruction run by each host line]
FUSED_LINES = {}

# the host filename of fused functions: inside the package, so that
# runtime.tracebacks drops their frames like the VM's own
_FILENAME = os.path.join(os.path.dirname(os.path.abspath(__file__)), "<superinstruction>")

_FACTORIES = {}          # source text -> (factory, host code of the fused function)

# What a group takes: every opcode declared in bytecodes.py, its template
# derived there or, for one that switches frames, this module's form of it
# (``_switch``: a return, a call ending the group, FOR_ITER's next item), but
# those that call out (a guest callee's frame ends the group as a call);
# those that touch the block stack, which a group does not keep; those that
# raise on purpose (a bare ``raise`` is placed at the group's start); and
# ``yield from``'s delegation (DELEGATE: the frame suspends and re-runs it)
_FORMS = _bytecodes.FORMS
FUSABLE = (frozenset(_bytecodes.DEFS) - _bytecodes.CALLS - _bytecodes.BLOCKS
           - _bytecodes.RAISES - {n for n, form in _FORMS.items() if form == "delegate"})

_NOT_COUNTED = (_K.NOP, _K.EXTENDED_ARG)     # (fusing them alone gains nothing)

def jump_targets(raw):
    """Instruction indices some jump (or exception handler) can land on."""
    targets = set()
    for i, (op, arg) in enumerate(raw):
        kind = _K.argkind[op]
        if kind == _K.ARG_JREL:
            targets.add(i + 1 + arg)
        elif kind == _K.ARG_JABS:
            targets.add(arg)
    return targets


class _Group:
    """Translates one group to host source (see the module docstring)."""

    def __init__(self, start, bound=frozenset()):
        self.start = start
        # fast locals that cannot be unbound here: arguments nothing deletes,
        # and locals this group has stored (LOAD_FAST needs no NULL check)
        self.bound = set(bound)
        self.body = []          # (indent, text, step)
        self.vs = []            # virtual stack: host expressions, top last
        self.params = []        # closure values, by name p0, p1, ...
        self.param_ids = {}
        self.ntemps = 0
        self.step = 0
        self.uses_fast = False
        self.uses_globals = False

    # -- building blocks -----------------------------------------------------------

    def emit(self, text, indent=0):
        self.body.append((indent, text, self.step))

    def param(self, value):
        key = id(value)
        name = self.param_ids.get(key)
        if name is None:
            name = self.param_ids[key] = "p%d" % len(self.params)
            self.params.append(value)
        return name

    def const(self, expr):
        """The constant a virtual-stack expression names (see ``is_const``)."""
        return self.params[int(expr[1:])]

    def is_const(self, expr, kind):
        return expr[0] == "p" and type(self.const(expr)) is kind

    def temp(self):
        self.ntemps += 1
        return "t%d" % self.ntemps

    def push(self, expr):
        self.vs.append(expr)

    def pop(self):
        if self.vs:
            return self.vs.pop()
        t = self.temp()
        self.emit("%s = stack.pop()" % t)
        return t

    def peek(self, n=1):
        """The n-th value from the top, without popping (an expression)."""
        if n <= len(self.vs):
            return self.vs[-n]
        return "stack[-%d]" % (n - len(self.vs))

    def flush_text(self):
        vs = self.vs
        if not vs:
            return None
        if len(vs) == 1:
            return "stack.append(%s)" % vs[0]
        return "stack += (%s,)" % ", ".join(vs)

    def flush(self, indent=0):
        text = self.flush_text()
        vs, self.vs = self.vs, []
        if text is not None:
            self.emit(text, indent)
            self.release(*vs, indent=indent)

    # A conditional jump's exit releases what the jump consumed before it
    # returns (``if not t3: t3 = None; return 21``): the host unlinks a
    # returning frame before clearing its locals (3.11.1+, GH-99729), so a
    # finalizer run by the clear would see the plain loop's position, the
    # group's first instruction, where CPython's is the jump.
    releases_at_jumps = True

    def release(self, *exprs, indent=0):
        """Drop the group's own references to values just consumed (CPython
        decrefs a stack value when an instruction consumes it: a finalizer or
        weakref callback must not wait for the group to return)."""
        dead = []
        for x in exprs:
            if x[0] == "t" and x not in self.vs and x not in dead:
                dead.append(x)
        if dead:
            self.emit("%s = None" % " = ".join(dead), indent)

    def exit(self, target, indent=0):
        """Leave the group to ``target`` (the virtual stack is kept for the other path)."""
        text = self.flush_text()
        if text is not None:
            self.emit(text, indent)
        self.emit("return %d" % target, indent)

    # -- how the frame's parts are written (bytecodes.translate asks; tier 2's
    # lean group, with guest locals as host locals and no frame, answers otherwise)

    def fast(self, index):
        self.uses_fast = True
        return "fast[%d]" % index

    def frame(self):
        """The frame, where a template names ``f`` (its slow and error paths)."""
        return "f"

    def builtins(self):
        """The frame's builtins dict (read where the template reads it: cold lines)."""
        return "f.f_builtins"

    def tstate(self):
        """The thread state, where a template names ``tstate``."""
        return "get_tstate()"

    def suspend(self, expr, sent):
        """YIELD(expr) (bytecodes.py): ``expr`` on top of the frame's stack,
        the frame suspended at this instruction; the group ends (the value
        sent, ``sent``, is pushed by the resumption)."""
        self.push(expr)
        self.flush()
        self.emit("f._lasti = %d" % (self.start + self.step))
        self.emit("return YIELD")
        return False

    def before_raise(self):
        """Before a template's last line raises (bytecodes.RAISES: never fused)."""

    # whether the frame's globals and builtins are known to be exact dicts
    # (declaration lines marked "if exact" / "unless exact": not here, a
    # group runs for whatever frame reaches it)
    exact_dicts = False

    def read_in_place(self, index):
        """The expression to push for a read of local ``index`` (LOAD_FAST) in
        place of a temporary, or None: here ``fast[i]`` may be rebound before
        the value is consumed, so the value is copied."""
        return None

    def spill_local(self, index):
        """Called before local ``index`` is stored or deleted (nothing here:
        no read of a local is pushed in place)."""

    def binary(self, form, inplace=False):
        """(left, right -- result): ``form`` % (temp, left, right), or for an
        in-place operator (temp, left, temp, right)."""
        right = self.pop()
        left = self.pop()
        t = self.temp()
        self.emit(form % ((t, left, t, right) if inplace else (t, left, right)))
        self.release(left, right)
        self.push(t)

    def generic(self, handler, arg):
        self.flush()
        self.emit("%s(f, stack, %s)" % (self.param(handler), self.param(arg)))

    # -- the source --------------------------------------------------------------------

    def source(self):
        lines = ["def fused(f, stack, arg):"]
        steps = [0]
        if self.uses_fast:
            lines.append("    fast = f.f_localsplus")
            steps.append(0)
        if self.uses_globals:
            lines.append("    globals_ = f.f_globals")
            steps.append(0)
        for indent, text, step in self.body:
            lines.append("    " * (indent + 1) + text)
            steps.append(step)
        header = "def make(%s):" % ", ".join(["p%d" % i for i in range(len(self.params))])
        src = header + "\n" + "\n".join("    " + ln for ln in lines) + "\n    return fused\n"
        # host line L (1-based) of the fused function is source line L; the
        # header "def make" is line 1, "def fused" line 2
        linemap = [0, 0] + steps
        return src, linemap


def _translate(g, name, arg, darg, index, handler, raw_arg):
    """Add instruction ``name`` to group ``g``; False if it ends the group."""
    form = _FORMS.get(name)
    if form is None:
        done = _bytecodes.translate(g, name, darg)
        if done == "end":
            return False                # (an unconditional jump)
        if not done:
            g.generic(handler, darg)    # (operands below the virtual stack)
        return True
    return _switch(g, form, darg, index, raw_arg)


def _switch(g, form, darg, index, raw_arg):
    """The frame-switching forms of bytecodes.py (FORMS) in a group: RESUME
    and the next item (FOR_ITER), RETURN(value), CALL_PY ending the group."""
    if form == "next":
        if g.vs:
            return False            # only at a group's start (it is a jump target)
        t = g.temp()
        g.emit("%s = stack[-1]" % t)
        g.emit("if type(%s) is Generator: return %s" % (t, t))   # resumed inline
        g.emit("%s = next(%s, NULL)" % (t, t))
        g.emit("if %s is NULL:" % t)
        g.emit("stack.pop()", 1)
        g.emit("return %d" % darg, 1)
        g.push(t)
    elif form == "return":
        g.flush()
        g.emit("f._lasti = %d" % index)
        g.emit("return RETURN")
        return False
    elif form == "call":
        argv = [g.pop() for _ in range(raw_arg)][::-1]
        _call(g, g.pop(), argv, None, index)
        return False
    elif form == "call_method":
        argv = [g.pop() for _ in range(raw_arg)][::-1]
        self_ = g.pop()
        _call(g, g.pop(), argv, self_, index)
        return False
    elif form == "call_kw":
        kwnames = g.const(g.pop())
        argv = [g.pop() for _ in range(raw_arg)][::-1]
        func = g.pop()
        g.flush()
        npos = raw_arg - len(kwnames)
        fn, args, kw = g.temp(), g.temp(), g.temp()
        g.emit("%s = %s; %s = [%s]; %s = {%s}" % (
            fn, func, args, ", ".join(argv[:npos]), kw,
            ", ".join("%s: %s" % (g.param(k), v) for k, v in zip(kwnames, argv[npos:]))))
        g.release(func, *argv)
        g.emit("%s = call_push(stack, %s, %s, %s); %s = %s = None"
               % (kw, fn, args, kw, fn, args))
        g.emit("if %s is not None:" % kw)
        g.emit("f._lasti = %d" % index, 1)
        g.emit("return %s" % kw, 1)
        g.emit("return %d" % (index + 1))
        return False
    else:
        raise AssertionError(form)
    return True


def _call(g, func, argv, self_, index):
    """CALL_FUNCTION / CALL_METHOD ending a group: an exact-arity guest callee's
    Frame is returned to the loop (f._lasti set here: the loop does not, for a
    fused entry), anything else goes through call.call_push."""
    g.flush()                   # what lies below the callable, onto the real stack
    fn, args, k = g.temp(), g.temp(), g.temp()
    if self_ is None:
        g.emit("%s = %s; %s = [%s]; %s = %d" % (fn, func, args, ", ".join(argv), k, len(argv)))
    else:
        # (meth | NULL, self | callable): LOAD_METHOD found a guest function or not
        g.emit("if %s is NULL: %s = %s; %s = [%s]; %s = %d"
               % (func, fn, self_, args, ", ".join(argv), k, len(argv)))
        g.emit("else: %s = %s; %s = [%s]; %s = %d"
               % (fn, func, args, ", ".join([self_] + argv), k, len(argv) + 1))
    g.release(func, self_ or "-", *argv)
    g.emit("if type(%s) is Function and %s._fast_argcount == %s:" % (fn, fn, k))
    g.emit("f._lasti = %d" % index, 1)
    g.emit("return fast_frame(%s, %s)" % (fn, args), 1)
    g.emit("%s = call_push(stack, %s, %s, None); %s = %s = None" % (k, fn, args, fn, args))
    g.emit("if %s is not None:" % k)
    g.emit("f._lasti = %d" % index, 1)
    g.emit("return %s" % k, 1)
    g.emit("return %d" % (index + 1))


_NAMESPACE = None


class _Fused:
    """The argument of a fused entry: tells the loop that a Frame it returns
    comes with f._lasti already set (to its call instruction)."""
    __slots__ = ()

    def __repr__(self):
        return "<fused group>"


FUSED = _Fused()


def _namespace():
    global _NAMESPACE
    if _NAMESPACE is None:
        from .ops import RETURN, YIELD
        from .specialize import fast_frame
        from .call import call_push
        _NAMESPACE = {"fast_frame": fast_frame, "call_push": call_push, "RETURN": RETURN, "YIELD": YIELD,
                      "Generator": Generator, "next": next, "getattr": getattr,
                      "setattr": setattr, "type": type, "iter": iter, "slice": slice,
                      "set": set, "format": format, "str": str, "repr": repr, "ascii": ascii, "dict": dict, "tuple": tuple, "list": list, "len": len,
                      # a snapshot of the host's builtins: host C code called from a
                      # fused group looks names up there (3.12's Generic[T] needs
                      # __import__), and a guest rebinding builtins.len cannot
                      # reach the VM's own code
                      "__builtins__": dict(vars(builtins))}
        # (what the bodies of bytecodes.py's definitions call)
        _NAMESPACE.update(_bytecodes.helpers())
    return _NAMESPACE


def _build(g):
    src, linemap = g.source()
    hit = _FACTORIES.get(src)
    if hit is None:
        ns = dict(_namespace())
        exec(compile(src, _FILENAME, "exec"), ns)
        factory = ns["make"]
        fused_code = factory(*g.params).__code__
        # (by id: a code object hashes by value; _FACTORIES keeps it alive)
        FUSED_LINES[id(fused_code)] = linemap
        hit = _FACTORIES[src] = (factory, fused_code)
    fn = hit[0](*g.params)
    return fn


def _always_bound(code, raw):
    """Argument slots no instruction can unbind: not deleted (DELETE_FAST,
    ``except ... as name``), not moved into a cell (co_cell2arg)."""
    if not code.co_flags & 0x1:         # not CO_OPTIMIZED: no fast locals to trust
        return frozenset()
    nargs = (code.co_argcount + code.co_kwonlyargcount
             + bool(code.co_flags & 0x4) + bool(code.co_flags & 0x8))
    bound = set(range(nargs))
    unbinds = {_K.opmap[name] for name in _bytecodes.UNBINDS_LOCAL}
    for op, arg in raw:
        if op in unbinds:
            bound.discard(arg)
    names = code.co_varnames
    for cell in code.co_cellvars:
        if cell in names[:nargs]:
            bound.discard(names.index(cell))
    return frozenset(bound)


def plain_list(code, d, basic, raw):
    """The plain loop's instruction list for ``code``: ``basic`` with the
    plain loop's own handlers (bytecodes.live_handlers: the frame switches,
    ``NAME__live``), its backward jumps counting towards
    fusion.  Groups are fused (in place: frames share the list) once the code
    is warm: WARMUP events, a frame made or a backward jump taken
    (``warm_event``); a module body run once, or a function called once
    without a loop, never pays for compiling its groups.  Code that tier 2
    can take is not fused on the way there (unless WARMUP is 0): it counts
    its HOT events from the start and is fused only if tier 2 gives it up
    (the groups of a function that then entered tier 2 at its 16th event
    cost as much to compile as its translation: string_format's ``main``)."""
    live = _live_handlers()
    with_index = _bytecodes.WITH_INDEX
    out = list(basic)
    names = _K.opname
    jump_kinds = (_K.ARG_JREL, _K.ARG_JABS)
    # (neither fused nor translated: the host is finalizing and no template
    # was ever made, bytecodes.templates_available)
    ok = _bytecodes.templates_available()
    enabled = ENABLED and ok
    t2 = ok and _tier2.ENABLED and _tier2.eligible(code, raw)
    count_jumps = enabled and not (t2 and WARMUP)
    for i, (op, arg) in enumerate(raw):
        name = names[op]
        spec = live.get(name)
        if spec is not None:
            # (its argument: the index, or the plain value without the index)
            darg = basic[i][1]
            out[i] = (spec[0], i if spec[1] else darg[0] if name in with_index else darg)
        elif (count_jumps and _K.argkind[op] in jump_kinds and names[op] in FUSABLE
                and basic[i][1] <= i):
            out[i] = (_backward_jump, out[i])
    d.warm = (WARMUP or 1) if enabled else 0
    if t2:
        d.t2state = 1
        if not count_jumps:
            d.warm = _tier2.HOT or 1
            _count_headers(code, out, raw, basic)
    if enabled and not WARMUP:
        fuse_groups(code, d, out, basic, raw)
    return out


_LIVE = None


def _live_handlers():
    global _LIVE
    if _LIVE is None:
        _LIVE = _bytecodes.live_handlers()
    return _LIVE


def _backward_jump(f, stack, entry):
    "a backward jump of code not yet fused: count it, then jump"
    code = f.f_code
    d = code._decoded
    if d.warm:
        warm_event(code, d)
    return entry[0](f, stack, entry[1])


def warm_event(code, d):
    """One more sign that ``code`` is worth fusing, then translating to tier 2
    (d.warm counts down to each)."""
    d.warm -= 1
    if not d.warm:
        if not _bytecodes.templates_available():
            return      # (the host is finalizing: code stays as it is, unfused)
        if d.t2state == 1:
            _tier2.warm(code, d)
            if d.t2 is None and d.t2gen is None and ENABLED and not d.fused:
                fuse_groups(code, d, d.instrs, d.basic, d.raw)  # (tier 1 it stays)
        elif ENABLED and not d.fused and d.t2 is None:
            fuse_groups(code, d, d.instrs, d.basic, d.raw)


def _count_headers(code, out, raw, basic):
    """Loop headers (backward-jump targets) count towards tier 2 while it is
    pending: a function called once whose loop is hot gets there too."""
    headers = set()
    for i, (op, arg) in enumerate(raw):
        if _K.argkind[op] in (_K.ARG_JREL, _K.ARG_JABS):
            t = basic[i][1]
            if t <= i and out[t][0] is not _backward_jump:
                headers.add(t)      # (once: several jumps may go back to one header)
    for t in headers:
        out[t] = (_header_counter(out[t][0], t), out[t][1])


def _header_counter(orig, index):
    def loop_header(f, stack, arg):
        "a loop header of code not yet in tier 2: count, then run the instruction"
        code = f.f_code
        d = code._decoded
        if d.warm:
            warm_event(code, d)
            if d.t2 is not None:
                fn, arg2 = d.instrs[index]
                return fn(f, stack, arg2)      # (tier2.osr_entry: continue in tier 2)
        return orig(f, stack, arg)
    loop_header.orig = orig
    return loop_header


def uncount_headers(d):
    """Tier 2 gave up on this code: its loop headers stop counting."""
    instrs = d.instrs
    for i, (fn, arg) in enumerate(instrs):
        if getattr(fn, "__code__", None) is HEADER_CODE:
            instrs[i] = (fn.orig, arg)


# (ceval looks through a loop header's host frame to the group it called)
HEADER_CODE = _header_counter(None, 0).__code__


def fuse_groups(code, d, out, basic, raw):
    """Fuse the groups of ``code`` into ``out`` (the plain list), in place."""
    d.warm = 0
    n = len(raw)
    names = _K.opname
    targets = jump_targets(raw)
    bound = _always_bound(code, raw)
    i = 0
    while i < n:
        op = raw[i][0]
        name = names[op]
        if name not in FUSABLE or basic[i][1] == "__traceback__":
            i += 1
            continue
        g = _Group(i, bound)
        j = i
        count = 0
        while j < n:
            name = names[raw[j][0]]
            # (LOAD_ATTR ``__traceback__``: its own handler, decode.py)
            if name not in FUSABLE or (j != i and j in targets) or basic[j][1] == "__traceback__":
                break
            form = _FORMS.get(name)
            if form == "call_kw" and not (g.vs and g.is_const(g.vs[-1], tuple)):
                break               # (its keyword names must be a known constant)
            if form == "next" and j != i:
                break               # (the next item: only at a group's start)
            g.step = j - i
            handler, darg = basic[j]
            more = _translate(g, name, raw[j][1], darg, j, handler, raw[j][1])
            if raw[j][0] not in _NOT_COUNTED:
                count += 1
            j += 1
            if not more:
                break
        else:
            more = True
        ends_open = more       # fell through: continue at j
        if count >= 2:
            if ends_open:
                g.step = j - 1 - i
                g.exit(j)
            out[i] = (_build(g), FUSED)
        i = j if j > i else i + 1
    # the backward jumps that did not become part of a group stop counting
    for k in range(n):
        if out[k][0] is _backward_jump:
            out[k] = out[k][1]
    d.fused = True
    if d.t2state == 1:
        d.warm = _tier2.HOT or 1    # (tier 2 next: frames made and loop headers count)
        _count_headers(code, out, raw, basic)


# What tier2.py builds on (its whole-function group subclasses Group and
# translates opcodes with this module's templates), under public names.
Group = _Group
translate = _translate
namespace = _namespace
always_bound = _always_bound

from . import tier2 as _tier2  # noqa: E402  (tier2 builds on this module's Group)
