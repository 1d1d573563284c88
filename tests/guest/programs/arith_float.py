# Floats: formatting, repr, special values, rounding, conversions.
import math
vals = [0.1, 0.2, 0.1 + 0.2, 1e16, 1e-7, 123456789.123, -0.0, 2.5, 3.5, 1/3]
for v in vals:
    print(repr(v), str(v), round(v, 2), v.is_integer(), v.hex())
print(0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3), 1.0 == 1, 1.5 > 1)
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2))
print(float("inf"), float("-inf"), float("nan") != float("nan"), math.isnan(float("nan")))
print(float("1e500"), -float("1e500"), 1e308 * 10, float(" 3.25 "), float("-1_000.5"))
print(7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2, divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 0.5, 2 ** 0.5, (-8) ** (1/3) if False else "skip", 10 ** -2, 4 ** 0.5)
print((1.5).as_integer_ratio(), (0.75).as_integer_ratio(), float.fromhex("0x1.8p1"))
print(int(1e20), int(-2.5), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(sum([0.1] * 10), math.fsum([0.1] * 10), 1e-300 * 1e-300)
print(max(1.5, 2), min(-0.0, 0.0), abs(-3.25), float(True))
x = 1.0
for i in range(10):
    x = x * 1.5 - 0.25
    print(i, x, f"{x:.3f}", f"{x:e}", f"{x:g}")
print(f"{1234567.891:,.2f}", f"{0.000123:.2e}", f"{12.5:08.3f}", f"{-3.0:+}", f"{0.5:%}")
print(1e22, 1e21, 1e16, 123e-20, 5e-324, 1.7976931348623157e308)
