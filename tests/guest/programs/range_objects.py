# range objects: indexing, slicing, containment, equality, reversed, len, large ranges.
r = range(3, 30, 4)
print(r, list(r), len(r), r[0], r[-1], r[2:5], r[::-1], r[::2], 7 in r, 8 in r, r.index(11), r.count(15))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 3) == range(1, 11, 3), bool(range(0)), bool(range(1)))
big = range(10 ** 20)
print(len(range(10 ** 6)), big[-1], 10 ** 19 in big, big[10 ** 19: 10 ** 19 + 3], list(big[:3]))
try:
    len(range(10 ** 30))
except OverflowError as e:
    print("OverflowError:", e)
print(list(range(5, 0, -1)), list(range(-5)), list(range(0, -10, -3)), list(reversed(range(1, 8, 3))))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    r.index(4)
except ValueError as e:
    print("ValueError:", e)
print(r.start, r.stop, r.step, hash(range(3)) == hash(range(0, 3)), sum(range(101)), sorted(range(5), reverse=True))
class Idx:
    def __index__(self):
        return 4
print(range(Idx()), list(range(Idx())), [10, 20, 30, 40, 50][Idx()])
