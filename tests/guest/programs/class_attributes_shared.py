# Class vs instance attributes: shared mutable class attributes, shadowing, class attribute updates seen by instances.
class Team:
    members = []
    size = 0
    def add(self, name):
        self.members.append(name)
        self.size += 1
a, b = Team(), Team()
a.add("x")
b.add("y")
print(Team.members, a.members is b.members, a.size, b.size, Team.size, vars(a))
Team.size = 100
c = Team()
print(c.size, a.size)
del a.size
print(a.size)
class Fixed:
    def __init__(self):
        self.members = []
    def add(self, n):
        self.members.append(n)
f, g = Fixed(), Fixed()
f.add(1)
print(f.members, g.members)
class Defaults:
    color = "red"
d = Defaults()
print(d.color)
Defaults.color = "blue"
print(d.color)
d.color = "green"
Defaults.color = "yellow"
print(d.color, Defaults.color, Defaults().color)
class Base:
    tag = "base"
    @classmethod
    def set_tag(cls, t):
        cls.tag = t
class Sub(Base):
    pass
Sub.set_tag("sub")
print(Base.tag, Sub.tag, "tag" in Sub.__dict__)
class Meta(type):
    hello = "from metaclass"
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.hello, hasattr(WithMeta(), "hello"))
def method_added_later(self):
    return "added"
Fixed.later = method_added_later
print(f.later(), g.later())
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class SubCounter(Counter):
    pass
Counter(); Counter(); SubCounter()
print(Counter.instances, SubCounter.instances)
