# Ends with a KeyError raised inside a generator consumed by a generator expression.
# (No list comprehension on the failing path: 3.12+ hosts inline those frames, PEP 709.)
def values(d, keys):
    for k in keys:
        yield d[k]
data = {"x": 1, "y": 2}
print([v * 10 for v in values(data, ["x", "y"])])
print(list(v * 10 for v in values(data, ["x", "z", "y"])))
