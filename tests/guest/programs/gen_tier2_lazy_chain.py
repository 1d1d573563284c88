# host>=3.11
# host<3.13
# A ``yield from`` chain run by tier 2 (interpreter/tier2gen.py) whose levels
# below the top keep their running state while it is suspended, until
# something looks (tier2gen.settle): each observation below is the FIRST
# thing read of a freshly suspended chain, so that every reader is checked
# on its own: gi_running, gi_suspended, gi_yieldfrom, getgeneratorstate,
# gi_frame.f_back, a frame kept from inside, f_lineno, frame.clear(), a level
# resumed on its own by next()/send()/throw()/close(), throw()/close() of the
# top, the top dropped, a level or the top delegated to by another
# generator; and the frame stack seen from the innermost level after each
# resumption.  Each chain is resumed by each kind of resumer: next() from a
# function, a for loop that breaks, a builtin (zip), send().
import inspect
import sys

LEVELS = []     # the chain being observed, outermost first
KEPT = []       # frames kept from inside the leaf
LOUD = [True]   # (off while the functions are made hot)


def say(*args):
    if LOUD[0]:
        print(*args)


def names(frame, n=7):
    out = []
    while frame is not None and len(out) < n:
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out


def leaf(tag):
    # (no handler in any level: no exc_info item linked, the lazy case)
    for i in range(6):
        KEPT.append(sys._getframe())
        say("   leaf", i, names(sys._getframe()))
        yield "%s%d" % (tag, i)


def leaf_xl(tag):
    # (a handler: its exc_info item linked, the chain suspended level by level)
    try:
        for i in range(6):
            KEPT.append(sys._getframe())
            say("   leaf_xl", i, names(sys._getframe()))
            yield "%s%d" % (tag, i)
    finally:
        say("   leaf_xl finally", tag)


def mid(inner):
    r = yield from inner
    yield "mid"
    return r


def top(inner):
    yield from inner
    yield "top"


LEAF = [leaf]


def build(tag):
    g3 = LEAF[0](tag)
    g2 = mid(g3)
    g1 = top(g2)
    LEVELS[:] = [g1, g2, g3]
    del KEPT[:]
    return g1


def by_next(g):
    return [next(g), next(g)]


def by_for(g):
    out = []
    for v in g:
        out.append(v)
        if len(out) == 2:
            break
    return out


def by_builtin(g):
    return [v for _, v in zip(range(2), g)]


def by_send(g):
    return [g.send(None), g.send("x")]


RESUMERS = (by_next, by_for, by_builtin, by_send)


def fresh(resume, tag):
    g = build(tag)
    say("  got", resume(g))
    return g


def delegating(inner):
    r = yield from inner
    return r


def observe(name, g):
    L = LEVELS
    if name == "running1":
        return L[1].gi_running, L[2].gi_running
    if name == "running2":
        return L[2].gi_running, L[1].gi_running
    if name == "suspended":
        return L[2].gi_suspended, L[1].gi_suspended
    if name == "yieldfrom":
        return L[1].gi_yieldfrom is L[2], L[0].gi_yieldfrom is L[1], L[2].gi_yieldfrom
    if name == "state":
        return inspect.getgeneratorstate(L[2]), inspect.getgeneratorstate(L[1])
    if name == "back":
        return L[2].gi_frame.f_back, L[1].gi_frame.f_back, L[0].gi_frame.f_back
    if name == "kept":
        k = KEPT[-1]
        return k.f_back, k.f_code.co_name, k.f_lineno
    if name == "lineno":
        return [x.gi_frame.f_lineno for x in L]
    if name == "clear":
        L[2].gi_frame.clear()
        return L[2].gi_frame, list(g)
    if name == "next_inner":
        return next(L[2]), next(L[1]), next(g), list(g)
    if name == "send_inner":
        return L[1].send(None), g.send(None)
    if name == "throw_inner":
        try:
            L[2].throw(KeyError("k"))
        except KeyError as e:
            r = "KeyError %s" % e
        return r, L[2].gi_frame, next(g)
    if name == "close_inner":
        L[1].close()
        return L[1].gi_frame, L[2].gi_frame, list(g)
    if name == "throw_top":
        try:
            g.throw(ValueError("v"))
        except ValueError as e:
            r = "ValueError %s" % e
        return r, [x.gi_frame for x in L]
    if name == "close_top":
        g.close()
        return [x.gi_frame for x in L]
    if name == "drop_top":
        k = KEPT[-1]
        del L[:]
        return k.f_back
    if name == "delegate_inner":
        d = delegating(L[1])
        return next(d), L[1].gi_running, names(KEPT[-1]), list(d), list(g)
    if name == "delegate_top":
        d = delegating(g)
        return next(d), g.gi_running, names(KEPT[-1]), list(d)
    if name == "resume_again":
        # (the frames seen from the leaf: printed by the leaf itself)
        return next(g), by_for(g), [v for _, v in zip(range(1), g)], g.send(None)
    raise AssertionError(name)


OBSERVATIONS = ("running1", "running2", "suspended", "yieldfrom", "state", "back",
                "kept", "lineno", "clear", "next_inner", "send_inner", "throw_inner",
                "close_inner", "throw_top", "close_top", "drop_top", "delegate_inner",
                "delegate_top", "resume_again")


def show(x):
    # frames and generators by their code's name (no addresses)
    if isinstance(x, (list, tuple)):
        return [show(y) for y in x]
    if inspect.isframe(x):
        return "frame:" + x.f_code.co_name
    if inspect.isgenerator(x):
        return "gen:" + x.__name__
    return x


def run_all():
    for resume in RESUMERS:
        for name in OBSERVATIONS:
            LEAF[0] = leaf
            say("--", resume.__name__, name)
            run_one(resume, name)
        # (a level delegated to by a second generator: once with a level
        # that has a handler too)
        LEAF[0] = leaf_xl
        for name in ("delegate_inner", "delegate_top", "back", "running1"):
            say("-- xl", resume.__name__, name)
            run_one(resume, name)
        LEAF[0] = leaf


def run_one(resume, name):
    g = fresh(resume, name[:2])
    try:
        say("  ", show(observe(name, g)))
    except BaseException as e:
        say("   raised", type(e).__name__, e)
    g = None
    del LEVELS[:]
    del KEPT[:]


# hot first: every function here is called enough for tier 2
LOUD[0] = False
for _ in range(30):
    run_all()
LOUD[0] = True
run_all()
