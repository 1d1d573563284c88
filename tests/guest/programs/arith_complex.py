# Complex numbers.
import cmath
a = 3 + 4j
b = complex(1, -2)
print(a, b, a + b, a - b, a * b, a / b, -a, +a, abs(a))
print(a.real, a.imag, a.conjugate(), a == complex(3, 4), a != b)
print(a ** 2, 1j ** 2, (1 + 1j) ** 0.5, pow(a, 3))
print(complex("1+2j"), complex("-3j"), complex(2), complex(0.5, 0.25), repr(-0j))
print(cmath.sqrt(-1), cmath.phase(1j), round(cmath.polar(a)[0], 6), cmath.exp(0))
print(f"{a}", f"{a:.2f}", str(1.5 + 0j), repr(complex(-1, -0.0)))
for z in [1j, -1j, 2 + 0j, 0j, 1 + 1j]:
    print(z, bool(z), z * 1j, z + 1)
try:
    print(a < b)
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 / 0j)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
