# One ``for`` loop in a generator body (tier 2's structured shape, its
# generator resumed inline) meeting, call after call, generators of plain code
# (no handler, no ``yield from``: the loop tests neither exc_info linking nor
# delegation per item) and of code with handlers or delegation, made before
# and after their code is hot, started or not, some delegated to by another
# generator meanwhile; the exception state each sees and the frames' states,
# as CPython.
import sys


def plain(n):
    for i in range(n):
        yield i


def handles(n):
    for i in range(n):
        try:
            yield i, repr(sys.exc_info()[1])
        except KeyError:
            pass


def delegates(n):
    yield -1
    yield from plain(n)
    yield -2


def state(g):
    f = g.gi_frame
    return (g.gi_running, f is not None and f.f_back is not None,
            g.gi_yieldfrom is not None)


def consume(it, seen):
    for v in it:
        seen.append(v)
        yield v


def in_handler(it, seen):
    # (the loop runs inside an except clause: a producer with handlers links
    # its own exc_info item over the consumer's)
    try:
        raise ValueError("consumer's")
    except ValueError:
        for v in consume(it, seen):
            seen.append(repr(sys.exc_info()[1]))


def steal(g, k):
    # another generator delegates to ``g`` for ``k`` items, then stops
    # (leaving ``g`` suspended, no longer delegated to once this is gone)
    def outer():
        yield from g
    o = outer()
    got = [next(o) for _ in range(k)]
    o.close()
    return got


def round_(k):
    seen = []
    total = 0
    for make in (plain, handles, delegates, plain):
        g = make(k % 5 + 2)
        if k % 3 == 0:
            seen.append(next(g))
        for v in consume(g, seen):
            total += 1
        seen.append(state(g))
    g = plain(6)
    c = consume(g, seen)
    seen.append(next(c))
    seen.append(state(g))
    try:
        seen.append(steal(g, 2))
    except (ValueError, RuntimeError) as e:
        seen.append(type(e).__name__)
    seen.append(list(c))
    in_handler(handles(3), seen)
    in_handler(plain(3), seen)
    in_handler(delegates(2), seen)
    return total, seen


for k in range(60):
    out = round_(k)
    if k % 12 == 0 or k == 59:
        print(k, out)
