# classmethod and staticmethod: alternative constructors, calls via class and instance.
class Date:
    fmt = "%04d-%02d-%02d"
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __str__(self):
        return self.fmt % (self.y, self.m, self.d)
class USDate(Date):
    fmt = "%2$02d/%3$02d/%1$04d"
    def __str__(self):
        return "%02d/%02d/%04d" % (self.m, self.d, self.y)
print(Date.from_string("2024-03-05"), USDate.from_string("1999-12-31"), type(USDate.from_string("1-2-3")).__name__)
print([y for y in range(1896, 1910) if Date.is_leap(y)], Date(1, 1, 1).is_leap(2000))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
bound = Date.from_string
print(bound.__self__ is Date, bound("2000-1-1").y, Date.is_leap.__name__)
class Registry:
    items = []
    @classmethod
    def add(cls, v):
        cls.items = cls.items + [v]
        return cls
class SubRegistry(Registry):
    pass
Registry.add(1)
SubRegistry.add(2).add(3)
print(Registry.items, SubRegistry.items)
sm = staticmethod(lambda: "raw")
cm = classmethod(lambda cls: cls.__name__)
class Attach:
    s = sm
    c = cm
print(Attach.s(), Attach().s(), Attach.c(), Attach().c(), sm.__func__(), cm.__func__(int))
