# collections.namedtuple and typing.NamedTuple.
from collections import namedtuple
from typing import NamedTuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, Point._make([5, 6]), tuple(p), len(p))
x, y = p
print(x, y, p == (1, 2), p + (3,), isinstance(p, tuple), hash(p) == hash((1, 2)))
Emp = namedtuple("Emp", ["name", "dept", "salary"], defaults=[1000])
print(Emp("a", "b"), Emp._field_defaults, Emp("x", "y", 5).salary)
class Card(NamedTuple):
    rank: str
    suit: str = "hearts"
    def show(self):
        return self.rank + " of " + self.suit
c = Card("Q")
print(c, c.show(), Card._fields, Card.__annotations__ if False else sorted(Card.__annotations__), c._replace(suit="spades").show())
deck = sorted(Card(r, s) for r in "AKQ" for s in ("clubs", "hearts"))
print(deck[:3], max(deck).show())
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
R = namedtuple("R", "a def", rename=True)
print(R._fields, R(1, 2))
