# Single and multiple inheritance, overriding, isinstance, method resolution order.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog/" + super().kind()
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"
for a in [Animal("gen"), Dog("rex"), Puppy("bit")]:
    print(a.speak(), a.kind(), isinstance(a, Dog), type(a).__mro__[0].__name__)
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__, issubclass(Puppy, Animal))
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
try:
    class Bad(XY, YX): pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def template(self):
        return "<" + self.hook() + ">"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
print(Derived.__subclasses__() == [], [c.__name__ for c in Base.__subclasses__()])
class Ints(int):
    def __repr__(self):
        return "Ints(%d)" % self
i = Ints(5)
print(i, i + 1, repr(i), type(i + 1).__name__, isinstance(i, int))
class MyList(list):
    def append(self, v):
        super().append(v * 2)
ml = MyList([1])
ml.append(5)
print(ml, len(ml), type(ml[:]).__name__)
class MyDict(dict):
    def __missing__(self, key):
        return key.upper()
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("zz"))
