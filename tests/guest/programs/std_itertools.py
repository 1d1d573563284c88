# itertools with guest functions as keys and predicates.
import itertools as it
print(list(it.chain([1, 2], "ab", (3,))), list(it.chain.from_iterable([[1], [2, 3], []])))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "xy")))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 3)))
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for key, group in it.groupby(sorted(words), key=lambda w: w[0]):
    print(key, list(group))
print([(k, len(list(g))) for k, g in it.groupby("aaabccdddd")])
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.filterfalse(lambda x: x % 3, range(10))))
print(list(it.starmap(lambda a, b: a ** b, [(2, 3), (3, 2), (10, 0)])), list(it.zip_longest("abc", [1], fillvalue="-")))
print(list(it.islice("abcdefg", 2, None, 2)), list(it.accumulate(range(1, 6), lambda a, b: a * b)), list(it.accumulate([1, 2, 3], initial=100)))
print(list(it.pairwise(range(5))) if hasattr(it, "pairwise") else "no pairwise")
print(list(it.takewhile(str.isupper, "ABcDE")), list(it.dropwhile(lambda c: c != "x", "abxyz")))
def key_fn(pair):
    return pair[1] % 3
data = [(i, i * 7 % 10) for i in range(10)]
print([(k, [p[0] for p in g]) for k, g in it.groupby(sorted(data, key=key_fn), key=key_fn)])
c = it.count()
print(next(c), next(c), list(zip(c, "xy")))
r = it.repeat([1])
first, second = next(r), next(r)
print(first is second)
