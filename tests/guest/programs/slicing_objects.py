# Custom __getitem__ receiving ints, slices, tuples and Ellipsis.
class Probe:
    def __getitem__(self, key):
        return key
    def __setitem__(self, key, value):
        print("set", key, value)
    def __delitem__(self, key):
        print("del", key)
p = Probe()
print(p[1], p[-1], p[1:2], p[:], p[::], p[1:2:3], p[::-1], p[:5], p[2:])
print(p[1, 2], p[1:2, 3], p[..., 0], p[...], p[:, None], p[()], p["key"], p[(1,)])
p[0] = "zero"
p[1:3] = [1]
p[::2, 1] = "multi"
del p[5]
del p[1:]
s = p[10:20:2]
print(type(s).__name__, s.start, s.stop, s.step, s == slice(10, 20, 2), s.indices(15))
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * 100
sq = Seq(6)
print(sq[0], sq[-1], sq[1:4], sq[::-2], list(sq), 300 in sq, 301 in sq, list(reversed(sq)))
for v in sq:
    print("iter", v, end=" ")
print()
print(sorted(sq, reverse=True), sum(sq), max(sq), enumerate(sq).__next__())
