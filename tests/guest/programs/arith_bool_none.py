# Booleans, None, truthiness and short-circuit evaluation.
def trace(name, value):
    print("  eval", name)
    return value
print(True and False, True or False, not True, not None, None is None)
print(trace("a", 0) or trace("b", 5))
print(trace("a", 3) and trace("b", 0))
print(trace("a", []) and trace("b", 1))
print(trace("a", "x") or trace("b", 1))
for v in [0, 1, -1, 0.0, "", "a", [], [0], (), {}, {0: 0}, set(), None, 0j, range(0), range(1)]:
    print(repr(v), bool(v), "truthy" if v else "falsy")
print(True == 1, False == 0, True is True, isinstance(True, int), True + 1, hash(True) == hash(1))
print(int(True), str(False), repr(None), bool("False"), [True] * 2, {True: "a", 1: "b"})
x = None
print(x or "default", x if x is not None else "none!", (x is None) + (x == None))
print(all([]), any([]), all([1, 2, 0]), any([0, 0, 3]), all(v > 0 for v in [1, 2]))
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1.0 == True, (1 < 2) < 3)
a = b = c = 5
print(a < b or b <= c, a is b, not a == b, a != b != c)
