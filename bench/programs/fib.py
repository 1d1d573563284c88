"""Fib: naive doubly-recursive Fibonacci: pure guest-to-guest call overhead.

Size n: the Fibonacci index. Checksum: fib(n).
"""
import sys
import time

SIZES = {"tiny": 12, "quick": 20, "default": 31}


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(n):
    return fib(n)


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
