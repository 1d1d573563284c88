"""One definition per opcode: stack inputs and outputs, operation, error path.

Mirrors CPython 3.12's Python/bytecodes.c and the generator that turns it into
generated_cases.c.h: each instruction below is declared once, as

    inst(NAME, "(inputs -- outputs)", body)

in the 3.12 stack-effect notation, with a body of host Python statements
over the input names, assigning the output names.  ``oparg`` is the decoded
argument (decode.py), ``f`` the frame, ``fast`` its localsplus.  Everything
else is derived from the declaration:

* the plain handler (``handler_source`` -> ops.HANDLERS, what tier 1's
  unfused list and the traced loop run): inputs popped from the value stack,
  the body, outputs pushed;
* the inline template of fused groups and of tier 2 (``translate``, called by
  superinstr._translate, which tier2.py shares): the inputs are the virtual
  stack's expressions, outputs become temporaries, ``oparg`` a bound constant
  (an int is written as a literal), nothing is pushed or popped at run time;
* the stack effect ``len(outputs) - len(inputs)``, checked against
  opcodes.stack_effect (tests/vm/test_bytecodes.py).

A body may depend on the argument's value at translation time: a dict
``{oparg value: body}`` gives one body per value (the handler tests the value
at run time, the templates pick one).  The definitions are read once at
import; nothing is written to disk, so nothing can be stale.

Opcodes not (yet) declared here keep their hand-written handler in ops/*
and, where fused, their template in superinstr.py; docs/vm.md lists which.
"""

import linecache
import os
import re
import sys

from .. import opcodes

DEFS = {}           # opname -> Inst

_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


class Inst:
    __slots__ = ("name", "inputs", "outputs", "body")

    def __init__(self, name, effect, body):
        if name not in opcodes.opmap:
            raise NameError("no opcode named %s" % name)
        if name in DEFS:
            raise NameError("two definitions of %s" % name)
        left, _, right = effect.strip("()").partition("--")
        self.name = name
        self.inputs = [x.strip() for x in left.split(",") if x.strip()]
        self.outputs = [x.strip() for x in right.split(",") if x.strip()]
        self.body = body

    @property
    def effect(self):
        return len(self.outputs) - len(self.inputs)

    def bodies(self):
        """[(oparg value or None, body lines)]."""
        if isinstance(self.body, dict):
            return [(k, _lines(v)) for k, v in self.body.items()]
        return [(None, _lines(self.body))]


def _lines(body):
    return [ln for ln in body.split("\n") if ln.strip()] if body else []


def inst(name, effect, body=""):
    DEFS[name] = Inst(name, effect, body)


# -- the definitions ----------------------------------------------------------------

inst("NOP", "( -- )")
inst("POP_TOP", "(value -- )")
inst("ROT_TWO", "(second, top -- top, second)")
inst("ROT_THREE", "(third, second, top -- top, third, second)")
inst("DUP_TOP", "(value -- value, value)")
inst("LOAD_CONST", "( -- value)", "value = oparg")

inst("UNARY_POSITIVE", "(value -- res)", "res = +value")
inst("UNARY_NEGATIVE", "(value -- res)", "res = -value")
inst("UNARY_NOT", "(value -- res)", "res = not value")
if sys.version_info >= (3, 12):
    # ~bool is deprecated there: invert_bool (ops/arith.py) warns from the guest's frame
    inst("UNARY_INVERT", "(value -- res)",
         "res = invert_bool(f, value) if value.__class__ is bool else ~value")
else:
    inst("UNARY_INVERT", "(value -- res)", "res = ~value")

# the binary operators: PyNumber_Add & co. are the host's own operators
inst("BINARY_ADD", "(left, right -- sum)", "sum = left + right")
inst("BINARY_SUBTRACT", "(left, right -- res)", "res = left - right")
inst("BINARY_MULTIPLY", "(left, right -- res)", "res = left * right")
inst("BINARY_MATRIX_MULTIPLY", "(left, right -- res)", "res = left @ right")
inst("BINARY_TRUE_DIVIDE", "(left, right -- res)", "res = left / right")
inst("BINARY_FLOOR_DIVIDE", "(left, right -- res)", "res = left // right")
inst("BINARY_MODULO", "(left, right -- res)", "res = left % right")
inst("BINARY_POWER", "(left, right -- res)", "res = left ** right")
inst("BINARY_LSHIFT", "(left, right -- res)", "res = left << right")
inst("BINARY_RSHIFT", "(left, right -- res)", "res = left >> right")
inst("BINARY_AND", "(left, right -- res)", "res = left & right")
inst("BINARY_XOR", "(left, right -- res)", "res = left ^ right")
inst("BINARY_OR", "(left, right -- res)", "res = left | right")
inst("BINARY_SUBSCR", "(container, sub -- res)", "res = container[sub]")

# the in-place operators: PyNumber_InPlaceAdd & co.
inst("INPLACE_ADD", "(left, right -- res)", "res = left\nres += right")
inst("INPLACE_SUBTRACT", "(left, right -- res)", "res = left\nres -= right")
inst("INPLACE_MULTIPLY", "(left, right -- res)", "res = left\nres *= right")
inst("INPLACE_MATRIX_MULTIPLY", "(left, right -- res)", "res = left\nres @= right")
inst("INPLACE_TRUE_DIVIDE", "(left, right -- res)", "res = left\nres /= right")
inst("INPLACE_FLOOR_DIVIDE", "(left, right -- res)", "res = left\nres //= right")
inst("INPLACE_MODULO", "(left, right -- res)", "res = left\nres %= right")
inst("INPLACE_POWER", "(left, right -- res)", "res = left\nres **= right")
inst("INPLACE_LSHIFT", "(left, right -- res)", "res = left\nres <<= right")
inst("INPLACE_RSHIFT", "(left, right -- res)", "res = left\nres >>= right")
inst("INPLACE_AND", "(left, right -- res)", "res = left\nres &= right")
inst("INPLACE_XOR", "(left, right -- res)", "res = left\nres ^= right")
inst("INPLACE_OR", "(left, right -- res)", "res = left\nres |= right")

inst("STORE_SUBSCR", "(value, container, sub -- )", "container[sub] = value")
inst("DELETE_SUBSCR", "(container, sub -- )", "del container[sub]")
inst("IS_OP", "(left, right -- res)", {0: "res = left is right", 1: "res = left is not right"})
inst("CONTAINS_OP", "(left, right -- res)",
     {0: "res = left in right", 1: "res = left not in right"})

# cells: a late-set __class__ cell is settled by load_deref_slow (bpo-23722)
inst("LOAD_CLOSURE", "( -- cell)", "cell = fast[oparg]")
inst("LOAD_DEREF", "( -- value)",
     "value = fast[oparg].ob_ref\nif value is NULL: value = load_deref_slow(f, oparg)")
inst("STORE_DEREF", "(value -- )", "fast[oparg].ob_ref = value")


# -- derived: the plain handlers ---------------------------------------------------------

def _rename(line, mapping):
    return _WORD.sub(lambda m: mapping.get(m.group(0), m.group(0)), line)


def handler_source(d):
    """The source of ``def NAME(f, stack, oparg)`` for definition ``d``."""
    ins, outs = d.inputs, d.outputs
    out = ['def %s(f, stack, oparg):' % d.name,
           '    "(%s -- %s)"' % (", ".join(ins), ", ".join(outs))]
    bodies = d.bodies()
    uses_fast = any("fast" in _WORD.findall(ln) for _, lines in bodies for ln in lines)
    if uses_fast:
        out.append("    fast = f.f_localsplus")
    n = len(ins)
    shuffle = not any(lines for _, lines in bodies)
    if shuffle and n and ins == outs[:n] and len(outs) > n:
        # (value -- value, value): push copies
        out.append("    stack.append(%s)" % ", ".join("stack[-%d]" % (n - outs.index(x))
                                                     for x in outs[n:]) if len(outs) == n + 1
                   else "    stack += stack[-%d:]" % n)
        return "\n".join(out) + "\n"
    if shuffle and n and sorted(ins) == sorted(outs):
        out.append("    stack[-%d:] = %s" % (n, ", ".join(
            "stack[-%d]" % (n - ins.index(x)) for x in outs)))
        return "\n".join(out) + "\n"
    # the inputs: the bottom one read in place when one output replaces it
    in_place = n >= 1 and len(outs) == 1
    for k in range(n - 1, 0 if in_place else -1, -1):
        out.append("    %s = stack.pop()" % ins[k])
    if in_place:
        out.append("    %s = stack[-1]" % ins[0])
    indent = "    "
    if len(bodies) > 1:
        first = True
        for value, lines in bodies:
            out.append("    %s oparg == %r:" % ("if" if first else "elif", value))
            out.extend("        " + ln for ln in lines)
            first = False
        out.append("    else:")
        out.append("        raise SystemError('bad %s oparg %%r' %% (oparg,))" % d.name)
    else:
        out.extend(indent + ln for ln in bodies[0][1])
    if in_place:
        out.append("    stack[-1] = %s" % outs[0])
    elif len(outs) == 1:
        out.append("    stack.append(%s)" % outs[0])
    elif outs:
        out.append("    stack += (%s,)" % ", ".join(outs))
    return "\n".join(out) + "\n"


# the host filename of the derived handlers: inside the package, so that
# runtime.tracebacks drops their frames like the VM's own; their source is
# registered with linecache for debuggers
HANDLERS_FILENAME = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                 "<bytecodes.py handlers>")


def make_handlers(namespace):
    """name -> handler function, every definition compiled once (at import)."""
    src = "\n\n".join(handler_source(d) for d in DEFS.values())
    ns = dict(namespace)
    exec(compile(src, HANDLERS_FILENAME, "exec"), ns)
    linecache.cache[HANDLERS_FILENAME] = (len(src), None, src.splitlines(True),
                                          HANDLERS_FILENAME)
    return {name: ns[name] for name in DEFS}


# -- derived: the templates of fused groups and tier 2 ---------------------------------------

def translate(g, name, darg):
    """Add definition ``name`` to superinstr group ``g`` (virtual stack);
    False when it has no inline form for this argument."""
    d = DEFS[name]
    bodies = d.bodies()
    if len(bodies) > 1:
        lines = dict(bodies).get(darg)
        if lines is None:
            return False
    else:
        lines = bodies[0][1]
    if len(d.inputs) > len(g.vs):
        return False
    args = [g.pop() for _ in d.inputs][::-1]
    mapping = dict(zip(d.inputs, args))
    if not lines:
        # a pure shuffle: no code, the virtual stack is rearranged
        for x in d.outputs:
            g.push(mapping[x])
        g.release(*[a for a in args if a not in [mapping[x] for x in d.outputs]])
        return True
    if isinstance(darg, int) and not isinstance(darg, bool):
        mapping["oparg"] = repr(darg)
    elif "oparg" in _WORD.findall(" ".join(lines)):
        mapping["oparg"] = g.param(darg)
    if len(lines) == 1 and len(d.outputs) == 1 and lines[0] == "%s = oparg" % d.outputs[0]:
        g.push(g.param(darg))           # (a constant: pushed as its bound name)
        return True
    for x in d.outputs:
        if x not in mapping:
            mapping[x] = g.temp()
    for ln in lines:
        words = _WORD.findall(ln)
        if "fast" in words:
            g.uses_fast = True
        g.emit(_rename(ln, mapping))
    g.release(*args)
    for x in d.outputs:
        g.push(mapping[x])
    return True
