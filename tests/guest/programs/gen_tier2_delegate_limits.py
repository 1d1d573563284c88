# ``yield from`` of a tier-2 generator (tier2gen.delegate) where the recursion
# limit is in reach: chains deeper than the limit but shorter than
# tier2gen.CHAIN_MAX raise RecursionError, shallower ones run, after the limit
# was lowered and raised again (tier2.host_room's t2_room goes stale both ways).
import sys


def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"
        yield n


def outer(g):
    r = yield from g
    yield ("outer", r)


def leaf(tag):
    yield tag
    return tag + ":ret"


def warm():
    for _ in range(60):
        list(deep(3))
        list(outer(leaf("w")))


warm()
old = sys.getrecursionlimit()
for limit, n in ((120, 150), (300, 150), (100, 170), (400, 170), (120, 150), (1000, 60)):
    sys.setrecursionlimit(limit)
    try:
        print(limit, n, list(deep(n)))
    except RecursionError:
        print(limit, n, "RecursionError")
    finally:
        sys.setrecursionlimit(old)


# a chain grown one level at a time near the limit, resumed item by item
def grow(k):
    if k:
        yield k
        yield from grow(k - 1)
        yield -k


def walk(limit, k):
    sys.setrecursionlimit(limit)
    got = []
    try:
        for v in grow(k):
            got.append(v)
    except RecursionError:
        got.append("RecursionError")
    finally:
        sys.setrecursionlimit(old)
    # (where exactly the limit is met differs between host versions)
    return got[:3], got[-1] if got[-1] == "RecursionError" else got[-3:]


list(grow(4))
for limit, k in ((130, 160), (400, 160), (130, 60)):
    print(limit, k, walk(limit, k))
print(list(outer(leaf("a"))), list(outer(deep(2))))
