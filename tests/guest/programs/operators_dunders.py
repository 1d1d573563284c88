# Operator overloading: every binary, reflected, in-place and unary dunder.
class V:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "V(%r)" % (self.v,)
def binop(name, sym):
    def fwd(self, other):
        o = other.v if isinstance(other, V) else other
        print("  %s(%r, %r)" % (name, self, other))
        return V(eval("a %s b" % sym, {"a": self.v, "b": o}))
    def rev(self, other):
        print("  r%s(%r, %r)" % (name, self, other))
        return V(eval("b %s a" % sym, {"a": self.v, "b": other}))
    def inplace(self, other):
        o = other.v if isinstance(other, V) else other
        print("  i%s(%r, %r)" % (name, self, other))
        self.v = eval("a %s b" % sym, {"a": self.v, "b": o})
        return self
    setattr(V, "__%s__" % name, fwd)
    setattr(V, "__r%s__" % name, rev)
    setattr(V, "__i%s__" % name, inplace)
OPS = [("add", "+"), ("sub", "-"), ("mul", "*"), ("truediv", "/"), ("floordiv", "//"), ("mod", "%"),
       ("pow", "**"), ("lshift", "<<"), ("rshift", ">>"), ("and", "&"), ("or", "|"), ("xor", "^")]
for name, sym in OPS:
    binop(name, sym)
a = V(12)
print(a + V(5), a - 5, a * 2, a / 8, a // 5, a % 5, a ** 2, a << 2, a >> 1, a & 6, a | 1, a ^ 15)
print(3 + a, 30 - a, 2 * a, 24 / a, 100 // a, 100 % a, 2 ** V(3), 1 << V(4), 256 >> V(2), 7 & a, 1 | a, 5 ^ a)
x = V(3)
x += 1; x -= 2; x *= 10; x /= 4; x //= 2; x %= 3; x **= 3; print(x)
y = V(1)
y <<= 3; y >>= 1; y &= 7; y |= 8; y ^= 3; print(y)
class M:
    def __matmul__(self, o): return "matmul"
    def __rmatmul__(self, o): return "rmatmul"
    def __imatmul__(self, o): return "imatmul"
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "invert"
    def __abs__(self): return "abs"
    def __divmod__(self, o): return "divmod", o
    def __rdivmod__(self, o): return "rdivmod", o
    def __round__(self, n=None): return "round", n
    def __trunc__(self): return 7
    def __floor__(self): return 6
    def __ceil__(self): return 8
    def __index__(self): return 2
    def __int__(self): return 99
    def __float__(self): return 1.5
    def __complex__(self): return 2j
m = M()
import math
print(m @ 1, 1 @ m, -m, +m, ~m, abs(m), divmod(m, 3), divmod(3, m), round(m), round(m, 2), math.trunc(m), math.floor(m), math.ceil(m))
print([10, 20, 30][m], "abc"[m:], bin(m), int(m), float(m), complex(m), range(10)[m], operator_index := __import__("operator").index(m))
z = m
z @= 5
print(z)
class OnlyAdd:
    def __add__(self, other):
        return NotImplemented
    def __radd__(self, other):
        return "radd from %s" % type(other).__name__
    def __repr__(self):
        return "OnlyAdd()"
print(1 + OnlyAdd())
try:
    OnlyAdd() + OnlyAdd()
except TypeError as e:
    print("TypeError:", e)
class Sub(V):
    def __radd__(self, other):
        return "Sub.__radd__ wins"
print(V(1) + Sub(2))
try:
    OnlyAdd() - 1
except TypeError as e:
    print("TypeError:", e)
class Weird:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fallback add"
w = Weird()
w += 1
print(w)
