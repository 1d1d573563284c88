# fractions, decimal and the numeric tower.
from fractions import Fraction
from decimal import Decimal, getcontext, ROUND_HALF_UP
import numbers
a = Fraction(1, 3)
b = Fraction("2/7")
print(a, b, a + b, a - b, a * b, a / b, a ** 2, -a, abs(-b))
print(a + 1, 1 - a, a * 0.5, Fraction(0.75), Fraction("1.25"), Fraction(10, -4))
print(a < b, a == Fraction(2, 6), float(a), int(Fraction(7, 2)), round(Fraction(7, 2)), a.limit_denominator(2))
h = Fraction(0)
for n in range(1, 11):
    h += Fraction(1, n)
    print(n, h)
getcontext().prec = 30
d = Decimal(1) / Decimal(7)
print(d, Decimal("0.1") + Decimal("0.2"), Decimal("1.10") * 3, Decimal(2).sqrt())
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("-0"), Decimal("1e3") + 1)
print(Decimal("3.14159").as_tuple(), repr(Decimal("1.5")), str(Decimal("100").normalize()))
for x in [1, 1.0, 1j, a, d, True]:
    print(type(x).__name__, isinstance(x, numbers.Number), isinstance(x, numbers.Real), isinstance(x, numbers.Rational), isinstance(x, numbers.Integral))
print(sum([Fraction(1, 2 ** i) for i in range(1, 20)]), sum([Decimal("0.1")] * 10))
