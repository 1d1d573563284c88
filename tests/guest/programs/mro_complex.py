# C3 linearization on larger hierarchies and cooperative methods through them.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
for cls in (K1, K2, K3, Z):
    print(cls.__name__, [k.__name__ for k in cls.__mro__])
class Base:
    def hello(self):
        return ["Base"]
def make(name, *bases):
    def hello(self):
        return [name] + super(cls, self).hello()
    cls = type(name, bases, {"hello": hello})
    return cls
P = make("P", Base)
Q = make("Q", Base)
R = make("R", P, Q)
S = make("S", Q)
T = make("T", R, S)
print(T().hello(), [k.__name__ for k in T.mro()])
try:
    type("Bad", (P, R), {})
except TypeError as e:
    print("TypeError:", e)
class Mixin:
    def describe(self):
        return "Mixin+" + super().describe()
class Core:
    def describe(self):
        return "Core"
class Final(Mixin, Core):
    pass
print(Final().describe(), Final.__bases__, [c.__name__ for c in Final.__mro__])
print(issubclass(Z, O), isinstance(Z(), K2), Z.__mro__.index(B) > Z.__mro__.index(K3))
