# match: class patterns with __match_args__, keyword patterns, nested, builtin types, dataclasses.
from dataclasses import dataclass
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
@dataclass
class Circle:
    center: Point
    r: float
@dataclass
class Rect:
    a: Point
    b: Point
def area(shape):
    match shape:
        case Circle(Point(0, 0), r):
            return "circle at origin r=%s" % r
        case Circle(center=Point(x=cx), r=r) if r > 10:
            return "big circle cx=%s" % cx
        case Circle(c, r):
            return "circle r=%s at (%s,%s)" % (r, c.x, c.y)
        case Rect(Point(x1, y1), Point(x2, y2)):
            return "rect area %s" % abs((x2 - x1) * (y2 - y1))
        case Point(x, y) if x == y:
            return "diagonal point %s" % x
        case Point():
            return "some point"
        case int(n) | float(n):
            return "number %s" % n
        case str(s):
            return "string %s" % s
        case [Point(x, _), *_]:
            return "list starting with point x=%s" % x
        case _:
            return "unknown"
shapes = [Circle(Point(0, 0), 2), Circle(Point(5, 1), 11), Circle(Point(1, 2), 3), Rect(Point(0, 0), Point(3, 4)),
          Point(2, 2), Point(1, 2), 7, 2.5, "s", [Point(9, 0)], None]
for s in shapes:
    print(area(s))
class Bad:
    __match_args__ = ("a",)
try:
    match Bad():
        case Bad(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
match Bad():
    case Bad(a=1):
        print("no")
    case Bad():
        print("Bad() matched without attribute")
