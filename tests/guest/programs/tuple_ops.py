# Tuples: packing, methods, comparison, hashing, immutability.
t = 1, 2, 3
u = (4,)
e = ()
print(t, u, e, t + u, t * 2, len(t), t[1:], t[::-1], t.count(2), t.index(3), (1,) * 0)
print((1, 2) < (1, 2, 3), (2,) > (1, 99), (1, "a") == (1, "a"), max([(1, "b"), (1, "a")]), sorted([(2, 1), (1, 2), (1, 1)]))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "x"}[1, 2], tuple("ab"), tuple([1, [2]]), tuple(range(3)))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
x = ([1], 2)
x[0].append(3)
print(x)
x0, = u
print(x0)
def multi():
    return 1, "two", 3.0
a, b, c = multi()
print(a, b, c, multi())
pairs = [(i, i * i) for i in range(5)]
for i, sq in pairs:
    print(i, sq, end="; ")
print()
print(list(zip(*pairs)), dict(pairs), [p[1] for p in pairs if p[0] % 2])
