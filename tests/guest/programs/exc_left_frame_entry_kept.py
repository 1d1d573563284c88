# Hot frames an exception leaves through a `finally` or an unmatched `except` (or a
# bare `raise` in a matched one): the final traceback's lines, f_lineno and f_locals
# every time; and, once a `finally` left the frame before, the entry read inside it
# is the very one the caller gets, at the line the `finally` leaves at (its only one).
# host>=3.11
# (3.10 hosts keep the locals-dict stand-ins, which make a second entry: a Known gap)
import sys

seen = []


def inner(n):
    if n % 5 == 3:
        raise TypeError("t%d" % n)
    return {}["k%d" % n]


def lines(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno))
        tb = tb.tb_next
    return out


def look():
    # (read in an except clause's expression: not printed, CPython's f_lineno is
    # that clause's line, the stand-in's another)
    tb = sys.exc_info()[2]
    seen.append((tb, None))
    return ValueError


def by_finally(n):
    cleanup = n
    try:
        inner(n)
    finally:
        cleanup += 1; tb = sys.exc_info()[2]; seen.append((tb, tb.tb_frame.f_lineno))


def by_except(n):
    state = "start"
    try:
        state = "calling"
        inner(n)
    except look():
        state = "handled"
    except TypeError:
        state = "bare raise"
        raise


def nested(n):
    level = 0
    try:
        try:
            level = 1
            inner(n)
        except ValueError as e:
            level = 2
    finally:
        level += 10; tb = sys.exc_info()[2]; seen.append((tb, tb.tb_frame.f_lineno))


for fn in (by_finally, by_except, nested):
    for n in range(40):
        del seen[:]
        try:
            fn(n)
        except (KeyError, TypeError) as e:
            # (from the callee on: the module's own frame is live on CPython)
            mine = e.__traceback__.tb_next
            got = lines(mine)
            local = dict(mine.tb_frame.f_locals)
            local.pop("tb", None)
            local.pop("e", None)
            # (the first time through, the entry read in the handler is still the
            # raise line's; afterwards the one the frame leaves with)
            if n >= 1 and seen and seen[-1][1] is not None:
                print(fn.__name__, n, "same entry", seen[-1][0] is mine,
                      "handler f_lineno", seen[-1][1])
            print(fn.__name__, n, type(e).__name__, got, sorted(local.items()))
