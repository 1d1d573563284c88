# Descriptors: data vs non-data, __set_name__, __get__ on class access, method binding.
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        self.name = name
        self.storage = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "descriptor %s on %s" % (self.name, objtype.__name__)
        return getattr(obj, self.storage)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s, not %s" % (self.name, self.kind.__name__, type(value).__name__))
        setattr(obj, self.storage, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.storage)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"
class Person:
    name = Typed(str)
    age = Typed(int)
    nd = NonData()
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Al", 30)
print(p.name, p.age, Person.name, vars(p))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
print(p.nd)
p.__dict__["nd"] = "instance wins"
p.__dict__["name"] = "instance loses"
print(p.nd, p.name)
del p.age
print(hasattr(p, "_age"))
class Method:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        def bound(*a):
            return self.fn(obj, *a)
        return bound
class UsesMethod:
    @Method
    def hello(self, x):
        return "hello %s" % x
print(UsesMethod().hello("w"), type(UsesMethod.hello).__name__)
def plain(self):
    return "plain"
bound = plain.__get__(UsesMethod(), UsesMethod)
print(bound(), plain.__get__(None, UsesMethod) is plain)
class Counter:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads
class HasCounter:
    c = Counter()
h = HasCounter()
print(h.c, h.c, HasCounter.c, HasCounter.__dict__["c"].reads)
