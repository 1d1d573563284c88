# Sorting: stability, multi-key sorts via successive passes, guest key functions, reverse stability, errors.
records = [("eve", "hr", 50), ("bob", "it", 70), ("amy", "hr", 70), ("dan", "it", 50), ("cat", "ops", 60), ("fay", "it", 70)]
by_salary = sorted(records, key=lambda r: r[2])
print(by_salary)
two_pass = sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[1])
print(two_pass)
print(sorted(records, key=lambda r: (-r[2], r[0])))
print(sorted(records, key=lambda r: r[2], reverse=True))
calls = []
def key(r):
    calls.append(r[0])
    return len(r[0]) + r[2]
records.sort(key=key)
print(records, len(calls))
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return self.s
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.10.0", "1.2"]]
print(sorted(vs), max(vs), min(vs))
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)
data = [5, 3, 5, 1, 3]
print(sorted(data), sorted(data, reverse=True), sorted(enumerate(data), key=lambda p: p[1]))
words = ["Banana", "apple", "cherry", "Apple", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (w.lower(), w)))
lst = [3, 1, 2]
print(lst.sort(), lst, sorted(lst, key=None), sorted({"b": 1, "a": 2}), sorted("hello", key=ord, reverse=True))
def bad_key(v):
    if v == 2:
        raise ValueError("bad key for 2")
    return v
try:
    sorted([1, 2, 3], key=bad_key)
except ValueError as e:
    print("ValueError:", e)
