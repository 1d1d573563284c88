# Rich comparisons, reflection, NotImplemented, total_ordering, chained comparisons.
import functools
class Num:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "Num(%d)" % self.n
    def __eq__(self, other):
        print("  eq", self, other)
        return isinstance(other, Num) and self.n == other.n
    def __lt__(self, other):
        print("  lt", self, other)
        if not isinstance(other, Num):
            return NotImplemented
        return self.n < other.n
    def __le__(self, other):
        print("  le", self, other)
        return NotImplemented
    __hash__ = None
a, b = Num(1), Num(2)
print(a == b, a != b, a < b, a > b)
print(a <= b if False else "skip le")
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)
try:
    a < 5
except TypeError as e:
    print("TypeError:", e)
print(sorted([Num(3), Num(1), Num(2)]))
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
@functools.total_ordering
class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "Ver" + repr(self.parts)
vs = [Ver(1, 2), Ver(1, 0, 5), Ver(0, 9), Ver(1, 2)]
print(sorted(vs), max(vs), Ver(1) <= Ver(1), Ver(2) >= Ver(1, 5), Ver(1) > Ver(0), len(set(vs)))
class Loud:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("  Loud.lt", self.v, o.v)
        return self.v < o.v
    def __gt__(self, o):
        print("  Loud.gt", self.v, o.v)
        return self.v > o.v
print(Loud(1) < Loud(2) < Loud(3), Loud(3) > Loud(2) > Loud(5))
class AlwaysEq:
    def __eq__(self, o):
        return True
print(AlwaysEq() == 1, 1 == AlwaysEq(), [1, 2].count(AlwaysEq()), AlwaysEq() in [5], [AlwaysEq()] == [7])
class Derived(Num):
    def __eq__(self, other):
        print("  Derived.eq")
        return "derived"
print(Num(1) == Derived(1))
print(1 == 1.0, "a" == b"a" if False else "skip", None == 0, [] == (), {1: 2} == {1: 2})
