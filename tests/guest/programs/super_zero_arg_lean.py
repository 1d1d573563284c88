# Zero-argument super() in methods that tier 2 runs without a frame: the first
# argument's current value (reassigned, deleted, a cell), the __class__ cell
# (empty while the class body runs, not a type), super rebound in globals and
# in builtins, super called by another name, and frames observed meanwhile.
import builtins
import sys
import traceback


class Base:
    def __init__(self, name):
        self.name = name

    def who(self):
        return "Base.who(%s)" % self.name

    def add(self, a, b=10):
        return a + b


class Child(Base):
    def __init__(self, name):
        super().__init__(name.upper())

    def who(self):
        return "Child>" + super().who()

    def add(self, a, b=1):
        return super().add(a, b) * 2

    def add_kw(self, a):
        return super().add(b=a, a=a)

    def reassigned(self, other):
        self = other
        return super().who()

    def deleted(self):
        del self
        return super().who()

    def as_cell(self):
        # (self is a cell: a closure reads it; super() reads the cell)
        get = lambda: self.name
        return super().who() + "/" + get()

    def cell_reassigned(self, other):
        get = lambda: self
        self = other
        return super().who() + "/" + get().name

    def by_alias(self):
        s = super
        return s().who()

    def observed(self):
        f = sys._getframe()
        names = sorted(f.f_locals)
        r = super().who()
        return r, names, f.f_code.co_name

    def lam(self):
        return (lambda other: super().who())(Child("lam"))

    def nested_no_args(self):
        def inner():
            return super().who()
        return inner()


class FakeSuper:
    def __init__(self, args):
        self.args = args

    def who(self):
        return "fake super%r" % (self.args,)


def fake_super(*args):
    return FakeSuper(args)


def show(what):
    # (called from a function: methods with free variables run lean when
    # called from tier-2 code, frame-based when the module's loop calls them)
    try:
        print(what())
    except (RuntimeError, TypeError, NameError) as e:
        print(type(e).__name__, e)
        print([(fs.name, fs.lineno) for fs in traceback.extract_tb(e.__traceback__)][1:])


def main():
    c = Child("c")
    other = Child("other")
    for _ in range(3):
        print(c.who(), c.add(5), c.add_kw(7))
        print(c.reassigned(other))
        print(c.as_cell(), c.cell_reassigned(other))
        print(c.by_alias(), c.observed(), c.lam())
    for _ in range(2):
        show(lambda: c.reassigned(Base("plain")))
        show(lambda: c.reassigned(5))
        show(lambda: c.deleted())
        show(lambda: c.nested_no_args())
    return c


c = main()
# super rebound in the module's globals, then in builtins, then restored
real_super = builtins.super
super = fake_super
show(lambda: c.who())
del super
show(lambda: c.who())
builtins.super = fake_super
show(lambda: c.who())
del builtins.super
show(lambda: c.who())
builtins.super = real_super
show(lambda: c.who())


class Early(Base):
    def m(self):
        return super().who()

    # (the __class__ cell is empty until the class is made)
    show(lambda m=m: m(Base("early")))
    show(lambda m=m: m(Base("early")))


show(lambda: Early("late").m())
Early.m.__closure__[0].cell_contents = 5
show(lambda: Early("e").m())
