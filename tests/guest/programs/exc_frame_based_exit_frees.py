# An exception leaving a hot function with handlers (frame-based in tier 2: a
# `finally`, an unmatched `except`, a bare `raise`) is freed as soon as its
# last handler ends, with the collector off: nothing the function left behind
# (tier 2's host frame, which the exception's traceback keeps) holds it.  Its
# finalizer runs before "after", and a weak reference to it is dead there.
import gc
import weakref


class Gone(Exception):
    def __del__(self):
        print("  del", self.args[0])


def with_finally(i, out):
    try:
        if i % 2:
            raise Gone("finally %d" % i)
        return i
    finally:
        out.append(i)


def unmatched(i):
    try:
        raise Gone("unmatched %d" % i)
    except KeyError:
        return -1


def bare(i):
    try:
        raise Gone("bare %d" % i)
    except Gone:
        if i % 3:
            raise
        return 0


def through(i, out):
    # (two frame-based levels: the exception leaves both)
    try:
        return with_finally(i, out)
    except KeyError:
        return -2


def run(fn, i, loud):
    out = []
    try:
        fn(i, out) if fn in (with_finally, through) else fn(i)
    except Gone as e:
        ref = weakref.ref(e)
        if loud:
            print(fn.__name__, "caught", e.args[0])
    else:
        ref = None
    if loud:
        print("after", fn.__name__, i, ref is None or ref() is None, out)


gc.disable()
for rnd in range(60):
    loud = rnd in (0, 59)
    for fn in (with_finally, unmatched, bare, through):
        for i in range(3):
            run(fn, i, loud)
gc.enable()
