# Exceptions raised in hot lean calls (tier 2 keeps their host entries raw,
# the lean function's except clause doing lean_raise's usual case inline):
# host-raised errors while an exception is handled (their __context__), raises
# with and without `from`, through two lean frames, a NameError (its "Did you
# mean" from the frame's locals), each traceback read at the end.
import sys


FIELDS = {"a": 1}


def lookup(name):
    return FIELDS[name]


def deeper(name):
    value = lookup(name)
    return value + 1


def raiser(i, cause):
    if cause is None:
        raise ValueError(i)
    raise ValueError(i) from cause


def named(i):
    counter = i
    return countr + 1       # NameError: "Did you mean: 'counter'?"


def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def hot(n):
    kept = []
    for i in range(n):
        try:
            deeper("zz")
        except KeyError as e:
            plain = e
        try:
            raise OSError(i)
        except OSError as handled:
            was = handled
            try:
                lookup("q%d" % (i % 3))
            except KeyError as e:
                chained = e
            try:
                raiser(i, None)
            except ValueError as e:
                inner = e
            try:
                raiser(i, handled)
            except ValueError as e:
                caused = e
        try:
            named(i)
        except NameError as e:
            missing = e
        kept = [plain, chained, inner, caused, missing]
        if i % 97 == 0:
            print(i, type(chained.__context__).__name__, chained.__context__.args,
                  type(inner.__context__).__name__, caused.__cause__ is was,
                  caused.__suppress_context__, plain.__context__)
    return kept


kept = hot(300)
for e in kept:
    print(type(e).__name__, e.args, walk(e.__traceback__))
print(sorted(kept[0].__traceback__.tb_next.tb_frame.f_locals))
print(kept[0].__traceback__.tb_next.tb_next.tb_frame.f_locals)
print(kept[2].__traceback__.tb_next.tb_frame.f_locals)
e = kept[1]
print(e.__context__.__traceback__ is not None, walk(e.__context__.__traceback__))
raise kept[4]
