# Builtins consuming generators (sum, max, list, any) that delegate (``yield
# from``) and generators that cannot (plain code), called from hot code:
# between two items, seen from the items' own methods (``__radd__``,
# ``__lt__``, ``__bool__``), every level's gi_running, gi_frame.f_back and
# gi_yieldfrom and the innermost frame's caller, as CPython.
import sys

levels = []


def seen():
    out = []
    for g in levels:
        f = g.gi_frame
        out.append((g.gi_running, f is not None and f.f_back is not None,
                    g.gi_yieldfrom is not None))
    return out


class Item:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return other + self.v + len(seen()) + sum(r for r, _, _ in seen())

    def __add__(self, other):
        return Item(self.v + (other.v if isinstance(other, Item) else other))

    def __lt__(self, other):
        seen_ = seen()
        return (self.v, len(seen_)) < (other.v, len(seen_))

    def __bool__(self):
        return any(r or b for r, b, _ in seen())


def leaf(n):
    for i in range(n):
        caller = sys._getframe().f_back
        yield Item(i + (caller is not None))


def middle(n):
    g = leaf(n)
    levels.append(g)
    yield Item(100)
    yield from g
    yield Item(200)


def top(n):
    g = middle(n)
    levels.append(g)
    yield from g
    yield Item(300)


def plain(n):
    for i in range(n):
        yield Item(i)


def round_(n):
    out = []
    for make in (top, plain, top):
        del levels[:]
        g = make(n)
        levels.append(g)
        out.append(sum(g))
        out.append(seen())
        del levels[:]
        g = make(n)
        levels.append(g)
        out.append(max(g).v)
        del levels[:]
        g = make(n)
        levels.append(g)
        out.append([(x.v, seen()) for x in list(g)][:3])
        del levels[:]
        g = make(n)
        levels.append(g)
        out.append(any(g))
        out.append(seen())
    return out


for k in range(40):
    r = round_(k % 4 + 1)
    if k % 10 == 0 or k == 39:
        print(k, r)
