# Annotations: module, class and function __annotations__, evaluation time, variable annotations without value.
x: int = 5
y: "forward ref"
z: list[int] = []
print(__annotations__)
def evaluated():
    print("  annotation expression evaluated")
    return "ann"
def f(a: evaluated(), b: int = 1) -> evaluated():
    c: str = "local annotations are not stored"
    return c
print(f.__annotations__, f(1))
class Point:
    x: int
    y: int = 0
    label: "str"
    def method(self) -> "Point":
        return self
print(Point.__annotations__, hasattr(Point, "x"), Point.y, Point.method.__annotations__)
class Child(Point):
    z: float = 1.0
print(Child.__annotations__)
import typing
print(typing.get_type_hints(f.__wrapped__ if hasattr(f, "__wrapped__") else Child))
try:
    print(y)
except NameError as e:
    print("NameError:", e)
count: int
for count in range(2):
    pass
print(count)
d = {}
d["key"]: int = 5
print(d)
def no_ann(a, b):
    pass
print(no_ann.__annotations__)
