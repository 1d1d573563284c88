# __eq__/__hash__ interplay: sets, dicts, unhashable by defining __eq__, identity fallback.
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
    def __repr__(self):
        return "Key(%r)" % self.name
d = {Key("A"): 1}
d[Key("a")] = 2
print(d, Key("A") in d, len({Key("x"), Key("X"), Key("y")}))
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, len({p, q, p}), hash(p) == hash(p))
class CountingHash:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        CountingHash.calls += 1
        return self.v % 3
    def __eq__(self, o):
        return self.v == o.v
s = {CountingHash(i) for i in range(10)}
print(len(s), CountingHash.calls, CountingHash(4) in s, CountingHash(40) in s)
class Inherit(Key):
    pass
print(Inherit("Q") == Key("q"), hash(Inherit("Q")) == hash(Key("q")))
class ResetHash(Key):
    def __eq__(self, other):
        return False
print(ResetHash.__hash__ is None)
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1.0, 2.0)), hash("") == hash(""), hash(None) == hash(None))
