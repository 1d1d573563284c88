# Values on the value stack when a hot function with handlers (frame-based in
# tier 2) raises die as the exception unwinds them, before the handler runs:
# list/tuple displays, call arguments, operands, in the try body, in a loop, in a
# nested try, in an except clause's own body and in a finally, at each position
# of the stack.  (Tier 2 clears the temporaries of the raising instruction in
# one tree of tests with the unwinding.)
import sys


class D:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("    del", self.tag)


def take(*args):
    return len(args)


def body(i):
    try:
        if i % 4 == 0:
            return [D("list0"), D("list1"), len(None)]
        if i % 4 == 1:
            return (D("tup0"), int("x%d" % i))
        if i % 4 == 2:
            return take(D("arg0"), D("arg1"), D("arg2"), {}[i])
        return D("op").tag + len(None)
    except (TypeError, ValueError, KeyError) as e:
        print("  handler body", i, type(e).__name__)
    return -1


def looped(n):
    out = 0
    for i in range(n):
        try:
            out += take(D("loop%d" % i), i // (i % 2))
        except ZeroDivisionError:
            print("  handler loop", i)
    return out


def nested(i):
    try:
        try:
            return [D("inner%d" % i), {}[i]]
        finally:
            print("  finally nested", i, [D("fin"), 1][1])
    except KeyError:
        print("  handler nested", i)
        try:
            return take(D("in-except"), len(None))
        except TypeError:
            print("  handler in except", i, type(sys.exc_info()[1]).__name__)
    return -2


def in_finally(i):
    try:
        try:
            return i
        finally:
            take(D("finally-arg"), [][i])
    except IndexError:
        print("  handler finally", i)
    return -3


for round_ in range(30):
    loud = round_ in (0, 29)
    out = sys.stdout
    if not loud:
        import io
        sys.stdout = io.StringIO()
    try:
        print("round", round_)
        for i in range(4):
            print(" body", body(i))
        print(" looped", looped(4))
        print(" nested", nested(round_))
        print(" in_finally", in_finally(round_))
    finally:
        sys.stdout = out
print("done")
