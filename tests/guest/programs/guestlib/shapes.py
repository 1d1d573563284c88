"""Guest module with classes, imported through guestlib."""
from .util import clamp


class Square:
    sides = 4

    def __init__(self, side):
        self.side = clamp(side, 0, 100)

    def area(self):
        return self.side ** 2

    def __repr__(self):
        return "Square(%r)" % self.side


def area_sum(shapes):
    return sum(s.area() for s in shapes)
