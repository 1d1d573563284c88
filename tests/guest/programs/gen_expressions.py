# Generator expressions: laziness, scoping of the first iterable, exhaustion, in calls.
def noisy(n):
    for i in range(n):
        print("  produce", i)
        yield i
g = (x * 10 for x in noisy(3))
print("genexpr created")
print(next(g))
print(list(g))
try:
    bad = (1 / x for x in [1, 0])
    print(next(bad))
    print(next(bad))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    early = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
print(sum(x * x for x in range(10)), any(x > 8 for x in range(10)), all(x < 5 for x in noisy(10)))
print(sorted((y for y in "hello"), reverse=True), "".join(c.upper() for c in "abc"), dict((k, len(k)) for k in ["a", "bb"]))
nested = ((i, j) for i in range(3) for j in range(i) if (i + j) % 2)
print(list(nested))
xs = [1, 2, 3]
ge = (x + 100 for x in xs)
xs = [7, 8, 9]
print(list(ge))
ys = [1, 2]
ge2 = (y for y in ys)
ys.append(3)
print(list(ge2))
g3 = (i for i in range(3))
print(g3.__name__, list(g3), list(g3))
print(max((len(w), w) for w in "one three five".split()), min((c for c in "zebra"), default="?"), min((), default="empty"))
