# enum: Enum, IntEnum, Flag, auto, iteration, lookup, aliases, methods.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return "%s is %d" % (self.name.lower(), self.value)
    @classmethod
    def default(cls):
        return cls.GREEN
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED, list(Color))
print(Color.RED.describe(), Color.default(), len(Color), [m.name for m in Color], list(Color.__members__))
print(Color.RED == 1, Color.RED == Color.RED, Color.RED in Color, isinstance(Color.RED, Color), {Color.RED: "r"}[Color.CRIMSON])
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", type(e).__name__)
class Prio(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = auto()
print(Prio.LOW < Prio.HIGH, Prio.MID + 1, sorted([Prio.HIGH, Prio.LOW]), int(Prio.HIGH), [p.value for p in Prio])
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(Perm.R in rw, Perm.X in rw, bool(rw & Perm.X), (rw | Perm.X).value, Perm(6) == rw)
class Shape(Enum):
    CIRCLE = "circle"
    SQUARE = "square"
    def __str__(self):
        return self.value.upper()
print(str(Shape.CIRCLE), f"{Shape.SQUARE}", Shape("circle").name, Shape.CIRCLE.value)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
Animal = Enum("Animal", "CAT DOG")
print(Animal.CAT.value, Animal.DOG.name, [a.name for a in Animal])
for c in Color:
    match c:
        case Color.RED:
            print("matched red")
        case Color.GREEN | Color.BLUE:
            print("matched", c.name)
