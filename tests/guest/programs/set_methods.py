# set and frozenset with integer elements (order is deterministic for small ints).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} < b, a >= {1}, a.isdisjoint({9}))
print(a.union([7]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b), a.issubset(range(10)))
s = set()
s.add(5); s.add(5); s.update([1, 2], (3,)); print(s, len(s))
s.discard(99); s.remove(1); print(s, s.pop(), s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
s |= {10}; s &= {2, 3, 10, 11}; s -= {3}; s ^= {20, 2}; print(s)
f = frozenset([3, 1, 2])
print(f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__, hash(f) == hash(frozenset([1, 2, 3])), {f: 1})
print(sorted({"pear", "apple", "fig"}), sorted(set("mississippi")), set(), frozenset())
print({x % 5 for x in range(20)}, set(range(3)) == {0, 1, 2}, {1, 2} == frozenset({1, 2}))
print(len({1, 1.0, True}), {0, False, 0.0}, 2 in {1, 2}, [1] in [[1]])
try:
    {[]}
except TypeError as e:
    print("TypeError:", e)
words = "the cat and the hat and the bat".split()
seen = set()
unique = []
for w in words:
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique, len(seen), sorted(seen - {"the"}))
