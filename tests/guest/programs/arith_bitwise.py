# Bitwise operators and bit tricks.
for a in [0, 1, 5, 12, -1, -8, 255]:
    for b in [0, 3, 7, -2]:
        print(a, b, a & b, a | b, a ^ b, a << (b & 7), a >> (b & 3))
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(20)], [bin(i).count("1") for i in range(20)])
print([(i & -i) for i in range(1, 17)])
print(1 << 100, (1 << 100) >> 99, -1 >> 10, -1024 >> 3, ~0, ~255 & 0xff)
mask = 0
for bit in [1, 4, 9]:
    mask |= 1 << bit
print(mask, bin(mask), [b for b in range(12) if mask >> b & 1])
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1.0 & 1)
except TypeError as e:
    print("TypeError:", e)
gray = [i ^ (i >> 1) for i in range(16)]
print(gray, [format(g, "04b") for g in gray])
