# A function frame's traceback tb_frame.f_locals (a function frame's on every host: 3.13's FrameLocalsProxy), unbound locals absent, hot and cold, reused, shared by two places in one frame, clear() of either, comprehension and generator frames.
import sys
import weakref


class Obj:
    pass


def boom(v):
    raise ValueError(v)


def show(fr):
    loc = fr.f_locals
    return "%s %s %s" % (type(loc).__name__, list(loc),
                         [loc[k] for k in loc if isinstance(loc[k], (int, str))])


def callee(a, b):
    c = a + b
    unused = None
    del unused
    if a < 0:
        never = 1
    raise KeyError(c)


def caller(n):
    out = []
    for i in range(n):
        try:
            callee(i, "x" if False else 2)
        except KeyError as e:
            tb = e.__traceback__
            out.append((show(tb.tb_next.tb_frame), tb.tb_frame is out[0][1] if out else None, tb.tb_frame))
    return out


# hot: the functions go to tier 2 on the way
for rnd in range(3):
    res = caller(20)
    print(rnd, res[0][0], res[-1][0], res[-1][1])
    # the caller's frame, reused at one place: its locals are the last exception's
    print("  caller:", show(res[0][2]))


def two_places(k):
    x = k
    tbs = []
    try:
        boom(x)
    except ValueError as e:
        tbs.append(e.__traceback__)
    x = k + 1
    y = "y"
    try:
        {}[x]
    except KeyError as e:
        tbs.append(e.__traceback__)
    return tbs


for k in (1, 2):
    first, second = two_places(k)
    # (one frame on CPython; here one stand-in per place, showing the same locals)
    print("two places:", show(first.tb_frame), show(second.tb_frame), first.tb_lineno, second.tb_lineno)


def holder(tag):
    o = Obj()
    refs.append(weakref.ref(o))
    tbs = []
    for where in range(2):
        try:
            if where:
                {}[tag]
            else:
                boom(tag)
        except (KeyError, ValueError) as e:
            tbs.append(e.__traceback__)
    return tbs


for rnd in range(20):
    refs = []
    a, b = holder(rnd)
    alive = refs[0]() is not None
    # clearing the older entry's frame clears the frame (both entries show it)
    a.tb_frame.clear()
    if rnd in (0, 19):
        print("clear:", alive, refs[0]() is None, dict(a.tb_frame.f_locals), dict(b.tb_frame.f_locals))


def executing():
    v = 5
    try:
        raise IndexError
    except IndexError as e:
        fr = e.__traceback__.tb_frame
        # (the stand-in shows the locals as they were when the exception
        # passed, CPython the live ones: only v is the same in both)
        shown = (type(fr.f_locals).__name__, fr.f_locals["v"])
        try:
            fr.clear()
        except RuntimeError as err:
            print("executing:", shown, err)
    return v


for _ in range(20):
    out = executing()
print(out)


def comp():
    return [1 // (x - 2) for x in range(4)]


try:
    comp()
except ZeroDivisionError as e:
    t = e.__traceback__
    while t.tb_next is not None:
        t = t.tb_next
    # (3.12+ inline the comprehension: the innermost entry is comp's)
    print("innermost:", t.tb_frame.f_code.co_name in ("comp", "<listcomp>"), t.tb_frame.f_locals.get("x"))


def gen():
    total = 0
    for i in range(3):
        total += i
        try:
            boom(i)
        except ValueError as e:
            yield e.__traceback__.tb_frame


frames = list(gen())
print("generator:", frames[0] is frames[-1], show(frames[0]))


# more than ten locals (the stand-in's names keep their order), and what inspect and
# traceback's capture_locals make of the frames (no parameters of the stand-in's own)
import inspect
import traceback


def many(p0, p1, *rest, **kw):
    l2 = 2; l3 = 3; l4 = 4; l5 = 5; l6 = 6; l7 = 7; l8 = 8; l9 = 9; l10 = 10; l11 = 11
    del l5
    raise ValueError(p0)


for rnd in range(20):
    try:
        many(rnd, "p1", 3, k=4)
    except ValueError as e:
        fr = e.__traceback__.tb_next.tb_frame
        if rnd in (0, 19):
            print(list(fr.f_locals), [fr.f_locals[k] for k in fr.f_locals if k.startswith("l")])
            info = inspect.getargvalues(fr)
            # (the argument names are the stand-in code's: none; formatting them must work)
            print(sorted(info.locals) == sorted(fr.f_locals), type(inspect.formatargvalues(*info)).__name__)
            summary = traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__), capture_locals=True)
            print([(s.name, sorted(s.locals or {})) for s in summary])
