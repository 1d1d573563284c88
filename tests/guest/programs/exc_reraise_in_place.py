# RERAISE and bare `raise` in hot code: tier 2 unwinds the frame where they
# are (tier2.unwind_here), entering a handler of the same frame or leaving
# it.  Checks handler entry (value stack below the block kept, exc_info
# restored), the frame left (traceback lines, tb_frame.f_lineno after a
# finally ran, __context__), generators and with-blocks; ends with an
# uncaught exception re-raised by finally clauses (the traceback is compared).
import sys

ROUNDS = 60


def report(i, *args):
    if i == 0 or i == ROUNDS - 1:
        print(i, *args)


def tb_lines(e):
    # (f_lineno only of the frames the exception left: the handling frame's
    # entry is still running, docs/vm.md Known gaps)
    tb = e.__traceback__
    out = [(tb.tb_frame.f_code.co_name, tb.tb_lineno)]
    tb = tb.tb_next
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno))
        tb = tb.tb_next
    return out


# RERAISE 0 at the end of a finally: the exception leaves the frame
def finally_leaves(n, log):
    try:
        if n % 3 == 0:
            raise KeyError(n)
        return n
    finally:
        log.append(n)


# an unmatched except: RERAISE 0 leaves the frame, exc_info restored
def unmatched(n):
    try:
        if n % 2:
            raise ValueError(n)
        raise KeyError(n)
    except ValueError:
        return "value %s" % sys.exc_info()[0].__name__


# RERAISE 1 (the `as` name's cleanup) into a finally of the same frame
def as_then_finally(n, log):
    total = 0
    try:
        try:
            raise IndexError(n)
        except IndexError as e:
            total += 1
            raise TypeError("from handler %d" % n) from e
    finally:
        log.append(total)
        total += 10


# bare raise inside a handler, caught by an outer handler of the same frame;
# values below the block (a for loop's iterator, an accumulator) survive
def bare_raise_inner(items):
    out = []
    for x in items:
        try:
            try:
                if x % 2:
                    raise LookupError(x)
                out.append(x)
            except LookupError:
                out.append(-x)
                raise
        except LookupError as e:
            out.append(("outer", e.args[0], sys.exc_info()[1] is e))
        out.append(sys.exc_info()[0])
    return out


# bare raise leaving the frame
def bare_raise_leaves(n):
    try:
        raise OSError(n)
    except OSError:
        n += 1
        raise


class Manager:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        self.log.append(typ.__name__ if typ else None)
        return typ is ZeroDivisionError


# with: __exit__ returning false re-raises (RERAISE 1)
def with_reraise(n, log):
    with Manager(log):
        if n % 2:
            1 / 0
        raise RuntimeError(n)


# a generator whose finally re-raises across yields
def gen(n):
    try:
        yield n
        if n % 2:
            raise ValueError("gen %d" % n)
        yield n + 1
    finally:
        yield -n


def nested_finally(n):
    depth = []
    try:
        try:
            try:
                raise AttributeError(n)
            finally:
                depth.append(1)
        finally:
            depth.append(2)
    except AttributeError as e:
        return depth, e.__context__
    finally:
        depth.append(3)


def context_kept(n):
    try:
        raise KeyError(n)
    except KeyError:
        try:
            raise ValueError(n)
        finally:
            n += 1


def outcome(fn, i, log, expected):
    try:
        fn(i, log)
        return "returned"
    except expected as e:
        return (type(e).__name__, tb_lines(e))


def main():
    log = []
    for i in range(ROUNDS):
        report(i, "finally_leaves", outcome(finally_leaves, i, log, KeyError), log[-1])

        try:
            r = unmatched(i)
        except KeyError as e:
            r = ("KeyError", tb_lines(e), sys.exc_info()[0].__name__)
        report(i, "unmatched", r, sys.exc_info())

        try:
            as_then_finally(i, log)
        except TypeError as e:
            report(i, "as_then_finally", e, type(e.__cause__).__name__,
                   type(e.__context__).__name__, tb_lines(e), log[-1])

        report(i, "bare_raise_inner", bare_raise_inner(range(i % 5 + 2)))

        try:
            bare_raise_leaves(i)
        except OSError as e:
            report(i, "bare_raise_leaves", e, tb_lines(e))

        report(i, "with_reraise", outcome(with_reraise, i, log, RuntimeError), log[-1])

        g = gen(i)
        seen = []
        try:
            for v in g:
                seen.append(v)
        except ValueError as e:
            seen.append(str(e))
            seen.append(tb_lines(e))
        report(i, "gen", seen)

        depth, ctx = nested_finally(i)
        report(i, "nested_finally", depth, ctx)

        try:
            context_kept(i)
        except ValueError as e:
            report(i, "context_kept", repr(e.__context__), tb_lines(e))
    print(sys.exc_info())


main()


def outer(n):
    try:
        inner(n)
    finally:
        n += 1


def inner(n):
    try:
        raise ValueError("uncaught %d" % n)
    except KeyError:
        pass
    finally:
        n -= 1


outer(5)
