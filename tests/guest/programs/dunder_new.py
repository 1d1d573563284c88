# __new__: immutable subclasses, singletons, caching, __init__ skipping.
class Upper(str):
    def __new__(cls, value):
        print("  Upper.__new__", value)
        return super().__new__(cls, value.upper())
u = Upper("hello")
print(u, type(u).__name__, u + "!", len(u))
class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(5) + 1, Pos(3) * Pos(2))
try:
    Pos(-1)
except ValueError as e:
    print("ValueError:", e)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            print("  creating")
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self):
        print("  __init__ runs every time")
a, b = Single(), Single()
print(a is b)
class Other:
    pass
class Weird:
    def __new__(cls):
        return Other()
    def __init__(self):
        print("never called")
w = Weird()
print(type(w).__name__)
class Cached:
    cache = {}
    def __new__(cls, key):
        if key in cls.cache:
            return cls.cache[key]
        obj = super().__new__(cls)
        obj.key = key
        cls.cache[key] = obj
        return obj
print(Cached("a") is Cached("a"), Cached("a") is Cached("b"), len(Cached.cache))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], type(p).__name__, p == (3, 4))
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
