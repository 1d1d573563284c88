# Builtins called in hot except clauses (tier 2 shows the host the handled
# exception for the call: call.call_in_exc): the handled exception's
# traceback, __context__, __cause__ and __suppress_context__ unchanged after
# each call, and what a builtin raises there chained to it.
import sys


def fail(i):
    if i % 2:
        raise KeyError(i) from None
    try:
        {}[i]
    except KeyError as inner:
        raise ValueError(i) from inner


def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def hot(n):
    seen = []
    for i in range(n):
        try:
            fail(i)
        except (KeyError, ValueError) as e:
            size = len(e.args) + len(str(e))
            text = repr(e.args)
            try:
                int("x%d" % i)
            except ValueError as bad:
                raised = bad
            seen = [e, size, text, raised]
            if i % 101 == 0 or i >= n - 2:
                print(i, type(e).__name__, size, text, e.__suppress_context__,
                      type(e.__cause__).__name__, type(e.__context__).__name__,
                      walk(e.__traceback__), raised.__context__ is e,
                      walk(raised.__traceback__))
    return seen


kept = hot(300)
print(type(kept[0]).__name__, walk(kept[0].__traceback__), kept[0].__suppress_context__)
