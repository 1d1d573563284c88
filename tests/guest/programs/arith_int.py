# Integer arithmetic: every operator, signs, floor division and modulo rules.
values = [-7, -3, -1, 0, 1, 2, 5, 13, 100]
for a in values:
    for b in values:
        row = [a + b, a - b, a * b]
        if b:
            row += [a // b, a % b, divmod(a, b)]
        print(a, b, row)
print(2 ** 10, 2 ** 0, (-2) ** 3, 2 ** -1, (-8) ** 2, -2 ** 2)
print(pow(3, 4), pow(3, 4, 5), pow(3, -1, 7), pow(-3, 3, 10))
print(abs(-5), -(-5), +5, ~5, ~-1)
print(int("42"), int("-0x1f", 16), int("0b101", 0), int("z", 36), int("  12  "), int(3.99), int(-3.99))
print((255).bit_length(), (0).bit_length(), (-1).bit_length(), (37).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(hex(255), oct(8), bin(5), hex(-255), format(255, "x"), format(255, "#010b"))
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 0x100; print(x)
x &= 0x1f0; print(x)
x ^= 0xff; print(x)
print(sum(range(101)), min(values), max(values), sorted(values, key=abs))
print(7 .real, (7).imag, (7).numerator, (7).denominator, (7).conjugate())
print(int.__add__(3, 4), (3).__mul__(5), (3).__rsub__(10), (3).__truediv__(2))
print(True + True, True * 10, False - 1, 10 / 4, 10 // 4, -10 // 4, 10 % -4)
