# dataclasses: defaults, factories, ordering, frozen, post_init, asdict, replace, inheritance.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar
@dataclass
class Point:
    x: int
    y: int = 0
    def norm2(self):
        return self.x ** 2 + self.y ** 2
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
@dataclass
class Inventory:
    items: list = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    total: int = field(init=False, default=0)
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.total = len(self.items) * scale
@dataclass
class Point3(Point):
    z: int = 0
p = Point(3, 4)
print(p, p.norm2(), p == Point(3, 4), p != Point(4, 3), asdict(p), astuple(p), replace(p, y=10))
print(sorted([Version(1, 2), Version(1, 0, "b"), Version(0, 9)]), Version(1) == Version(1, 0, "x"), Version(2) > Version(1, 99))
v = Version(1)
try:
    v.major = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(hash(v) == hash(Version(1, 0, "zzz")), {v: "ok"}[Version(1)])
inv = Inventory(["a", "b"], scale=5)
print(inv, inv.total, Inventory(), Inventory().items is Inventory().items)
print(Point3(1, 2, 3), [f.name for f in fields(Point3)], Point3.__mro__[1].__name__)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Wrong:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)
@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), Point.__eq__ is not object.__eq__, Point.__match_args__)
