# Big integers.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(60)
print(f)
print(len(str(f)), f % 1000000007, f.bit_length(), f // fact(58))
print(2 ** 200, -(2 ** 200) // 3, (2 ** 200) % 97, pow(2, 200, 10 ** 9 + 7))
a = 12345678901234567890123456789
b = 98765432109876543210
print(a * b, a // b, a % b, divmod(-a, b), a - b * 1000000000)
print(a << 100, a >> 50, a & b, a | b, a ^ b, ~a)
print(hex(a), oct(b), bin(b)[:20], int(str(a)[::-1]))
print(str(3 ** 150))
fib = [0, 1]
for _ in range(250):
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[200] % 1000, sum(fib) % 99991)
import math
print(math.gcd(fact(30), 2 ** 40 * 3 ** 5), math.isqrt(10 ** 50), math.comb(100, 50), math.perm(20, 10))
print(a == 12345678901234567890123456789, a > b, -a < -b, hash(2 ** 61 - 1), hash(2 ** 70) == hash(2 ** 70 % (2 ** 61 - 1)))
print((10 ** 30).to_bytes(13, "big").hex(), int.from_bytes(b"\xff" * 16, "big"))
print(float(10 ** 30), 10 ** 30 / 7, 10 ** 30 // 7, round(10 ** 30 / 3))
