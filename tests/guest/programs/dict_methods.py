# dict methods, views and ordering.
d = {"b": 2, "a": 1}
d["c"] = 3
d.setdefault("d", 4); d.setdefault("a", 100)
print(d, len(d), "a" in d, 2 in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.pop("b"), d.pop("zz", "dflt"), d.popitem(), d)
d.update({"x": 9}, y=10); d.update([("z", 11)]); print(d)
e = dict.fromkeys("abc", 0); print(e, dict(zip("xyz", range(3))), dict(a=1, b=2), dict([(1, 2)]))
print(d | {"q": 1}, {"a": 1} | {"a": 2}); d |= {"w": 0}; print(d)
ks, vs, its = d.keys(), d.values(), d.items()
d["new"] = 42
print(ks, vs, its, len(ks))
print(ks & {"a", "new", "nope"}, sorted(ks | {"extra"}), ks - {"a"}, ("a", 1) in its, ks == set(d))
print(list(reversed(d)), list(reversed(d.items()))[:2])
try:
    for k in d:
        d[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    print(d["missing"])
except KeyError as e:
    print("KeyError:", e, repr(e))
c = d.copy(); c.clear(); print(c, d == dict(d), {1: 2} == {1: 2.0}, {1: 1, 2: 2} == {2: 2, 1: 1})
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = [1, 2]
print(nested, nested["a"]["b"]["d"][-1])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), max(counts, key=counts.get))
keyed = {(1, 2): "tuple", 3.0: "float", True: "bool", None: "none", frozenset({1}): "fs"}
print(keyed, keyed[3], keyed[1], keyed[frozenset([1])])
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
del d["a"]; print(d)
