# list methods and operators.
a = [5, 3, 8, 1]
a.append(7); print(a)
a.extend([2, 2]); print(a)
a.insert(0, 10); a.insert(-1, 11); a.insert(100, 12); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(2); print(a, a.count(2), a.index(8), a.index(2, 3))
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
print(a + [0], a * 2, [0] * 3, 3 in a, 99 not in a, len(a), min(a), max(a), sum(a))
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [[1]] == [[1]])
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
alias = [[0] * 3] * 3
alias[1][1] = 5
print(nested, alias)
c = list(range(10))
del c[::3]; print(c)
del c[1]; print(c)
c += "ab"; print(c)
c *= 2; print(len(c), c[-3:])
for bad in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(5), lambda: [1, "a"].sort(), lambda: [][0]]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
words = ["pear", "Apple", "fig", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True), list(reversed(words)))
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print("pop", stack.pop(), end=" ")
print()
print(list("abc"), list((1, 2)), list({3: 4}), list(range(3, 0, -1)), [*"xy", *[1]])
