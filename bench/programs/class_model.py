"""Class model: an inventory of shapes with properties, super() chains and dunders.

A class hierarchy three deep, each __init__ calling super().__init__, read-only
and validating properties, a classmethod constructor, __eq__/__hash__/__lt__,
and polymorphic methods that extend the parent's through super().
Size n: objects created and processed. Checksum: totals over the inventory.
"""
import sys
import time

SIZES = {"tiny": 200, "quick": 2000, "default": 60000}


class Item:
    count = 0

    def __init__(self, name):
        self._name = name
        Item.count += 1

    @property
    def name(self):
        return self._name

    def describe(self):
        return self._name

    def weight(self):
        return 1


class Shape(Item):
    def __init__(self, name, sides):
        super().__init__(name)
        self._sides = sides

    @property
    def sides(self):
        return self._sides

    def describe(self):
        return super().describe() + "/" + str(self._sides)

    def weight(self):
        return super().weight() + self._sides


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect", 4)
        self._w = w
        self._h = h

    @classmethod
    def square(cls, s):
        return cls(s, s)

    @property
    def area(self):
        return self._w * self._h

    @property
    def width(self):
        return self._w

    @width.setter
    def width(self, value):
        if value <= 0:
            raise ValueError("width must be positive")
        self._w = value

    def weight(self):
        return super().weight() * 2 + self.area

    def __eq__(self, other):
        return isinstance(other, Rect) and self.area == other.area

    def __hash__(self):
        return hash(self.area)

    def __lt__(self, other):
        return self.area < other.area


class Triangle(Shape):
    def __init__(self, b, h):
        super().__init__("tri", 3)
        self.b = b
        self.h = h

    @property
    def area(self):
        return self.b * self.h // 2

    def weight(self):
        return super().weight() + self.area


def main(n):
    shapes = []
    seed = 3
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        a, b = 1 + seed % 13, 1 + (seed >> 5) % 11
        if i % 3 == 0:
            shapes.append(Rect.square(a))
        elif i % 3 == 1:
            shapes.append(Rect(a, b))
        else:
            shapes.append(Triangle(a, b))
    total = 0
    for s in shapes:
        total += s.weight() + s.sides + len(s.describe())
        if s.name == "rect":
            s.width = s.width + 1
    rects = [s for s in shapes if isinstance(s, Rect)]
    distinct = len(set(rects))
    smallest = min(rects).area
    return "%d:%d:%d:%d" % (total, distinct, smallest, Item.count)


if __name__ == "__main__":
    arg = sys.argv[1] if len(sys.argv) > 1 else "default"
    n = SIZES[arg] if arg in SIZES else int(arg)
    t0 = time.perf_counter()
    c0 = time.process_time()
    checksum = main(n)
    cpu = time.process_time() - c0
    elapsed = time.perf_counter() - t0
    print("checksum %s" % (checksum,))
    print("elapsed %.6f" % elapsed)
    print("cpu %.6f" % cpu)
