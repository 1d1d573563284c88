"""Call-heavy: many small calls of every kind: positional, keyword, defaults, *args/**kwargs,
methods, class methods, closures, lambdas and bound-method objects.

Size n: loop iterations (each makes ~14 calls). Checksum: the accumulated total.
"""
import sys
import time

SIZES = {"tiny": 100, "quick": 3000, "default": 150000}


def add(a, b):
    return a + b


def kw(a, b=2, *, c=3):
    return a * b + c


def star(*args, **kwargs):
    return len(args) + len(kwargs)


def make_adder(k):
    def adder(v):
        return v + k
    return adder


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by=1):
        self.n += by
        return self.n

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def twice(v):
        return v * 2


def main(n):
    total = 0
    add5 = make_adder(5)
    square = lambda v: v * v
    c = Counter.make()
    bump = c.bump
    for i in range(n):
        total += add(i, 1)
        total += add(b=i, a=2)
        total += kw(i)
        total += kw(i, 3)
        total += kw(i, b=4, c=1)
        total += star(i, i, k=i)
        total += add5(i)
        total += square(i & 15)
        total += c.bump()
        total += bump(2)
        total += Counter.twice(i)
        total += c.twice(1)
        total += max(i, 7)
        total = total % 1000000007
    return total


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
