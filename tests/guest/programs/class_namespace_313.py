"""What CPython 3.13's compiler adds that 3.10 bytecode cannot carry (3.10-3.12
hosts have none of it): cleaned docstrings, __firstlineno__, __static_attributes__."""
# A class body sees __firstlineno__ from its start; __static_attributes__ is
# stored last (before __classcell__), sorted, names as written (not mangled),
# from every scope nested in the class whose variable is named 'self'.
import inspect, types


def attrs(cls):
    return getattr(cls, "__static_attributes__", None), cls.__dict__.get("__firstlineno__")


class A:
    """A's doc.
        indented more
    	tabbed
    """
    print(list(locals()))
    print(repr(__doc__))
    x: int = 1

    def m(self, other):
        self.a = 1
        self.b, (self.c, z) = 1, (2, 3)
        self.augonly += 1        # (augmented: not counted)
        self.ann: int = 3
        self.annonly: int        # (no store: not counted)
        del self.ann             # (deletion: not counted)
        for self.loop in []:
            pass
        y = self.loaded          # (a load: not counted)
        self.__private = 1       # (kept as written)
        self.q.r = 1             # (not an attribute of self)
        other.o = 1
        [0 for self.comp in [1]]

        def inner():
            self.inner = 1
        inner()

        class Nested:
            try:
                self.nested_body = 1      # (the enclosing class's)
            except NameError:
                pass

            def n(self):
                self.nested_method = 1    # (Nested's)
        print("Nested", attrs(Nested))

    def this_style(this):
        this.other_name = 1      # (only 'self' counts)

    @staticmethod
    def st():
        self.static = 1

    def uses_class(self):
        return __class__


print("A", attrs(A))
print([k for k in A.__dict__ if k.startswith("__")])
print(repr(A.__doc__))
ns = types.SimpleNamespace(q=types.SimpleNamespace(), loaded=0, augonly=0)
A.m(ns, types.SimpleNamespace())


@staticmethod
@staticmethod
class Decorated:
    def f(self):
        self.one = 1


print("Decorated", attrs(Decorated.__func__.__func__))


class Empty:
    pass


print("Empty", attrs(Empty), [k for k in Empty.__dict__])


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return {"preset": 1}


class WithPrepare(metaclass=Meta):
    def g(self):
        self.gg = 2


print("WithPrepare", attrs(WithPrepare), list(WithPrepare.__dict__)[:2])
print("type()", attrs(type("T", (), {})))
print(inspect.getsource(Empty), end="")


def f():
    """  First line.
      second

    third
    """


async def g():
    """a
    	b"""


print(repr(f.__doc__), repr(g.__doc__))
print(repr(types.FunctionType(f.__code__, {}).__doc__))
print(repr(property(f).__doc__), repr(inspect.getdoc(f)))
print(repr(__doc__))
