"""interpreter/bytecodes.py: one definition per opcode, everything else derived.

The stack effect each definition declares must be opcodes.stack_effect's
(3.10's dis.stack_effect); the handler table must hold the derived handlers;
no other interpreter module may define a declared opcode again (a handler, a
template branch, a table entry: ``grep`` for the name lands on the
definition); and the derived handler, fused template and tier-2 template must
agree with each other on every declared opcode.
"""

import pathlib
import re

import pytest

from evalframe import opcodes
from evalframe.interpreter import bytecodes, ops, superinstr, tier2
from evalframe.compiler import compile_source
from evalframe.interpreter.ceval import run_code

INTERPRETER = pathlib.Path(bytecodes.__file__).parent


def _args(d):
    """Argument values to check ``d`` with: its per-value bodies' values, or a few."""
    if isinstance(d.body, dict):
        # (the key None: the body for any other value)
        return sorted(v for v in d.body if v is not None) + ([1, 2, 5] if None in d.body else [])
    return [0] if opcodes.opmap[d.name] < opcodes.HAVE_ARGUMENT else [0, 1, 2, 5]


@pytest.mark.parametrize("name", sorted(bytecodes.DEFS))
def test_stack_effect_matches_opcodes(name):
    d = bytecodes.DEFS[name]
    op = opcodes.opmap[name]
    for arg in _args(d):
        assert d.stack_effect(arg) == opcodes.stack_effect(op, arg, jump=False), (name, arg)
        if d.jumps():
            assert d.stack_effect(arg, jump=True) == opcodes.stack_effect(op, arg, jump=True), \
                (name, arg)


def test_handlers_are_derived():
    table = ops.handler_table()
    for name in bytecodes.DEFS:
        fn = table[opcodes.opmap[name]]
        assert fn.__code__.co_filename == bytecodes.GENERATED, name
        assert fn.__name__ == name
    for name, by_value in bytecodes.VARIANTS.items():
        assert sorted(by_value) == sorted(v for v in bytecodes.DEFS[name].body if v is not None)
        for value, fn in by_value.items():
            assert fn.__code__.co_filename == bytecodes.GENERATED
            assert ops.VARIANTS[opcodes.opmap[name]][value] is fn


def test_decode_picks_the_per_value_handler():
    from evalframe.interpreter.decode import decode
    code = compile_source("a < b; a is not b; a in b", "<t>", "exec")
    picked = {fn.__name__ for fn, _ in decode(code).basic}
    assert {"COMPARE_OP__0", "IS_OP__1", "CONTAINS_OP__0"} <= picked


def test_generated_handlers_are_current():
    """generated_handlers.py is what the definitions generate today
    (regenerate: python -m evalframe.interpreter.bytecodes), and the table
    runs its handlers."""
    with open(bytecodes.GENERATED) as f:
        assert f.read() == bytecodes.generated_source(), \
            "stale: run python -m evalframe.interpreter.bytecodes"
    table = ops.handler_table()
    src = bytecodes.generated_source().splitlines()
    for name in bytecodes.DEFS:
        fn = table[opcodes.opmap[name]]
        assert src[fn.__code__.co_firstlineno - 1] == "def %s(f, stack, oparg):" % name


def test_each_opcode_has_one_definition_site():
    """``grep -rn NAME evalframe/interpreter`` finds its declaration in
    bytecodes.py and nothing that restates its meaning: no ``def NAME``, no
    ``"NAME"`` (a template branch or table key) anywhere else, and exactly one
    ``inst("NAME"`` in bytecodes.py."""
    text = (INTERPRETER / "bytecodes.py").read_text()
    for name in bytecodes.DEFS:
        assert len(re.findall(r'inst\("%s",' % name, text)) == 1, name


def test_no_second_definition_in_the_interpreter():
    """``def NAME``, ``"NAME"`` (a template branch or a table key) anywhere in
    interpreter/ other than bytecodes.py would be a second copy."""
    found = []
    for path in INTERPRETER.rglob("*.py"):
        if path.name in ("bytecodes.py", "generated_handlers.py"):
            continue
        text = path.read_text()
        for name in bytecodes.DEFS:
            for pattern in (r"def %s\(" % name, r"[\"']%s[\"']" % name):
                for m in re.finditer(pattern, text):
                    found.append("%s:%d %s" % (path.name, text.count("\n", 0, m.start()) + 1,
                                               name))
    assert not found, found


def _code_mentions(path, names):
    """(line, name) of each mention of ``names`` in the code of ``path``
    that is not an attribute (``opcodes.NAME``: the opcode's number) nor in
    a comment or docstring: an identifier, or a string naming the opcode."""
    import io
    import tokenize
    found = []
    prev = None             # the previous significant token
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text()).readline):
        if tok.type in (tokenize.COMMENT, tokenize.NL):
            continue
        if tok.type == tokenize.NAME and tok.string in names:
            if not (prev is not None and prev.string == "."):
                found.append((tok.start[0], tok.string))
        elif tok.type == tokenize.STRING:
            docstring = prev is None or prev.type in (tokenize.NEWLINE, tokenize.INDENT,
                                                      tokenize.DEDENT)
            if not docstring:
                for name in re.findall(r"\b[A-Z][A-Z_]+\b", tok.string):
                    if name in names:
                        found.append((tok.start[0], name))
        prev = tok
    return found


def test_grep_lands_on_the_definition():
    """Issue 8's acceptance: a declared opcode's name, in the interpreter's
    code, is in bytecodes.py's declaration (and the generated handlers) only;
    elsewhere it is at most ``opcodes.NAME`` (its number, e.g. decode.py's
    NOP) or prose in a comment or docstring: no handler, template, table entry
    or set that lists it."""
    found = []
    for path in sorted(INTERPRETER.rglob("*.py")):
        if path.name in ("bytecodes.py", "generated_handlers.py"):
            continue
        found += ["%s:%d %s" % (path.name, line, name)
                  for line, name in _code_mentions(path, bytecodes.DEFS)]
    assert not found, found


def test_the_handlers_left_in_ops_are_the_undeclared():
    """The ops modules register hand-written handlers only for the opcodes
    not declared: 7 of 3.10's 127 (the calls, FOR_ITER, RETURN_VALUE,
    YIELD_FROM, END_ASYNC_FOR); the two 3.11 exception-group ones are
    declared."""
    ops.handler_table()
    hand = sorted(n for n, fn in ops.HANDLERS.items()
                  if fn.__code__.co_filename != bytecodes.GENERATED)
    assert not set(hand) & set(bytecodes.DEFS)
    assert sorted(set(hand) | set(bytecodes.DEFS)) == sorted(
        n for n in opcodes.opmap if not n.startswith("<"))
    assert hand == ["CALL_FUNCTION", "CALL_FUNCTION_KW", "CALL_METHOD", "END_ASYNC_FOR",
                    "FOR_ITER", "RETURN_VALUE", "YIELD_FROM"]
    assert len(bytecodes.DEFS) == 122


def test_every_declared_opcode_is_fused_inline():
    """Every declared opcode has its derived template, but those whose body
    ends in ``res = CALL(...)``: a guest callee's frame goes to the loop.
    Fused groups take all of them but those that touch the block stack
    (a group keeps none) or raise on purpose (a bare ``raise`` would be
    placed at the group's start); tier 2 takes those too."""
    assert bytecodes.CALLS == {"IMPORT_NAME", "CALL_FUNCTION_EX", "WITH_EXCEPT_START",
                               "BEFORE_ASYNC_WITH"}
    assert bytecodes.BLOCKS == {"SETUP_FINALLY", "SETUP_WITH", "SETUP_ASYNC_WITH", "POP_BLOCK",
                                "POP_EXCEPT", "RERAISE"}
    assert bytecodes.RAISES == {"RERAISE", "RAISE_VARARGS"}
    assert bytecodes.PUSHES_BLOCK == {"SETUP_FINALLY", "SETUP_WITH", "SETUP_ASYNC_WITH"}
    for name in bytecodes.DEFS:
        assert (name in superinstr.FUSABLE) == (
            name not in bytecodes.CALLS | bytecodes.BLOCKS | bytecodes.RAISES), name
        assert (name in tier2._TEMPLATED) == (name not in bytecodes.CALLS), name


_PROGRAM = """
def ops(a, b, xs, d):
    out = []
    out.append((a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a << 2, a >> 1,
                a & b, a ^ b, a | b, -a, +a, ~a, not a, xs[1], a is b, a is not b,
                a in xs, a not in xs))
    c = a
    c += b; c -= 1; c *= 3; c //= 2; c %= 7; c **= 2; c <<= 1; c >>= 1
    c &= 255; c ^= 3; c |= 8
    c2 = float(a); c2 /= 4
    out.append((c, c2))
    xs[0] = c
    del xs[1]
    d[a], d[b] = b, a
    x, y, z = 1, 2, 3
    x, y, z = z, x, y
    def inner():
        return x + y
    out.append((xs, sorted(d.items()), x, y, z, inner()))
    return out
print(ops(13, 5, [1, 2, 3], {}))
try:
    ops(1, 0, [1, 2], {})
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
"""


# (no cells: ``ops`` and ``names`` get lean tier-2 functions, whose templates
# write locals as host locals, the frame materialised on demand, and globals
# and builtins as the bound exact dicts)
_LEAN_PROGRAM = _PROGRAM.replace("""    def inner():
        return x + y
    out.append((xs, sorted(d.items()), x, y, z, inner()))""", """    out.append((xs, sorted(d.items()), x, y, z))
    del x""") + """
G = 5
def names(k):
    return [len(str(k)), G, k]
def unbound(k):
    del k
    return k
def undefined(k):
    return undefined_name
print(names(3), names('ab'))
for fn in (unbound, undefined):
    try:
        fn(1)
    except NameError as e:
        print(type(e).__name__, e)
"""


@pytest.mark.parametrize("mode", ["handlers", "fused", "tier2", "lean"])
def test_derived_forms_agree(mode, monkeypatch, capsys):
    monkeypatch.setattr(superinstr, "ENABLED", mode != "handlers")
    monkeypatch.setattr(superinstr, "WARMUP", 0)
    monkeypatch.setattr(tier2, "ENABLED", mode in ("tier2", "lean"))
    monkeypatch.setattr(tier2, "HOT", 0)
    program = _LEAN_PROGRAM if mode == "lean" else _PROGRAM
    g = {"__name__": "__main__"}
    run_code(compile_source(program, "<defs>", "exec"), g)
    got = capsys.readouterr().out
    exec(compile(program, "<defs>", "exec"), {"__name__": "__main__"})
    expected = capsys.readouterr().out
    assert got == expected
    if mode == "lean" and tier2.get_tstate().tracer is None:
        # (a tracer, --evalframe-mode settrace-noop, runs frames in the traced loop)
        # (called from the module body: osr_entry ran their lean functions)
        for name in ("ops", "names", "unbound"):
            assert tier2.bind_lean(g[name]) is not None, name


def test_block_stack_changes_before_the_value_stack():
    """A handler whose body changes the block stack drops its inputs only
    after (or, PUSH_BLOCK, on the line that pushes the block): an exception
    between two host statements (a KeyboardInterrupt) must not find an
    EXCEPT_HANDLER block whose values are gone (ceval.unwind_except_handler
    pops them: IndexError), as tier2-eager's sigint_unwinding once did."""
    checked = 0
    for name in sorted(bytecodes.BLOCKS):
        for fn_src in bytecodes.handler_source(bytecodes.DEFS[name]).split("\n\n"):
            lines = [ln for ln in fn_src.splitlines() if ln.startswith("    ")]
            first = next((i for i, ln in enumerate(lines) if "f_blockstack" in ln), None)
            if first is None:
                continue
            checked += 1
            assert not [ln for ln in lines[:first] if "stack.pop()" in ln or "del stack[" in ln], \
                (name, fn_src)
    assert checked >= 6
