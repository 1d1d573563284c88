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


def test_generated_facts_are_current():
    """generated_facts.py holds what the definitions derive today (read at
    start-up instead: regenerate with python -m evalframe.interpreter.bytecodes),
    and the module's facts are those."""
    with open(bytecodes.FACTS) as f:
        assert f.read() == bytecodes.facts_source(), \
            "stale: run python -m evalframe.interpreter.bytecodes"
    for name, value in bytecodes.derived_facts().items():
        assert getattr(bytecodes, name if name != "COUNTED" else "_COUNTED") == value, name


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
        if path.name in ("bytecodes.py", "generated_handlers.py", "generated_facts.py"):
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
        if path.name in ("bytecodes.py", "generated_handlers.py", "generated_facts.py"):
            continue
        found += ["%s:%d %s" % (path.name, line, name)
                  for line, name in _code_mentions(path, bytecodes.DEFS)]
    assert not found, found


def test_every_opcode_is_declared():
    """No hand-written handler is left in ops/*: all of 3.10's 127 opcodes
    and the two 3.11 exception-group ones are declared in bytecodes.py."""
    ops.handler_table()
    hand = sorted(n for n, fn in ops.HANDLERS.items()
                  if fn.__code__.co_filename != bytecodes.GENERATED)
    assert hand == []
    assert sorted(bytecodes.DEFS) == sorted(n for n in opcodes.opmap if not n.startswith("<"))
    assert len(bytecodes.DEFS) == 129


def test_frame_switching_forms(monkeypatch):
    """The opcodes that switch frames are known by their form (what each
    tier implements once, keyed by it), and the plain loop runs their
    ``NAME__live`` handlers: RETURN_VALUE's records its own index (its
    argument), the calls' take the plain count and leave f._lasti to the
    loop, FOR_ITER's and YIELD_FROM's hand a guest generator to the loop."""
    assert bytecodes.FORMS == {"RETURN_VALUE": "return", "CALL_FUNCTION": "call",
                               "CALL_METHOD": "call_method", "CALL_FUNCTION_KW": "call_kw",
                               "FOR_ITER": "next", "YIELD_FROM": "delegate"}
    assert bytecodes.HAS_LIVE == {"RETURN_VALUE", "CALL_FUNCTION", "CALL_METHOD", "FOR_ITER",
                                  "YIELD_FROM"}
    live = bytecodes.live_handlers()
    assert {n: index for n, (fn, index) in live.items()} == {
        "RETURN_VALUE": True, "CALL_FUNCTION": False, "CALL_METHOD": False,
        "FOR_ITER": False, "YIELD_FROM": False}
    from evalframe.interpreter.decode import decode
    code = compile_source("def f(a, it):\n    for x in it: a.m(x, 1)\n    return len(a)\n",
                          "<t>", "exec").co_consts[0]
    # (the plain list as decoded: no group fused, no tier-2 entry)
    monkeypatch.setattr(superinstr, "ENABLED", False)
    monkeypatch.setattr(tier2, "ENABLED", False)
    d = decode(code)
    raw_names = [opcodes.opname[op] for op, _ in d.raw]
    for i, name in enumerate(raw_names):
        fn, arg = d.instrs[i]
        if name in live:
            assert fn is live[name][0], name
            plain = d.basic[i][1]
            assert arg == (i if live[name][1] else plain[0] if name in bytecodes.WITH_INDEX
                           else plain), name
        # (the others: the traced loop's handlers, the same ones)
    # the traced loop's (basic) handlers set f._lasti for a call themselves
    # and never return a generator; the plain loop's do not set it
    for name in ("CALL_FUNCTION", "CALL_METHOD"):
        src = bytecodes.handler_source(bytecodes.DEFS[name]).split("\n\n\n")
        assert "f._lasti = INDEX" in src[0] and "_lasti" not in src[1], name
    src = bytecodes.handler_source(bytecodes.DEFS["FOR_ITER"]).split("\n\n\n")
    assert "Generator" not in src[0] and "return iter" in src[1]


def test_a_raise_in_the_middle_leaves_the_inputs_for_the_unwinding():
    """END_ASYNC_FOR's two paths: StopAsyncIteration pops all 7 values (the
    stack effect 3.10's dis.stack_effect gives), a re-raise leaves them where
    they are, so that the unwinding finds the exception state the handler
    saved (ceval.unwind_except_handler drops the stack to the block's level
    + 3 and restores it): the handler pops nothing before its raise."""
    src = bytecodes.handler_source(bytecodes.DEFS["END_ASYNC_FOR"])
    body = src.splitlines()
    at = next(i for i, ln in enumerate(body) if "raise reraise" in ln)
    assert not [ln for ln in body[:at] if "pop()" in ln or "del stack" in ln]
    assert body[-1].strip() == "del stack[-7:]"
    assert bytecodes.DEFS["END_ASYNC_FOR"].stack_effect(0) == -7


def test_every_declared_opcode_is_fused_inline():
    """Every declared opcode has its derived template, but those whose body
    ends in ``res = CALL(...)`` (a guest callee's frame goes to the loop) and
    those that switch frames (FORMS: each tier's form of them).
    Fused groups take all of them but those that touch the block stack
    (a group keeps none) or raise on purpose (a bare ``raise`` would be
    placed at the group's start); tier 2 takes those too."""
    assert bytecodes.CALLS == {"IMPORT_NAME", "CALL_FUNCTION_EX", "WITH_EXCEPT_START",
                               "BEFORE_ASYNC_WITH"}
    assert bytecodes.BLOCKS == {"SETUP_FINALLY", "SETUP_WITH", "SETUP_ASYNC_WITH", "POP_BLOCK",
                                "POP_EXCEPT", "RERAISE", "END_ASYNC_FOR"}
    assert bytecodes.RAISES == {"RERAISE", "RAISE_VARARGS"}
    assert bytecodes.PUSHES_BLOCK == {"SETUP_FINALLY", "SETUP_WITH", "SETUP_ASYNC_WITH"}
    delegates = {n for n, form in bytecodes.FORMS.items() if form == "delegate"}
    for name in bytecodes.DEFS:
        assert (name in superinstr.FUSABLE) == (
            name not in bytecodes.CALLS | bytecodes.BLOCKS | bytecodes.RAISES | delegates), name
        # (the frame switches: tier 2's own forms, _own / _lean_op)
        assert (name in tier2._TEMPLATED) == (name not in bytecodes.CALLS
                                              and name not in bytecodes.FORMS), name
        assert (name in tier2._OWN) == (name in bytecodes.FORMS and name not in delegates), name


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


def _flushed(g):
    """How many values group ``g``'s first flush pushed to the real stack."""
    for _, text, _ in g.body:
        if text.startswith("stack.append("):
            return 1
        if text.startswith("stack += ("):
            return text.count(",")
    return 0


@pytest.mark.parametrize("name", sorted(n for n, form in bytecodes.FORMS.items()
                                        if form != "delegate"))
def test_each_tier_takes_what_the_form_declares(name):
    """A frame switch's template is its tier's form of it (superinstr
    ``_switch``, tier 2's ``_own`` and ``_lean_op``), written once per form:
    each consumes the inputs and pushes the outputs the declaration says
    (opcodes.stack_effect checks the declaration itself)."""
    d = bytecodes.DEFS[name]
    form = bytecodes.FORMS[name]
    from evalframe.interpreter.decode import decode
    code = compile_source("def f(a):\n    return a\n", "<t>", "exec").co_consts[0]
    decode(code)
    for arg in ([0] if opcodes.opmap[name] < opcodes.HAVE_ARGUMENT else [1, 3]):
        effect = d.stack_effect(arg)
        consumed = len(d.outputs) - effect
        below = 2
        n = 0 if form == "next" else below + consumed

        def stack(g):
            g.vs = ["s%d" % k for k in range(n)]
            if form == "call_kw":
                g.vs[-1] = g.param(("k",))      # (the keyword names: a constant)
        darg = 7 if form == "next" else (arg, 5) if name in bytecodes.WITH_INDEX else None
        # fused: a call or a return ends the group, what lies below flushed
        # (a return's value too: the loop pops it); the next item continues
        g = superinstr.Group(0)
        stack(g)
        more = superinstr.translate(g, name, arg, darg, 5, None, arg)
        if form == "next":
            assert more and len(g.vs) == effect, name     # (the iterator stays on the real stack)
        else:
            assert not more and _flushed(g) == (n if form == "return" else n - consumed), name
        # tier 2, frame-based and lean: the outputs replace the inputs on the
        # virtual stack, a return leaves
        for cls in (tier2._Function, tier2._Lean):
            g = cls(set(), 8)
            g.code = code
            g.raw = []
            stack(g)
            if form == "next":
                g.vs = ["s0", "s1"]
            before = len(g.vs)
            if cls is tier2._Function:
                more = tier2._own(g, name, arg, darg, 5, None)
            else:
                more = tier2._lean_op(g, code, name, opcodes.opmap[name], arg, darg, 5, None, None)
            if form == "return":
                assert more is False, (name, cls)
            else:
                assert more is True and len(g.vs) - before == effect, (name, cls)
