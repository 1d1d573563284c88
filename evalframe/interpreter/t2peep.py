"""Peephole rewrites of a lean tier-2 body (tier2._lean_source's last step).

The declarations' templates (bytecodes.py) give every value a temporary of its
own: a result stored into a local is ``tA = EXPR`` (its instruction), then
``lN = tA`` and ``tA = None`` (STORE_FAST), and an UNPACK_SEQUENCE fills n
temporaries that n STORE_FASTs then move one by one.  CPython's own compiler
writes neither the temporary nor the moves: ``x = a + b`` is BINARY_OP then
STORE_FAST, ``a, b = t`` UNPACK_SEQUENCE then the STORE_FASTs.  This module
writes the host statement CPython would compile for those runs, so the host
runs the guest's instructions and nothing more.

Exactness.  Each rewrite keeps the order in which values die (a run with a
release between its instructions is left alone, except the one case below)
and each guest instruction's host line: a host statement is spread over
lines, each line on the instruction it runs (the host compiler gives a store
the line of its target and an expression its own line), so an exception, a
finalizer or a signal handler observing the frame maps the host line to the
same guest instruction as before (tier2.live_index, lean_raise).
"""

import re

_SOURCES = {
    "_TEMP_SET": r"^(t\d+) = (.+)$",
    # (``fast[N]``: a frame-based function's local, tier2._source)
    "_STORE": r"^([ls]\d+|fast\[\d+\]) = (t\d+)$",
    "_UNPACK": r"^if (.+): ((?:t\d+, )+)= (.+)$",
    "_UNPACK_SLOW": r"^else: ((?:t\d+, )+)= unpack_iterable\((.+)\)$",
    "_RELEASE": r"^(?:t\d+ = None|del t\d+)$",
    "_RELEASE_ANY": r"^(?:t\d+( = t\d+)* = None|del t\d+(, t\d+)*)$",
    "_JUMP_ON": r"^if (not )?(t\d+):$",
    "_INPLACE": r"^(t\d+) (\S+=) ([lp]\d+|fast\[\d+\]|\(-?\d+\))$",
    "_TEMPS": r"\bt\d+\b",
    "_LOCAL": r"^(?:l\d+|fast\[\d+\])$",
}


def _compile():
    # (compiled at the first translation, not at import: evalframe's start-up
    # imports tier 2, and a run whose code never gets hot needs none of them)
    g = globals()
    for name, src in _SOURCES.items():
        g[name] = re.compile(src)


# the mark a fused compare-and-jump line carries (a host comment): the step
# of the jump whose host instruction (POP_JUMP_*) is on that line too
JUMP_MARK = "#>"


def rewrite(body, bool_steps=frozenset(), cmp_steps=frozenset()):
    """The body (a list of (indent, text, step)) with the runs above rewritten;
    ``bool_steps``: the steps of the instructions whose result is always an
    exact bool (IS_OP, CONTAINS_OP); ``cmp_steps``: COMPARE_OPs whose jump
    may be fused with them though their result is any object (_bool_jumps)."""
    if "_TEMPS" not in globals():
        _compile()
    body = _bool_jumps(body, bool_steps, cmp_steps)
    out = []
    i = 0
    n = len(body)
    while i < n:
        done = _unpack(body, i, out) or _inplace(body, i, out) or _store(body, i, out)
        if done:
            i += done
        else:
            out.append(body[i])
            i += 1
    return out


def _releases(text, t):
    """Whether line ``text`` drops temporary ``t`` alone (``t = None``, or
    ``del t``: tier2.drop_text)."""
    return text == t + " = None" or text == "del " + t


def _release_line(lines):
    """One line dropping what release lines ``lines`` drop, in their order:
    a del when all were dels (values every path has assigned)."""
    names = []
    for x in lines:
        names.extend(x[4:].split(", ") if x.startswith("del ") else x[:-len(" = None")].split(" = "))
    if all(x.startswith("del ") for x in lines):
        return "del " + ", ".join(names)
    return " = ".join(names) + " = None"


def _store(body, i, out):
    """``tA = EXPR; lN = tA; tA = None`` (an instruction, then STORE_FAST of
    its result) -> ``lN = (EXPR)`` over two lines: the store on the
    STORE_FAST's, the expression on its instruction's."""
    if i + 2 >= len(body):
        return 0
    (ind, text, step), (ind1, text1, step1), (ind2, text2, step2) = body[i:i + 3]
    if not ind == ind1 == ind2:
        return 0
    m = _TEMP_SET.match(text)
    s = _STORE.match(text1)
    if m is None or s is None or s.group(2) != m.group(1) or not _releases(text2, m.group(1)):
        return 0
    expr = m.group(2)
    if ";" in expr or _TEMP_SET.match(expr) or m.group(1) in _TEMPS.findall(expr):
        return 0                # (a chain, or a statement more on the line)
    out.append((ind, "%s = (" % s.group(1), step1))
    out.append((ind + 1, expr + ")", step))
    return 3


def _unpack(body, i, out):
    """The fast line of UNPACK_SEQUENCE, its slow line, the release of its operand,
    then one STORE_FAST per item (in the order the items come off the stack)
    -> the items unpacked straight into the locals on the fast path, each
    target on its STORE_FAST's line; the slow path keeps its moves."""
    if i + 1 >= len(body):
        return 0
    (ind, text, step), (ind1, text1, step1) = body[i:i + 2]
    m = _UNPACK.match(text)
    if m is None or ind1 != ind:
        return 0
    slow = _UNPACK_SLOW.match(text1)
    if slow is None or slow.group(1) != m.group(2):
        return 0
    temps = m.group(2).split(", ")[:-1]
    j = i + 2
    released = []
    while j < len(body) and body[j][0] == ind and body[j][2] == step and _RELEASE.match(body[j][1]):
        released.append(body[j])
        j += 1
    targets = []
    for t in temps:
        if j + 1 >= len(body):
            return 0
        (a, st, k), (b, rel, k2) = body[j], body[j + 1]
        s = _STORE.match(st)
        if not (a == b == ind and k == k2) or s is None or s.group(2) != t or not _releases(rel, t):
            return 0
        targets.append((s.group(1), k))
        j += 2
    out.append((ind, "if %s:" % m.group(1), step))
    out.append((ind + 1, "(", step))
    for name, k in targets:
        out.append((ind + 2, name + ",", k))
    out.append((ind + 1, ") = %s" % m.group(3), step))
    # (an operand released after the stores here: only an exact tuple or list
    # takes this path, whose items the locals now hold; it runs no finalizer)
    out.extend((ind + 1, x, k) for _, x, k in released)
    out.append((ind, "else:", step))
    out.append((ind + 1, text1[len("else: "):], step))
    out.extend((ind + 1, x, k) for _, x, k in body[i + 2:j])
    return j - i


def _inplace(body, i, out):
    """``tA = lN; tA += X; lN = tA; tA = None`` (an in-place operator on a
    local, X a local or a constant, then STORE_FAST to that local) ->
    ``lN += X``, spread as CPython compiles it: the operator on the first
    line, the local (read and stored) on the STORE_FAST's.  X a temporary is
    left alone: CPython drops it before the store, ``lN += tX`` after."""
    if i + 3 >= len(body):
        return 0
    (ind, text, step), (ind1, op, step1), (ind2, st, step2), (ind3, rel, step3) = body[i:i + 4]
    if not ind == ind1 == ind2 == ind3 or step1 != step or step3 != step2:
        return 0
    m = _TEMP_SET.match(text)
    o = _INPLACE.match(op)
    s = _STORE.match(st)
    if m is None or o is None or s is None:
        return 0
    t, local = m.group(1), m.group(2)
    if o.group(1) != t or s.group(1) != local or s.group(2) != t or not _releases(rel, t):
        return 0
    if not _LOCAL.match(local) or o.group(3) == local:
        return 0
    out.append((ind, "(", step))
    out.append((ind + 1, local, step2))
    out.append((ind, ") %s (" % o.group(2), step))
    out.append((ind + 1, o.group(3) + ")", step))
    return 4


def _bool_jumps(body, bool_steps, cmp_steps=frozenset()):
    """``tA = X in Y`` (IS_OP, CONTAINS_OP: an exact bool), the releases of its
    operands, then ``if tA:`` / ``if not tA:`` with ``tA = None`` first on
    each path -> ``if X in Y:``, the operands released on each path where the
    result was.  Exact: the truth test of an exact bool runs no code and the
    bool has no finalizer, so nothing can tell the operands died after the
    jump rather than before it; each release keeps the instruction's step.

    A COMPARE_OP (``cmp_steps``) releasing no operand there (locals and
    constants: ``if n < 2:``) is fused the same way though its result may be
    any object, whose truth test (a guest ``__bool__``) and release run at
    the jump: the fused line carries JUMP_MARK and the jump's step, and the
    line table maps the host jump instruction on it to that step
    (t2frames.index_at), so a frame observed or a traceback made there shows
    the jump, as before.  With operands to release it is left alone: they
    die before the jump's truth test, which the fused form would reverse."""
    if not bool_steps and not cmp_steps:
        return body
    out = list(body)
    lines_of = {}           # temporary -> the lines naming it (one scan of the body)
    for k, (_, text, _) in enumerate(out):
        for name in _TEMPS.findall(text):
            lines_of.setdefault(name, []).append(k)
    for i in range(len(out)):
        if out[i] is None or (out[i][2] not in bool_steps and out[i][2] not in cmp_steps):
            continue
        exact = out[i][2] in bool_steps
        ind, text, step = out[i]
        m = _TEMP_SET.match(text)
        if m is None:
            continue
        t = m.group(1)
        j = i + 1
        released = []
        while j < len(out) and out[j][0] == ind and out[j][2] == step and _RELEASE_ANY.match(out[j][1]):
            released.append(out[j][1])
            j += 1
        if j >= len(out) or out[j][0] != ind or (not exact and (
                released or ";" in m.group(2) or ":=" in m.group(2))):
            continue
        jm = _JUMP_ON.match(out[j][1])
        if jm is None or jm.group(2) != t:
            continue
        uses = [k for k in lines_of.get(t, ()) if k > j and out[k] is not None]
        if not uses or any(not _releases(out[k][1], t) for k in uses):
            continue
        rel = _release_line(released) if released else None
        mark = "" if exact else "  %s%d" % (JUMP_MARK, out[j][2])
        out[i] = (ind, "if %s(%s):%s" % (jm.group(1) or "", m.group(2), mark), step)
        for k in range(i + 1, j + 1):
            out[k] = None
        for k in uses:
            out[k] = (out[k][0], rel, step) if rel else (out[k][0], "pass", out[k][2])
            for x in released:
                for name in _TEMPS.findall(x):
                    lines_of[name].append(k)
    return [x for x in out if x is not None]
