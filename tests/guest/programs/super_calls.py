# super(): zero-argument, explicit two-argument, in classmethods, cooperative __init__.
class Root:
    def __init__(self, **kw):
        print("Root", sorted(kw))
        self.root = True
    def describe(self):
        return "Root"
    @classmethod
    def create(cls):
        return "create " + cls.__name__
class Left(Root):
    def __init__(self, left=0, **kw):
        print("Left", left)
        self.left = left
        super().__init__(**kw)
    def describe(self):
        return "Left>" + super().describe()
class Right(Root):
    def __init__(self, right=0, **kw):
        print("Right", right)
        self.right = right
        super().__init__(**kw)
    def describe(self):
        return "Right>" + super(Right, self).describe()
    @classmethod
    def create(cls):
        return "Right." + super().create()
class Both(Left, Right):
    def __init__(self, **kw):
        print("Both")
        super().__init__(**kw)
    def describe(self):
        return "Both>" + super().describe()
b = Both(left=1, right=2, extra=3)
print(b.left, b.right, b.root, b.describe(), Both.create())
print(super(Left, b).describe(), super(Both, b).describe())
s = super(Left, b)
print(s.describe(), type(s).__name__)
class Prop(Root):
    @property
    def describe2(self):
        return super().describe() + "!"
print(Prop().describe2)
class Lam(Root):
    def m(self):
        return (lambda: super(Lam, self).describe())()
    def n(self):
        r = super().describe()
        return [r for _ in range(2)]
print(Lam().m(), Lam().n())
def outside_method(self):
    return "outside"
class NoClassCell(Root):
    def bad(self):
        f = lambda: super().describe()
        try:
            return f()
        except RuntimeError as e:
            return "RuntimeError: %s" % e
print(NoClassCell().bad())
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("Meta.__new__", name)
        return super().__new__(mcls, name, bases, ns)
class UsesMeta(metaclass=Meta):
    def who(self):
        return __class__.__name__
print(UsesMeta().who())
try:
    super()
except RuntimeError as e:
    print("RuntimeError:", e)
