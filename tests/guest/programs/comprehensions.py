# List/set/dict comprehensions and generator expressions, nested, with conditions.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([y for row in [[1, 2], [3], [], [4, 5, 6]] for y in row])
print({x % 4 for x in range(10)}, {x: x ** 2 for x in range(5)}, {v: k for k, v in {"a": 1, "b": 2}.items()})
print([c.upper() if c in "aeiou" else c for c in "comprehension"])
print(sum(x for x in range(100) if x % 7 == 0), max((len(w), w) for w in "a bb ccc dd".split()))
print(list(x for x in "abc"), tuple(i for i in range(3)), sorted({c for c in "hello"}))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([i for i in range(3) for _ in range(i) if i], [(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
gen = (n * 2 for n in range(4))
print(next(gen), next(gen), list(gen), list(gen))
print({k: [v for v in range(k)] for k in range(4)}, [[] for _ in range(2)])
print([x for x in [3, 1, 2] if (y := x * 10) > 15], y)
funcs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs])
late = [lambda: i for i in range(3)]
print([f() for f in late])
print(dict((str(i), i) for i in range(3)), set(x for x in "aab"), [*(i for i in range(2))])
