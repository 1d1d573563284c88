# Polynomial arithmetic class: add, multiply, evaluate, derivative, division, printing.
from fractions import Fraction
class Poly:
    def __init__(self, coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c or [0]
    def degree(self):
        return len(self.c) - 1
    def __add__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        n = max(len(self.c), len(o.c))
        return Poly([(self.c[i] if i < len(self.c) else 0) + (o.c[i] if i < len(o.c) else 0) for i in range(n)])
    __radd__ = __add__
    def __neg__(self):
        return Poly([-x for x in self.c])
    def __sub__(self, o):
        return self + (-o)
    def __mul__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(o.c):
                out[i + j] += a * b
        return Poly(out)
    __rmul__ = __mul__
    def __pow__(self, n):
        r = Poly([1])
        for _ in range(n):
            r = r * self
        return r
    def __call__(self, x):
        acc = 0
        for coef in reversed(self.c):
            acc = acc * x + coef
        return acc
    def deriv(self):
        return Poly([i * c for i, c in enumerate(self.c)][1:] or [0])
    def __divmod__(self, d):
        num = [Fraction(x) for x in self.c]
        q = [Fraction(0)] * max(len(num) - len(d.c) + 1, 1)
        while len(num) >= len(d.c) and any(num):
            shift = len(num) - len(d.c)
            f = num[-1] / d.c[-1]
            q[shift] = f
            for i, dc in enumerate(d.c):
                num[i + shift] -= f * dc
            num.pop()
        return Poly(q), Poly(num)
    def __eq__(self, o):
        return isinstance(o, Poly) and self.c == o.c
    def __repr__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            c = self.c[i]
            if c == 0 and len(self.c) > 1:
                continue
            coef = "" if c == 1 and i else "-" if c == -1 and i else str(c)
            terms.append(coef + ("x^%d" % i if i > 1 else "x" if i == 1 else ""))
        return " + ".join(terms).replace("+ -", "- ")
x = Poly([0, 1])
p = 3 * x ** 3 - 2 * x + 5
q = x ** 2 + 1
print(p, "|", q, "|", p + q, "|", p - q, "|", p * q, "|", p.deriv(), "|", p.deriv().deriv().deriv())
print([p(v) for v in range(-3, 4)], p(Fraction(1, 2)), p(0.5), (x + 1) ** 5)
quo, rem = divmod(p, q)
print(quo, "|", rem, "|", quo * q + rem == Poly([Fraction(v) for v in p.c]))
print(Poly([0, 0, 0]), Poly([1]).degree(), (x - 1) * (x + 1) == x ** 2 - 1)
