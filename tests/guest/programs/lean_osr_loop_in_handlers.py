# A loop that gets hot while its frame runs (tier 2 enters the frame at the loop
# header: on-stack replacement, a lean function from that header on) inside a
# `try`, an except clause or a `with`, left by an exception: the plain loop then
# unwinds it in the frame, which needs the values below the innermost block
# (an except clause's saved exception, a with's __exit__).  The lean function
# had taken them out of the frame, so the unwinding found an empty value stack:
# IndexError from sys.exc_info()[1] in the handler and "pop from empty list"
# (found by the eighteenth session's gen18 in auto mode, the fourth call).
import sys


def producer(n):
    yield from range(n)


def in_try_in_handler(n):
    g = producer(n)
    out = [next(g)]
    try:
        raise IndexError("sender")
    except IndexError:
        try:
            while True:
                out.append(next(g))
        except StopIteration:
            out.append(("stop", repr(sys.exc_info()[1])))
        out.append(("handling", repr(sys.exc_info()[1])))
    out.append(("out", repr(sys.exc_info()[1])))
    return out[-3:]


def in_handler(n):
    g = producer(n)
    out = []
    try:
        raise KeyError("k")
    except KeyError:
        while True:
            out.append(next(g))
    return out


def leaves_handler(n):
    try:
        in_handler(n)
    except StopIteration as e:
        return (type(e).__name__, repr(e.__context__), repr(sys.exc_info()[1]))


def for_in_try(n):
    total = 0
    try:
        for v in producer(n):
            total += 100 // (n - 1 - v)       # ZeroDivisionError at the last item
    except ZeroDivisionError as e:
        return (total, repr(e), repr(sys.exc_info()[1]))


class Exit:
    def __init__(self, seen):
        self.seen = seen

    def __enter__(self):
        return self

    def __exit__(self, *info):
        self.seen.append(info[0].__name__ if info[0] else None)
        return True                           # swallowed


def in_with(n):
    seen = []
    g = producer(n)
    with Exit(seen):
        while True:
            seen.append(next(g))
    return seen[-2:], repr(sys.exc_info()[1])


for n in (40, 3, 3, 3, 3, 3, 40):
    results = (in_try_in_handler(n), leaves_handler(n), for_in_try(n), in_with(n))
    print(n, results)
print(sys.exc_info())
