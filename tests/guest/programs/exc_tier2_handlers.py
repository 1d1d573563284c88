# Exception handlers in hot code (tier 2 translates SETUP_FINALLY, POP_BLOCK,
# POP_EXCEPT, JUMP_IF_NOT_EXC_MATCH, RERAISE and RAISE_VARARGS inline:
# interpreter/t2blocks.py): each scenario runs often enough to be hot, and
# prints what it saw on its first and last round.  Ends with an uncaught
# exception re-raised by a finally clause (the traceback is compared).
import sys
import traceback

ROUNDS = 40


def report(i, *args):
    if i == 0 or i == ROUNDS - 1:
        print(i, *args)


# -- nested try/finally, return/break/continue inside finally ------------------

def finally_return(n):
    try:
        try:
            if n % 2:
                raise KeyError(n)
            return "body"
        finally:
            n += 100
    except KeyError as e:
        return "caught %r %d" % (e, n)
    finally:
        if n > 1000:
            return "finally wins"


def finally_loop(items):
    out = []
    for x in items:
        try:
            if x == 3:
                raise ValueError(x)
            if x == 5:
                break
            out.append(x)
        except ValueError:
            out.append("v")
            continue
        finally:
            out.append("|")
    return out


def swallow_in_finally(n):
    for _ in range(2):
        try:
            raise IndexError(n)
        finally:
            break               # the exception is dropped
    return sys.exc_info()[0]


# -- with ----------------------------------------------------------------------

class Manager:
    def __init__(self, log, suppress):
        self.log = log
        self.suppress = suppress

    def __enter__(self):
        self.log.append("enter")
        return self

    def __exit__(self, tp, value, tb):
        self.log.append("exit %s" % (tp.__name__ if tp else None))
        return self.suppress


def with_blocks(n):
    log = []
    with Manager(log, True):
        raise RuntimeError(n)
    try:
        with Manager(log, False) as m:
            log.append(m.suppress)
            1 / (n - n)
    except ZeroDivisionError as e:
        log.append(type(e.__context__).__name__)
    with Manager(log, False):
        log.append("plain")
    return log


# -- exceptions crossing lean frames (no handlers) into handlers ---------------

def leaf(n, tag):
    local_value = n * 2
    raise LookupError(tag, local_value)


def middle(n):
    mid_value = n + 1
    return leaf(n, "m") + mid_value


def outer(n):
    seen = []
    try:
        middle(n)
    except LookupError as e:
        tb = e.__traceback__
        while tb is not None:
            f = tb.tb_frame
            loc = {k: v for k, v in f.f_locals.items() if k.endswith("_value")}
            # (not the f_lineno of this frame's own entry: a stand-in keeps the
            # line of the raise, the host's frame is at this handler by now)
            seen.append((f.f_code.co_name, tb.tb_lineno,
                         f.f_lineno if f.f_code.co_name != "outer" else None,
                         sorted(loc.items())))
            tb = tb.tb_next
        seen.append(e.args)
    return seen


def context_across(n):
    # an exception raised through lean frames while a handler runs keeps the
    # handled exception as its __context__ (and a bare re-raise keeps it too)
    try:
        raise KeyError(n)
    except KeyError:
        try:
            middle(n)
        except LookupError as e:
            first = repr(e.__context__)
        try:
            try:
                middle(n)
            except LookupError:
                raise
        except LookupError as e:
            again = (repr(e.__context__), e.__suppress_context__)
    return first, again


# -- sys.exc_info in nested handlers, bare raise, raise from ------------------

def exc_info_nesting(n):
    out = []
    try:
        raise ValueError("outer %d" % n)
    except ValueError:
        out.append(sys.exc_info()[1].args[0])
        try:
            raise TypeError("inner")
        except TypeError as t:
            out.append((sys.exc_info()[0].__name__, str(t.__context__)))
        out.append(sys.exc_info()[0].__name__)
    out.append(sys.exc_info())
    return out


def reraiser(n):
    try:
        int("x%d" % n)
    except ValueError:
        raise


def chained(n):
    try:
        reraiser(n)
    except ValueError as e:
        raise KeyError("chained") from e


def chain_report(n):
    try:
        chained(n)
    except KeyError as e:
        cause = e.__cause__
        lines = [entry.lineno for entry in traceback.extract_tb(cause.__traceback__)]
        return (str(e), type(cause).__name__, e.__suppress_context__,
                e.__context__ is cause, lines,
                [entry.name for entry in traceback.extract_tb(e.__traceback__)])


# -- except with a tuple, a non-exception class, a value stack below ----------

def match_kinds(n):
    out = []
    for exc in (KeyError, IndexError, OSError):
        try:
            raise exc(n)
        except (KeyError, IndexError) as e:
            out.append("tuple " + type(e).__name__)
        except Exception as e:
            out.append("base " + type(e).__name__)
    try:
        try:
            raise ValueError(n)
        except "not a class":
            out.append("never")
    except TypeError as e:
        out.append(str(e))
        out.append(type(e.__context__).__name__)
    return out


def stack_below(n):
    total = []
    for i in range(3):                      # the iterator sits below the blocks
        try:
            total.append([i, n, {"k": 1}[("k", "x")[i % 2]]])
        except KeyError:
            try:
                total.append((i, [n, int("z")]))
            except ValueError as e:
                total.append(("inner", i, str(e)))
    return total


# -- a finally re-raising, position of its traceback entry ---------------------

def finally_reraise(n):
    state = "start"
    try:
        state = "body"
        raise OSError(n)
    finally:
        state = "cleanup"       # the entry's frame is at this line afterwards


def finally_report(n):
    try:
        finally_reraise(n)
    except OSError as e:
        tb = e.__traceback__.tb_next
        return (tb.tb_lineno, tb.tb_frame.f_lineno, tb.tb_frame.f_locals["state"])


for i in range(ROUNDS):
    report(i, finally_return(i), finally_return(i + 1))
    report(i, finally_loop([1, 2, 3, 4, 5, 6]), swallow_in_finally(i))
    report(i, with_blocks(i))
    report(i, outer(i))
    report(i, context_across(i))
    report(i, exc_info_nesting(i))
    report(i, chain_report(i))
    report(i, match_kinds(i))
    report(i, stack_below(i))
    report(i, finally_report(i))


def last(n):
    try:
        middle(n)
    finally:
        print("leaving last")


last(7)
