# ``for`` loops in tier 2's lean code test whether their iterator is a guest generator
# once, as the loop begins (t2struct.Tree.loop), not at every item.  The iterator of an
# inner loop changes kind from one run of the loop to the next (a generator, a list, a
# range, a guest iterator class, a generator already started, one finished), a loop is
# entered hot in the middle (on-stack replacement at its header while a generator is
# being iterated), and a generator is iterated by two loops at once; each must give
# what CPython gives.
import sys


def gen(k):
    for j in range(k):
        yield j * 2


class Countdown:
    def __init__(self, k):
        self.k = k

    def __iter__(self):
        return self

    def __next__(self):
        if self.k <= 0:
            raise StopIteration
        self.k -= 1
        return self.k


def source(i):
    kind = i % 6
    if kind == 0:
        return gen(4)
    if kind == 1:
        return [1, 2, 3]
    if kind == 2:
        return range(3)
    if kind == 3:
        return Countdown(3)
    g = gen(5)
    next(g)
    if kind == 4:
        return g
    for _ in g:
        pass
    return g


def nested(n):
    total = 0
    kinds = []
    for i in range(n):
        for v in source(i):
            total += v
        kinds.append(total)
    return total, kinds[-6:]


def long_generator(n):
    # entered in tier 1, hot while the generator runs: the loop header's
    # osr entry finds a generator in the slot
    total = 0
    for v in gen(n):
        total += v
    return total


def shared(n):
    g = gen(n)
    out = []
    for a in g:
        for b in g:
            out.append((a, b))
            if b > 6:
                break
    return out[:5], len(out)


def frames_seen(n):
    for v in gen(n):
        if v == 2 * (n - 1):
            f = sys._getframe()
            return v, sorted(k for k in f.f_locals), f.f_lineno


print(nested(300))
print(long_generator(3000))
print(shared(400))
print(frames_seen(200))
