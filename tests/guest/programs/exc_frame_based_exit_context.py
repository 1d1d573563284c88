# An exception leaving a hot function with handlers (frame-based in tier 2) keeps
# the __context__ and __cause__ it had when it left: called plainly (nothing
# handled), from a handler, and from a builtin called in a handler (map, sorted's
# key: the host then handles the guest's exception), its context changed in a
# finally/except on the way out, a re-raise of the handled exception itself, and
# `raise ... from`.  (Tier 2 saves and restores __context__ around the host raise
# only when the host handles an exception.)
import sys


class Marker(Exception):
    pass


MARK = Marker("mark")


def show(tag, e):
    ctx = e.__context__
    cause = e.__cause__
    print(tag, type(e).__name__, e.args,
          "ctx=%s%s" % (type(ctx).__name__, ctx.args if ctx is not None else ""),
          "cause=%s" % (type(cause).__name__,), e.__suppress_context__,
          "handled=%s" % (type(sys.exc_info()[1]).__name__,))


def leaves(i):
    # the context set on the way out, as the exception leaves by RERAISE
    try:
        if i % 3 == 0:
            raise ValueError(i)
        if i % 3 == 1:
            raise KeyError(i)
        return i
    except ValueError as v:
        v.__context__ = MARK if i % 2 else None
        raise
    finally:
        if i % 3 == 1:
            sys.exc_info()[1].__context__ = MARK


def chained(i):
    try:
        return {"a": 1}["b" * (i % 2 + 1)]
    except KeyError as k:
        raise LookupError(i) from (k if i % 2 else None)
    finally:
        i += 1


def again(e):
    # re-raises what it is handed (the handled exception itself, or another)
    try:
        raise e
    finally:
        e.args


def run(fn, i):
    try:
        return fn(i)
    except Exception as e:
        show("  %s(%d)" % (fn.__name__, i), e)
        return None


def in_handler(fn, i):
    try:
        raise TypeError("outer %d" % i)
    except TypeError:
        try:
            fn(i)
        except Exception as e:
            show("  in handler %s(%d)" % (fn.__name__, i), e)
        try:
            list(map(fn, [i]))
        except Exception as e:
            show("  map in handler %s(%d)" % (fn.__name__, i), e)
        try:
            sorted([i, i + 1], key=fn)
        except Exception as e:
            show("  sorted in handler %s(%d)" % (fn.__name__, i), e)
    show("  after", KeyError("x"))


def reraise_handled(i):
    try:
        raise IndexError(i)
    except IndexError as outer:
        try:
            list(map(again, [outer]))
        except IndexError as e:
            print("  same object", e is outer, "ctx", type(e.__context__).__name__)
        other = OSError(i)
        other.__context__ = MARK
        try:
            list(map(again, [other]))
        except OSError as e:
            show("  other", e)


for round_ in range(40):
    quiet = round_ not in (0, 1, 39)
    if not quiet:
        print("round", round_)
    for i in range(6):
        if quiet:
            for fn in (leaves, chained):
                try:
                    fn(i)
                except Exception:
                    pass
            continue
        run(leaves, i)
        run(chained, i)
        in_handler(leaves, i)
        in_handler(chained, i)
        reraise_handled(i)
print("handled at the end", sys.exc_info())
