# Unpacking: simple, nested, starred, in for-loops, swap, and errors.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = range(5)
print(first, rest)
*init, last = "hello"
print(init, last)
h, *mid, t = [1, 2]
print(h, mid, t)
x, *y, z = 1, 2, 3, 4, 5
print(x, y, z)
[p, q], *r = ["pq", "r", "s"]
print(p, q, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for n, *others in [(1, 2, 3), (4,), (5, 6)]:
    print(n, others)
print(*[1, 2], *"ab", *range(2))
print([*range(3), *[9]], (*"xy",), {*"aa", *"b"} == {"a", "b"}, {**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), k=1, **{"z": 2}))
m = [[1, 2], [3, 4]]
(m[0][0], m[1][1]) = (m[1][1], m[0][0])
print(m)
obj = type("O", (), {})()
obj.a, obj.b = "A", "B"
print(obj.a, obj.b)
dd = {}
dd["x"], dd["y"] = divmod(17, 5)
print(dd)
for bad in ["a, b = 1, 2, 3", "a, b, c = 1, 2", "a, *b, c = [1]", "a, b = 5", "a, = []"]:
    try:
        exec(bad)
    except (ValueError, TypeError) as ex:
        print(bad, "->", type(ex).__name__, ex)
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 2
print(i, lst)
