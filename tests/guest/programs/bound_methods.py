# Bound and unbound methods: identity, equality, __func__/__self__, methods stored and called later.
class A:
    def m(self, x=1):
        return ("A.m", x)
    def __eq__(self, other):
        return isinstance(other, A)
    __hash__ = object.__hash__
a1, a2 = A(), A()
m1, m1b, m2 = a1.m, a1.m, a2.m
print(m1 == m1b, m1 is m1b, m1 == m2, m1.__func__ is A.m, m1.__self__ is a1, m1(), m1(5), A.m(a2, 7))
callbacks = [a1.m, A.m, len, str.upper, "abc".upper, [].append]
print([getattr(c, "__name__", "?") for c in callbacks], [hasattr(c, "__self__") for c in callbacks])
store = {}
store["cb"] = a1.m
print(store["cb"](x="kw"))
class B(A):
    def m(self, x=2):
        return ("B.m", super().m(x))
b = B()
print(b.m(), A.m(b), B.m(b, 3), b.m.__func__ is B.m, B.m is not A.m)
f = b.m
B.m = lambda self, x=0: "replaced"
print(f(), b.m())
class C:
    def __init__(self):
        self.cb = self.method
    def method(self):
        return "method via instance attribute"
c = C()
print(c.cb(), c.cb.__self__ is c)
print(type(a1.m).__name__, type(A.m).__name__, type(A.__dict__["m"]).__name__, type([].append).__name__)
import types
bound = types.MethodType(lambda self, y: (type(self).__name__, y), a1)
print(bound(9), bound.__self__ is a1)
