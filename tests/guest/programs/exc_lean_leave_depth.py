# Lean tier-2 functions leave by many paths (returns, an exception raised in
# them or passing through, a tracer set during a call so the rest runs
# traced, a handled exception chained): each puts the recursion depth back,
# so the depth a recursion reaches afterwards is CPython's.
import sys


def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n


def leaf(i):
    if i % 3 == 0:
        raise KeyError(i)
    return {"a": 1}["b" if i % 3 == 1 else "a"]


def mid(i):
    return leaf(i) + 1


def tracer(frame, event, arg):
    return None


def sets_tracer(i):
    if i < 0:
        sys.settrace(tracer)
    return i


def traced_rest(i):
    x = sets_tracer(i)
    sys.settrace(None)
    return x + 1


def chained(i):
    try:
        raise ValueError(i)
    except ValueError:
        return mid(i)


def main():
    base = probe(0)
    counts = [0, 0, 0]
    for i in range(3000):
        try:
            counts[0] += mid(i)
        except KeyError:
            counts[1] += 1
        counts[0] += traced_rest(i) - i
        try:
            chained(i)
        except KeyError as e:
            counts[2] += e.__context__.args[0] == i
    print(counts, probe(0) == base, probe(0) - base)
    # (last: once a tracer was attached, the rest runs traced)
    x = traced_rest(-7)
    after = probe(0)
    sys.settrace(None)
    print(x, after == base, after - base, probe(0) == base)


main()
