# abc: abstract methods, properties, registration, instantiation errors.
from abc import ABC, ABCMeta, abstractmethod
import collections.abc as cabc
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @property
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return "%s with area %.2f" % (self.name, self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    @property
    def name(self):
        return "square"
class Half(Shape):
    def area(self):
        return 0
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
print(Square(3).describe(), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
class Duck(metaclass=ABCMeta):
    pass
class RealDuck:
    pass
Duck.register(RealDuck)
print(isinstance(RealDuck(), Duck), issubclass(RealDuck, Duck), issubclass(int, Duck))
class MySeq(cabc.Sequence):
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
s = MySeq([3, 1, 4, 1])
print(len(s), s[0], s.index(4), s.count(1), 4 in s, list(reversed(s)), isinstance(s, cabc.Iterable))
class Sized:
    def __len__(self):
        return 0
print(isinstance(Sized(), cabc.Sized), isinstance([], cabc.MutableSequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
