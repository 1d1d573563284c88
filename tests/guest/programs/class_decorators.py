# Class decorators: registration, adding methods, wrapping, singletons, stacked.
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join("%s=%r" % (k, v) for k, v in vars(self).items())
        return "%s(%s)" % (type(self).__name__, fields)
    cls.__repr__ = __repr__
    return cls
def count_instances(cls):
    original = cls.__init__
    cls.instances = 0
    def __init__(self, *a, **k):
        type(self).instances += 1
        original(self, *a, **k)
    cls.__init__ = __init__
    return cls
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@add_repr
@count_instances
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2), Point("a", [3]), Point.instances)
@singleton
class Config:
    def __init__(self, name):
        self.name = name
a = Config("first")
b = Config("second")
print(a is b, a.name, b.name)
def with_params(**defaults):
    def deco(cls):
        for k, v in defaults.items():
            setattr(cls, k, v)
        return cls
    return deco
@with_params(color="red", size=3)
class Widget:
    pass
print(Widget.color, Widget.size, sorted(k for k in vars(Widget) if not k.startswith("_")))
