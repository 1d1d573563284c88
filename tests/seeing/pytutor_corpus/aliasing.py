a = [1, 2]
b = a
c = [a, a, (b, "s")]
d = {"k": c, 2: None}
a.append(3)
s = {1, 2}
fs = frozenset([3])
del b
t = (1.5, -2.0, True, 10 ** 20)
print(len(c), d[2], t)
