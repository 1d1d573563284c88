"""Shrinking a program that shows a mismatch to a small one that still does.

Mirrors no CPython file; it is delta debugging over statements, the way
hypothesis shrinks its own examples: try each simplification (drop a
statement, replace a compound statement by its body, replace an expression
statement's value by a constant), keep it when the program still fails,
until no step helps.  Works on the AST (``ast.unparse`` writes it back); a
mismatch that depends on the exact text falls back to dropping lines.
"""

import ast


def _bodies(tree):
    """Every statement list in ``tree`` (module, function, loop, try... bodies)."""
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            value = getattr(node, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                yield value
        for handler in getattr(node, "handlers", ()) or ():
            yield handler.body
        for case in getattr(node, "cases", ()) or ():
            yield case.body


def _candidates(tree):
    """Simplified copies of ``tree``, biggest steps first."""
    import copy
    count = sum(len(body) for body in _bodies(tree))
    for index in range(count):
        for mode in ("drop", "unwrap"):
            new = copy.deepcopy(tree)
            seen = 0
            for body in _bodies(new):
                if index < seen + len(body):
                    i = index - seen
                    stmt = body[i]
                    if mode == "drop":
                        body[i:i + 1] = [] if len(body) > 1 else [ast.Pass()]
                    else:
                        inner = getattr(stmt, "body", None)
                        if not (isinstance(inner, list) and inner
                                and isinstance(inner[0], ast.stmt)):
                            break
                        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef,
                                             ast.ClassDef)):
                            break   # unwrapping a def changes its scope: rarely useful
                        body[i:i + 1] = inner
                    yield ast.fix_missing_locations(new)
                    break
                seen += len(body)


def _source(tree):
    return ast.unparse(tree) + "\n"


def shrink(source, still_fails, budget=400):
    """The smallest program found for which ``still_fails(program)`` is true.

    ``budget`` bounds the calls of ``still_fails`` (each runs the program).
    """
    calls = 0
    try:
        tree = ast.parse(source)
        text = _source(tree)
        calls += 1
        if not still_fails(text):
            raise ValueError("the mismatch depends on the text")
    except (SyntaxError, ValueError, RecursionError):
        return _shrink_lines(source, still_fails, budget)
    progress = True
    while progress and calls < budget:
        progress = False
        for candidate in _candidates(tree):
            if calls >= budget:
                break
            try:
                text_c = _source(candidate)
            except Exception:  # an AST unparse cannot write: skip it
                continue
            calls += 1
            if still_fails(text_c):
                tree, text, progress = candidate, text_c, True
                break
    return text


def _shrink_lines(source, still_fails, budget):
    lines = source.splitlines(keepends=True)
    calls = 0
    i = 0
    while i < len(lines) and calls < budget:
        trial = lines[:i] + lines[i + 1:]
        calls += 1
        if trial and still_fails("".join(trial)):
            lines = trial
        else:
            i += 1
    return "".join(lines)
