# The traceback a handler saves when it is entered (the one a `finally` or an
# unmatched `except` re-raise puts back) in hot functions with handlers
# (frame-based in tier 2, which saves the one its except clause read at the
# catch): exceptions raised here and in callees, a MemoryError (caught by
# tier 2's general path), the traceback replaced inside a handler before the
# exception is raised again, nested handlers.  (A `finally` that sets the
# exception's __traceback__ before its re-raise differs from 3.11 in tier 1
# too: docs/vm.md "Known gaps".)
import traceback


def lines(e):
    return [(fr.name, fr.lineno) for fr in traceback.extract_tb(e.__traceback__)]


def callee(i):
    if i % 3 == 0:
        raise KeyError(i)
    if i % 3 == 1:
        raise MemoryError("m%d" % i)
    return i


def through_finally(i):
    try:
        try:
            return callee(i)
        finally:
            i += 1
    except KeyError as k:
        return ("key", lines(k))


def unmatched(i):
    try:
        callee(i)
    except ValueError:
        return "no"
    return "ok"


def nested(i):
    try:
        callee(i)
    except (KeyError, MemoryError) as outer:
        try:
            raise ValueError(i)
        except ValueError as inner:
            outer.with_traceback(inner.__traceback__) if i % 2 else None
            raise outer
    return "ok"


def run(fn, i):
    try:
        return fn(i)
    except (KeyError, MemoryError) as e:
        return (type(e).__name__, lines(e))


out = None
for rnd in range(80):
    out = [[run(fn, i) for i in range(6)] for fn in (through_finally, unmatched, nested)]
    if rnd in (0, 79):
        for row in out:
            for x in row:
                print(x)
