"""Unpack-sequence: tuple/list packing and unpacking, swaps and starred targets in a tight loop.

Size n: loop iterations. Checksum: the accumulated total.
"""
import sys
import time

SIZES = {"tiny": 200, "quick": 5000, "default": 280000}


def main(n):
    total = 0
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    lst = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    x, y = 0, 1
    for i in range(n):
        a, b, c, d, e, f, g, h, j, k = t
        total += a + k
        a, b, c, d, e, f, g, h, j, k = lst
        total += a - k
        x, y = y, (x + y) % 1000003
        first, *mid, last = t
        total += first + last + len(mid)
        (p, q), r = (i, i + 1), i + 2
        total += p + q + r
        s, u, v = divmod(i, 7) + (i & 3,)
        total += s + u + v
        total %= 1000000007
    return total + x + y


if __name__ == "__main__":
    arg = sys.argv[1] if len(sys.argv) > 1 else "default"
    n = SIZES[arg] if arg in SIZES else int(arg)
    t0 = time.perf_counter()
    c0 = time.process_time()
    checksum = main(n)
    cpu = time.process_time() - c0
    elapsed = time.perf_counter() - t0
    print("checksum %s" % (checksum,))
    print("elapsed %.6f" % elapsed)
    print("cpu %.6f" % cpu)
