"""The ``match`` statement: 3.10's pattern compiler.

Mirrors the pattern half of CPython 3.10's Python/compile.c: ``compiler_match``
/ ``compiler_match_inner``, the ``pattern_context`` (names to store, the
``fail_pop`` blocks that pop what a failed pattern left on the stack, the
count of items kept on top), ``compiler_pattern_*`` for value, singleton,
sequence (unpacking or subscripting), mapping (MATCH_MAPPING, MATCH_KEYS,
COPY_DICT_WITHOUT_KEYS), class (MATCH_CLASS), star, as and or patterns (with
ROT_N to line captures up), and the pattern SyntaxErrors.
"""

import _ast as ast  # (the node classes: ast.py's helpers are not needed, docs/vm.md start-up)
import sys

from .. import opcodes as op

# 3.12+ hosts place "alternative patterns bind different names" at the whole
# or-pattern (codegen.Compiler.error matches the host's compile())
_HOST = sys.version_info[:2]

_Store = ast.Store


class PatternContext:
    """``pattern_context``: the state threaded through one case's pattern."""

    __slots__ = ("stores", "allow_irrefutable", "fail_pop", "on_top")

    def __init__(self):
        self.stores = []
        self.allow_irrefutable = False
        self.fail_pop = []
        self.on_top = 0


def _is_wildcard(p):
    return type(p) is ast.MatchAs and p.name is None and p.pattern is None


def _is_star_wildcard(p):
    return type(p) is ast.MatchStar and p.name is None


def ensure_fail_pop(c, pc, n):
    size = n + 1
    u = c.u
    while len(pc.fail_pop) < size:
        pc.fail_pop.append(u.new_block())


def jump_to_fail_pop(c, pc, opcode):
    # Pop what is on top, plus the objects we were going to capture.
    pops = pc.on_top + len(pc.stores)
    ensure_fail_pop(c, pc, pops)
    u = c.u
    u.addop_j(opcode, pc.fail_pop[pops])
    u.next_block()


def emit_and_reset_fail_pop(c, pc):
    u = c.u
    if not pc.fail_pop:
        u.next_block()
        return
    for block in reversed(pc.fail_pop[1:]):
        u.use_next_block(block)
        u.addop(op.POP_TOP)
    u.use_next_block(pc.fail_pop[0])
    pc.fail_pop = []


def error_duplicate_store(c, name):
    c.error("multiple assignments to name %r in pattern" % name)


def store_name(c, name, pc):
    u = c.u
    if name is None:
        u.addop(op.POP_TOP)
        return
    c.forbidden_name(name, _Store)
    if name in pc.stores:
        error_duplicate_store(c, name)
    # Rotate this object underneath any items we need to preserve.
    u.addop_i(op.ROT_N, pc.on_top + len(pc.stores) + 1)
    pc.stores.append(name)


def unpack_helper(c, patterns):
    u = c.u
    n = len(patterns)
    seen_star = False
    for i, p in enumerate(patterns):
        if type(p) is ast.MatchStar:
            if seen_star:
                c.error("multiple starred expressions in sequence pattern")
            if i >= (1 << 8) or n - i - 1 >= (0x7FFFFFFF >> 8):
                c.error("too many expressions in star-unpacking sequence pattern")
            u.addop_i(op.UNPACK_EX, i + ((n - i - 1) << 8))
            seen_star = True
    if not seen_star:
        u.addop_i(op.UNPACK_SEQUENCE, n)


def sequence_unpack(c, patterns, star, pc):
    unpack_helper(c, patterns)
    size = len(patterns)
    # The new subjects stay on the stack for the patterns after each one.
    pc.on_top += size
    for p in patterns:
        pc.on_top -= 1
        subpattern(c, p, pc)


def sequence_subscr(c, patterns, star, pc):
    """Like sequence_unpack, with BINARY_SUBSCR, for a starred wildcard."""
    u = c.u
    pc.on_top += 1
    size = len(patterns)
    for i, p in enumerate(patterns):
        if _is_wildcard(p):
            continue
        if i == star:
            continue
        u.addop(op.DUP_TOP)
        if i < star:
            u.load_const(i)
        else:
            u.addop(op.GET_LEN)
            u.load_const(size - i)
            u.addop(op.BINARY_SUBTRACT)
        u.addop(op.BINARY_SUBSCR)
        subpattern(c, p, pc)
    pc.on_top -= 1
    u.addop(op.POP_TOP)


def subpattern(c, p, pc):
    allow = pc.allow_irrefutable
    pc.allow_irrefutable = True
    compile_pattern(c, p, pc)
    pc.allow_irrefutable = allow


def pattern_as(c, p, pc):
    u = c.u
    if p.pattern is None:
        if not pc.allow_irrefutable:
            if p.name:
                c.error("name capture %r makes remaining patterns unreachable" % p.name)
            c.error("wildcard makes remaining patterns unreachable")
        store_name(c, p.name, pc)
        return
    pc.on_top += 1
    u.addop(op.DUP_TOP)
    compile_pattern(c, p.pattern, pc)
    pc.on_top -= 1
    store_name(c, p.name, pc)


def pattern_star(c, p, pc):
    store_name(c, p.name, pc)


def validate_kwd_attrs(c, attrs, patterns):
    for i, attr in enumerate(attrs):
        c.set_loc(patterns[i])
        c.forbidden_name(attr, _Store)
        for j in range(i + 1, len(attrs)):
            if attrs[j] == attr:
                c.set_loc(patterns[j])
                c.error("attribute name repeated in class pattern: %s" % attr)


def pattern_class(c, p, pc):
    u = c.u
    patterns = p.patterns
    kwd_attrs = p.kwd_attrs
    kwd_patterns = p.kwd_patterns
    nargs = len(patterns)
    nattrs = len(kwd_attrs)
    if nattrs != len(kwd_patterns):
        c.error("kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern"
                % (nattrs, len(kwd_patterns)))
    if nattrs:
        validate_kwd_attrs(c, kwd_attrs, kwd_patterns)
        c.set_loc(p)
    c.visit_expr(p.cls)
    u.load_const(tuple(kwd_attrs))
    u.addop_i(op.MATCH_CLASS, nargs)
    # TOS is now a tuple of (nargs + nattrs) attributes; keep it.
    pc.on_top += 1
    jump_to_fail_pop(c, pc, op.POP_JUMP_IF_FALSE)
    for i, sub in enumerate(list(patterns) + list(kwd_patterns)):
        if _is_wildcard(sub):
            continue
        u.addop(op.DUP_TOP)
        u.load_const(i)
        u.addop(op.BINARY_SUBSCR)
        subpattern(c, sub, pc)
    pc.on_top -= 1
    u.addop(op.POP_TOP)


def pattern_mapping(c, p, pc):
    u = c.u
    keys = p.keys
    patterns = p.patterns
    size = len(keys)
    if size != len(patterns):
        c.error("keys (%d) / patterns (%d) length mismatch in mapping pattern"
                % (size, len(patterns)))
    star_target = p.rest
    pc.on_top += 1
    u.addop(op.MATCH_MAPPING)
    jump_to_fail_pop(c, pc, op.POP_JUMP_IF_FALSE)
    if not size and not star_target:
        pc.on_top -= 1
        u.addop(op.POP_TOP)
        return
    if size:
        u.addop(op.GET_LEN)
        u.load_const(size)
        u.addop_i(op.COMPARE_OP, 5)     # >=
        jump_to_fail_pop(c, pc, op.POP_JUMP_IF_FALSE)
    seen = set()
    for i, key in enumerate(keys):
        if key is None:
            c.set_loc(patterns[i])
            c.error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)")
        if type(key) is ast.Constant:
            k = key.value
            try:
                dup = k in seen
            except TypeError:
                dup = False
            if dup:
                c.error("mapping pattern checks duplicate key (%r)" % (k,))
            try:
                seen.add(k)
            except TypeError:
                pass
        elif type(key) is not ast.Attribute:
            c.error("mapping pattern keys may only match literals and attribute lookups")
        c.visit_expr(key)
    u.addop_i(op.BUILD_TUPLE, size)
    u.addop(op.MATCH_KEYS)
    # A tuple of keys and a tuple of values now sit on the subject.
    pc.on_top += 2
    jump_to_fail_pop(c, pc, op.POP_JUMP_IF_FALSE)
    for i, sub in enumerate(patterns):
        if _is_wildcard(sub):
            continue
        u.addop(op.DUP_TOP)
        u.load_const(i)
        u.addop(op.BINARY_SUBSCR)
        subpattern(c, sub, pc)
    pc.on_top -= 2
    u.addop(op.POP_TOP)
    if star_target:
        u.addop(op.COPY_DICT_WITHOUT_KEYS)
        store_name(c, star_target, pc)
    else:
        u.addop(op.POP_TOP)
    pc.on_top -= 1
    u.addop(op.POP_TOP)


def pattern_or(c, p, pc):
    u = c.u
    end = u.new_block()
    alts = p.patterns
    size = len(alts)
    old_stores = pc.stores
    old_allow = pc.allow_irrefutable
    old_fail_pop = pc.fail_pop
    old_on_top = pc.on_top
    control = None
    for i, alt in enumerate(alts):
        c.set_loc(alt)
        pc.stores = []
        pc.allow_irrefutable = (i == size - 1) and old_allow
        pc.fail_pop = []
        pc.on_top = 0
        u.addop(op.DUP_TOP)
        compile_pattern(c, alt, pc)
        nstores = len(pc.stores)
        if i == 0:
            control = pc.stores
        elif nstores != len(control):
            c.error("alternative patterns bind different names", p if _HOST >= (3, 12) else None)
        elif nstores:
            icontrol = nstores
            while icontrol:
                icontrol -= 1
                name = control[icontrol]
                if name not in pc.stores:
                    c.error("alternative patterns bind different names", p if _HOST >= (3, 12) else None)
                istores = pc.stores.index(name)
                if icontrol != istores:
                    # Reorder the names on the stack to match control's order.
                    rotations = istores + 1
                    rotated = pc.stores[:rotations]
                    del pc.stores[:rotations]
                    pc.stores[icontrol - istores:icontrol - istores] = rotated
                    for _ in range(rotations):
                        u.addop_i(op.ROT_N, icontrol + 1)
        u.addop_j(op.JUMP_FORWARD, end)
        u.next_block()
        emit_and_reset_fail_pop(c, pc)
    pc.stores = old_stores
    pc.allow_irrefutable = old_allow
    pc.fail_pop = old_fail_pop
    pc.on_top = old_on_top
    # No match: pop the remaining copy of the subject and fail.
    u.addop(op.POP_TOP)
    jump_to_fail_pop(c, pc, op.JUMP_FORWARD)
    u.use_next_block(end)
    nstores = len(control)
    nrots = nstores + 1 + pc.on_top + len(pc.stores)
    for i in range(nstores):
        u.addop_i(op.ROT_N, nrots)
        name = control[i]
        if name in pc.stores:
            error_duplicate_store(c, name)
        pc.stores.append(name)
    u.addop(op.POP_TOP)


def pattern_sequence(c, p, pc):
    u = c.u
    patterns = p.patterns
    size = len(patterns)
    star = -1
    only_wildcard = True
    star_wildcard = False
    for i, sub in enumerate(patterns):
        if type(sub) is ast.MatchStar:
            if star >= 0:
                c.error("multiple starred names in sequence pattern")
            star_wildcard = _is_star_wildcard(sub)
            only_wildcard = only_wildcard and star_wildcard
            star = i
            continue
        only_wildcard = only_wildcard and _is_wildcard(sub)
    pc.on_top += 1
    u.addop(op.MATCH_SEQUENCE)
    jump_to_fail_pop(c, pc, op.POP_JUMP_IF_FALSE)
    if star < 0:
        u.addop(op.GET_LEN)
        u.load_const(size)
        u.addop_i(op.COMPARE_OP, 2)     # ==
        jump_to_fail_pop(c, pc, op.POP_JUMP_IF_FALSE)
    elif size > 1:
        u.addop(op.GET_LEN)
        u.load_const(size - 1)
        u.addop_i(op.COMPARE_OP, 5)     # >=
        jump_to_fail_pop(c, pc, op.POP_JUMP_IF_FALSE)
    pc.on_top -= 1
    if only_wildcard:
        u.addop(op.POP_TOP)
    elif star_wildcard:
        sequence_subscr(c, patterns, star, pc)
    else:
        sequence_unpack(c, patterns, star, pc)


def pattern_value(c, p, pc):
    value = p.value
    if type(value) is not ast.Constant and type(value) is not ast.Attribute:
        c.error("patterns may only match literals and attribute lookups")
    c.visit_expr(value)
    c.u.addop_i(op.COMPARE_OP, 2)
    jump_to_fail_pop(c, pc, op.POP_JUMP_IF_FALSE)


def pattern_singleton(c, p, pc):
    c.u.load_const(p.value)
    c.u.addop_i(op.IS_OP, 0)
    jump_to_fail_pop(c, pc, op.POP_JUMP_IF_FALSE)


_PATTERNS = {
    ast.MatchValue: pattern_value, ast.MatchSingleton: pattern_singleton,
    ast.MatchSequence: pattern_sequence, ast.MatchMapping: pattern_mapping,
    ast.MatchClass: pattern_class, ast.MatchStar: pattern_star,
    ast.MatchAs: pattern_as, ast.MatchOr: pattern_or,
}


def compile_pattern(c, p, pc):
    c.set_loc(p)
    f = _PATTERNS.get(type(p))
    if f is None:
        c.error("invalid match pattern node in AST (kind=%s)" % type(p).__name__)
    f(c, p, pc)


def compiler_match(c, s):
    u = c.u
    pc = PatternContext()
    c.visit_expr(s.subject)
    end = u.new_block()
    cases = s.cases
    ncases = len(cases)
    last = cases[-1]
    has_default = 1 if (_is_wildcard(last.pattern) and ncases > 1) else 0
    for i in range(ncases - has_default):
        m = cases[i]
        c.set_loc(m.pattern)
        if i != ncases - has_default - 1:
            u.addop(op.DUP_TOP)
        pc.stores = []
        pc.allow_irrefutable = m.guard is not None or i == ncases - 1
        pc.fail_pop = []
        pc.on_top = 0
        compile_pattern(c, m.pattern, pc)
        for name in pc.stores:
            c.nameop(name, _Store)
        if m.guard is not None:
            ensure_fail_pop(c, pc, 0)
            c.jump_if(m.guard, pc.fail_pop[0], False)
        if i != ncases - has_default - 1:
            u.addop(op.POP_TOP)
        c.visit_stmts(m.body)
        u.loc = None        # 3.11: UNSET_LOC before the jump to the end
        u.addop_j(op.JUMP_FORWARD, end)
        # A failed pattern's cleanup belongs to the pattern's line.
        c.set_loc(m.pattern)
        emit_and_reset_fail_pop(c, pc)
    if has_default:
        m = last
        c.set_loc(m.pattern)
        if ncases == 1:
            u.addop(op.POP_TOP)
        else:
            u.addop(op.NOP)
        if m.guard is not None:
            c.jump_if(m.guard, end, False)
        c.visit_stmts(m.body)
    u.use_next_block(end)
