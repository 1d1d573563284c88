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
instruction of the group, recorded in ``FUSED_LINES[host code] -> list``
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
import keyword
import os
import sys
from types import MethodType

from .. import opcodes as _K
from ..objects.cellobject import NULL
from ..objects.funcobject import Function
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

# Instructions whose handler only ever falls through (returns None) and that
# only touch the value stack, the frame's locals/cells/globals or objects:
# a group may run them through their ordinary handler (after flushing the
# virtual stack) when it has no inline translation for them.
_GENERIC = frozenset((
    "ROT_FOUR", "ROT_N", "DUP_TOP_TWO", "BUILD_SET", "BUILD_MAP", "BUILD_CONST_KEY_MAP",
    "BUILD_STRING", "BUILD_SLICE", "SET_ADD", "MAP_ADD", "LIST_EXTEND", "SET_UPDATE",
    "DICT_UPDATE", "DICT_MERGE", "LIST_TO_TUPLE", "UNPACK_EX", "FORMAT_VALUE",
    "DELETE_FAST", "LOAD_NAME", "STORE_NAME", "DELETE_NAME", "STORE_GLOBAL",
    "DELETE_GLOBAL", "DELETE_DEREF", "LOAD_CLASSDEREF", "DELETE_ATTR",
    "GET_ITER", "GET_LEN", "MATCH_MAPPING", "MATCH_SEQUENCE", "MATCH_KEYS",
    "COPY_DICT_WITHOUT_KEYS", "LOAD_ASSERTION_ERROR", "IMPORT_FROM",
))
# Inline translations (below).
_INLINE = frozenset(("EXTENDED_ARG", "LOAD_FAST", "STORE_FAST",
                     "LOAD_GLOBAL", "LOAD_ATTR", "STORE_ATTR", "COMPARE_OP",
                     "BUILD_TUPLE", "BUILD_LIST", "LIST_APPEND", "UNPACK_SEQUENCE",
                     "LOAD_METHOD", "FOR_ITER", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE",
                     "JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP", "JUMP_ABSOLUTE",
                     "JUMP_FORWARD", "RETURN_VALUE", "YIELD_VALUE", "GEN_START"))
# (and every opcode declared in bytecodes.py: its template is derived there)
_INLINE = (_INLINE | frozenset(_bytecodes.DEFS)
           | frozenset(("CALL_FUNCTION", "CALL_METHOD", "CALL_FUNCTION_KW")))
FUSABLE = _INLINE | _GENERIC

_NOT_COUNTED = (_K.NOP, _K.EXTENDED_ARG)     # (fusing them alone gains nothing)

_CMP = ("<", "<=", "==", "!=", ">", ">=")


def _identifier(name):
    # ASCII only: the host parser NFKC-normalises other identifiers
    return (isinstance(name, str) and name.isascii() and name.isidentifier()
            and not keyword.iskeyword(name))


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

    def fast(self, index):
        self.uses_fast = True
        return "fast[%d]" % index

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
            # (an exact dict is read with `in` and [] (no bound method made);
            # a subclass with .get as the ops handler does)
            lines.append("    globals_ = f.f_globals; exact = globals_.__class__ is dict")
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
    if name == "EXTENDED_ARG":
        return True
    if name in _bytecodes.DEFS:
        if not _bytecodes.translate(g, name, darg):
            g.generic(handler, darg)    # (operands below the virtual stack)
        return True
    if name == "LOAD_FAST":
        t = g.temp()
        g.emit("%s = %s" % (t, g.fast(darg)))
        if darg not in g.bound:
            g.emit("if %s is NULL: raise unbound_local(f, %d)" % (t, darg))
        g.push(t)
    elif name == "STORE_FAST":
        v = g.pop()
        g.emit("%s = %s" % (g.fast(darg), v))
        g.release(v)
        g.bound.add(darg)
    elif name == "LOAD_GLOBAL":
        g.uses_globals = True
        t = g.temp()
        p = g.param(darg)
        g.emit("%s = (globals_[%s] if %s in globals_ else NULL) if exact else "
               "globals_.get(%s, NULL)" % (t, p, p, p))
        g.emit("if %s is NULL:" % t)
        g.emit("%s = f.f_builtins" % t, 1)
        # a dict subclass as globals is asked with [] first (its __missing__):
        # load_global_slow, as the handler
        g.emit("%s = %s.get(%s, NULL) if exact and %s.__class__ is dict else NULL"
               % (t, t, p, t), 1)
        g.emit("if %s is NULL: %s = load_global_slow(f, %s)" % (t, t, p), 1)
        g.push(t)
    elif name == "LOAD_ATTR":
        owner = g.pop()
        t = g.temp()
        if _identifier(darg):
            g.emit("%s = %s.%s" % (t, owner, darg))
        else:
            g.emit("%s = getattr(%s, %s)" % (t, owner, g.param(darg)))
        g.release(owner)
        g.push(t)
    elif name == "STORE_ATTR":
        owner = g.pop()
        value = g.pop()
        if _identifier(darg):
            g.emit("%s.%s = %s" % (owner, darg, value))
        else:
            g.emit("setattr(%s, %s, %s)" % (owner, g.param(darg), value))
        g.release(owner, value)
    elif name == "COMPARE_OP":
        if not 0 <= raw_arg < len(_CMP):
            g.generic(handler, darg)    # (the handler's error)
        else:
            g.binary("%%s = %%s %s %%s" % _CMP[raw_arg])
    elif name in ("BUILD_TUPLE", "BUILD_LIST"):
        n = darg
        if n > len(g.vs):
            g.generic(handler, darg)
        else:
            items = g.vs[len(g.vs) - n:]
            del g.vs[len(g.vs) - n:]
            t = g.temp()
            if name == "BUILD_TUPLE":
                g.emit("%s = (%s)" % (t, "".join(x + ", " for x in items).rstrip(" ")
                                       if items else ""))
            else:
                g.emit("%s = [%s]" % (t, ", ".join(items)))
            g.release(*items)
            g.push(t)
    elif name == "LIST_APPEND":
        v = g.pop()
        g.emit("%s.append(%s)" % (g.peek(darg), v))
        g.release(v)
    elif name == "UNPACK_SEQUENCE":
        n = darg
        seq = g.pop()
        if n == 0:
            g.push(seq)
            g.generic(handler, darg)
            return True
        names = [g.temp() for _ in range(n)]
        # the handler pushes the items last first: the first item ends on top
        g.emit("if (%s.__class__ is tuple or %s.__class__ is list) and len(%s) == %d:"
               % (seq, seq, seq, n))
        g.emit("%s, = %s" % (", ".join(names), seq), 1)
        g.emit("else:")
        g.emit("%s, = unpack_slow(f, %s, %s, %d)"
               % (", ".join(names), g.param(handler), seq, n), 1)
        g.release(seq)
        for t in reversed(names):
            g.push(t)
    elif name == "LOAD_METHOD":
        obj = g.pop()
        meth, self_ = g.temp(), g.temp()
        if _identifier(darg):
            g.emit("%s = %s.%s" % (self_, obj, darg))
        else:
            g.emit("%s = getattr(%s, %s)" % (self_, obj, g.param(darg)))
        g.emit("if %s.__class__ is MethodType and %s.__self__ is %s and type(%s.__func__) "
               "is Function: %s = %s.__func__; %s = %s"
               % (self_, self_, obj, self_, meth, self_, self_, obj))
        g.emit("else: %s = NULL" % meth)
        g.release(obj)
        g.push(meth)
        g.push(self_)
    elif name == "FOR_ITER":
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
    elif name in ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE"):
        cond = g.pop()
        g.emit("if %s%s:" % ("not " if name == "POP_JUMP_IF_FALSE" else "", cond))
        g.exit(darg, 1)
        g.release(cond)
    elif name in ("JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP"):
        cond = g.peek()
        if not g.vs:
            cond = _materialize(g, cond)
            g.vs.pop()
            g.emit("if %s%s: return %d" % (
                "not " if name == "JUMP_IF_FALSE_OR_POP" else "", cond, darg))
            g.emit("stack.pop()")
        else:
            g.emit("if %s%s:" % ("not " if name == "JUMP_IF_FALSE_OR_POP" else "", cond))
            g.exit(darg, 1)
            g.release(g.vs.pop())
    elif name in ("JUMP_ABSOLUTE", "JUMP_FORWARD"):
        g.exit(darg)
        return False
    elif name == "RETURN_VALUE":
        g.flush()
        g.emit("f._lasti = %d" % index)
        g.emit("return RETURN")
        return False
    elif name == "YIELD_VALUE":
        # (not in async generators: their values are wrapped, fuse() leaves them)
        g.flush()
        g.emit("f._lasti = %d" % index)
        g.emit("return YIELD")
        return False
    elif name == "GEN_START":
        g.release(g.pop())
    elif name == "CALL_FUNCTION":
        argv = [g.pop() for _ in range(raw_arg)][::-1]
        _call(g, g.pop(), argv, None, index)
        return False
    elif name == "CALL_METHOD":
        argv = [g.pop() for _ in range(raw_arg)][::-1]
        self_ = g.pop()
        _call(g, g.pop(), argv, self_, index)
        return False
    elif name in _BUILDERS and _BUILDERS[name](g, darg, raw_arg):
        pass
    elif name == "CALL_FUNCTION_KW":
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
    elif name in _GENERIC:
        g.generic(handler, darg)
        if name == "DELETE_FAST":
            g.bound.discard(darg)
    else:
        raise AssertionError(name)
    return True


def _take(g, n):
    """The top ``n`` virtual-stack expressions, bottom first, popped; None
    when they are not all in the virtual stack."""
    if n > len(g.vs):
        return None
    items = g.vs[len(g.vs) - n:]
    del g.vs[len(g.vs) - n:]
    return items


def _build_expr(g, n, form):
    items = _take(g, n)
    if items is None:
        return False
    t = g.temp()
    g.emit("%s = %s" % (t, form(items)))
    g.release(*items)
    g.push(t)
    return True


def _get_iter(g, darg, raw_arg):
    return _build_expr(g, 1, lambda x: "iter(%s)" % x[0])


def _build_slice(g, darg, raw_arg):
    return _build_expr(g, 3 if raw_arg == 3 else 2, lambda x: "slice(%s)" % ", ".join(x))


def _build_string(g, darg, raw_arg):
    return _build_expr(g, raw_arg, lambda x: '"".join((%s))' % "".join(v + ", " for v in x))


def _build_set(g, darg, raw_arg):
    return _build_expr(g, raw_arg, lambda x: "{%s}" % ", ".join(x) if x else "set()")


def _build_map(g, darg, raw_arg):
    return _build_expr(g, 2 * raw_arg, lambda x: "{%s}" % ", ".join(
        "%s: %s" % (x[i], x[i + 1]) for i in range(0, len(x), 2)))


def _build_const_key_map(g, darg, raw_arg):
    if not (g.vs and g.is_const(g.vs[-1], tuple) and len(g.const(g.vs[-1])) == raw_arg
            and len(g.vs) > raw_arg):
        return False
    keys = g.const(g.vs.pop())
    return _build_expr(g, raw_arg, lambda x: "{%s}" % ", ".join(
        "%s: %s" % (g.param(k), v) for k, v in zip(keys, x)))


def _format_value(g, darg, raw_arg):
    # FORMAT_VALUE: conversion (!s !r !a), then format() unless an exact str
    # with no spec stays as it is
    have_spec = raw_arg & 0x4
    if len(g.vs) < (2 if have_spec else 1):
        return False
    spec = g.vs.pop() if have_spec else None
    value = g.vs.pop()
    conv = ("", "str", "repr", "ascii")[raw_arg & 0x3]
    t = g.temp()
    g.emit("%s = %s(%s)" % (t, conv, value) if conv else "%s = %s" % (t, value))
    if spec is None:
        g.emit("if %s.__class__ is not str: %s = format(%s, '')" % (t, t, t))
    else:
        g.emit("%s = format(%s, %s or '')" % (t, t, spec))
    g.release(value, spec or "-")
    g.push(t)
    return True


_BUILDERS = {"GET_ITER": _get_iter, "BUILD_SLICE": _build_slice, "BUILD_STRING": _build_string,
             "BUILD_SET": _build_set, "BUILD_MAP": _build_map,
             "BUILD_CONST_KEY_MAP": _build_const_key_map, "FORMAT_VALUE": _format_value}


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


def _materialize(g, expr):
    """Copy ``expr`` (a real-stack read) into a temp and push it."""
    t = g.temp()
    g.emit("%s = %s" % (t, expr))
    g.vs.append(t)
    return t


def unpack_slow(f, handler, seq, n):
    """UNPACK_SEQUENCE through its handler (any iterable, CPython's errors): the items."""
    st = [seq]
    handler(f, st, n)
    st.reverse()
    return st


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
        from .ops.names import unbound_local, unbound_deref, load_global_slow, load_deref_slow
        from .ops.arith import invert_bool
        from .specialize import fast_frame
        from .call import call_push
        _NAMESPACE = {"fast_frame": fast_frame, "call_push": call_push, "NULL": NULL, "RETURN": RETURN, "YIELD": YIELD, "MethodType": MethodType,
                      "Function": Function, "Generator": Generator, "unbound_local": unbound_local,
                      "unbound_deref": unbound_deref, "load_deref_slow": load_deref_slow, "load_global_slow": load_global_slow,
                      "invert_bool": invert_bool,
                      "unpack_slow": unpack_slow, "next": next, "getattr": getattr,
                      "setattr": setattr, "type": type, "iter": iter, "slice": slice,
                      "set": set, "format": format, "str": str, "repr": repr, "ascii": ascii, "dict": dict, "tuple": tuple, "list": list, "len": len,
                      # a snapshot of the host's builtins: host C code called from a
                      # fused group looks names up there (3.12's Generic[T] needs
                      # __import__), and a guest rebinding builtins.len cannot
                      # reach the VM's own code
                      "__builtins__": dict(vars(builtins))}
    return _NAMESPACE


def _build(g):
    src, linemap = g.source()
    hit = _FACTORIES.get(src)
    if hit is None:
        ns = dict(_namespace())
        exec(compile(src, _FILENAME, "exec"), ns)
        factory = ns["make"]
        fused_code = factory(*g.params).__code__
        FUSED_LINES[fused_code] = linemap
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
    delete_fast = _K.opmap["DELETE_FAST"]
    for op, arg in raw:
        if op == delete_fast:
            bound.discard(arg)
    names = code.co_varnames
    for cell in code.co_cellvars:
        if cell in names[:nargs]:
            bound.discard(names.index(cell))
    return frozenset(bound)


def plain_list(code, d, basic, raw):
    """The plain loop's instruction list for ``code``: ``basic`` with the
    specialised handlers (specialize.py), its backward jumps counting towards
    fusion.  Groups are fused (in place: frames share the list) once the code
    is warm: WARMUP events, a frame made or a backward jump taken
    (``warm_event``); a module body run once, or a function called once
    without a loop, never pays for compiling its groups."""
    from .specialize import SPECIALIZED
    out = list(basic)
    names = _K.opname
    jump_kinds = (_K.ARG_JREL, _K.ARG_JABS)
    for i, (op, arg) in enumerate(raw):
        spec = SPECIALIZED.get(names[op])
        if spec is not None:
            out[i] = (spec[0], spec[1](basic[i][1], raw[i][1], i))
        elif (ENABLED and _K.argkind[op] in jump_kinds and names[op] in FUSABLE
                and basic[i][1] <= i):
            out[i] = (_backward_jump, out[i])
    d.warm = (WARMUP or 1) if ENABLED else 0
    if _tier2.ENABLED and _tier2.eligible(code, raw):
        d.t2state = 1
        if not ENABLED:
            d.warm = _tier2.HOT or 1
            _count_headers(code, out, raw, basic)
    if ENABLED and not WARMUP:
        fuse_groups(code, d, out, basic, raw)
    return out


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
        if ENABLED and not d.fused and d.t2 is None:
            fuse_groups(code, d, d.instrs, d.basic, d.raw)
        elif d.t2state == 1:
            _tier2.warm(code, d)


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
        if name not in FUSABLE:
            i += 1
            continue
        g = _Group(i, bound)
        j = i
        count = 0
        while j < n:
            name = names[raw[j][0]]
            if name not in FUSABLE or (j != i and j in targets):
                break
            if name == "YIELD_VALUE" and basic[j][1]:
                break               # an async generator's (wraps the value)
            if name == "CALL_FUNCTION_KW" and not (g.vs and g.is_const(g.vs[-1], tuple)):
                break               # (its keyword names must be a known constant)
            if name == "FOR_ITER" and j != i:
                break
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
