# Frame-based tier-2 functions (try/except/finally: a Frame per call) unwinding
# from raise points at different value-stack depths: inside except clauses
# (the handled exception's 3 values and the new one's 3 below), inside a
# finally, a with block, nested handlers, and an exception leaving the frame
# from inside a handler.  What each unwinding releases and when (the __del__
# order), sys.exc_info() at each step, and the values the handlers see.
# (tier2.unwind_lines clears only the slots the raising instructions can have
# filled: slot_tops.)
import io
import sys


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


class CM:
    def __enter__(self):
        return D("cm")

    def __exit__(self, *exc):
        print("  exit", exc[0].__name__ if exc[0] else None)
        return False


def pick(k, i, d):
    if k == i:
        raise ValueError(i)
    return i


def info():
    e = sys.exc_info()[1]
    return repr(e)


def in_except(k):
    try:
        pick(k, 99, D("x"))
        raise KeyError(k)
    except KeyError as e:
        try:
            t = (D("e1"), pick(k, 0, D("e2")), [D("e3") if k else None, pick(k, 1, D("e4"))],
                 info())
            print("built", len(t), info())
        except ValueError as v:
            print("inner", v, info())
            try:
                # (the conditional is a jump: D("f1") crosses it in a slot)
                u = [D("f1"), D("f2") if k else D("f2b"), pick(k, 2, D("f3"))]
            except ValueError:
                print("innermost", info())
            print("after innermost", info())
        print("after inner", info())
    print("after", k, info())


def in_finally(k):
    try:
        try:
            return [D("r1"), pick(k, 3, D("r2"))]
        finally:
            print("finally", info())
            z = (D("g1"), D("g0") if k else None, pick(k, 4, D("g2")), D("g3"))
    except ValueError as e:
        print("caught", e, info())
    return None


def in_with(k):
    try:
        with CM():
            w = [D("w0").name, D("w1"), pick(k, 5, D("w2")), D("w3")]
            print("with", len(w))
    except ValueError as e:
        print("caught", e, info())


def leaves_from_handler(k):
    try:
        raise KeyError("first")
    except KeyError:
        return [D("h1"), D("h2") if k else None, pick(k, 6, D("h3"))]


def caller(k):
    try:
        leaves_from_handler(k)
        print("no raise", info())
    except ValueError as e:
        # (not e.__context__: a __del__ run by the unwinding loses it today,
        # docs/vm.md "Known gaps")
        print("from handler", e, info())
    print("caller after", info())


def run(fn, k, loud):
    # (only the first and last rounds print: the others make the code hot)
    if loud:
        fn(k)
        return
    keep, sys.stdout = sys.stdout, io.StringIO()
    try:
        fn(k)
    finally:
        sys.stdout = keep


for rnd in range(60):
    loud = rnd in (0, 59)
    for k in range(-1, 7):
        if loud:
            print("round", rnd, "k", k)
        run(in_except, k, loud)
        run(in_finally, k, loud)
        run(in_with, k, loud)
        run(caller, k, loud)
print("exc_info at the end", sys.exc_info())
