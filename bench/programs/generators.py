"""Generators: pipelines of generators, generator expressions, yield from over a tree, send().

Size n: number of items pushed through the pipelines. Checksum: combined sums.
"""
import sys
import time

SIZES = {"tiny": 300, "quick": 5000, "default": 800000}


def source(n):
    for i in range(n):
        yield i


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def scaled(it, k):
    for v in it:
        yield v * k


def windows(it, size):
    window = []
    for v in it:
        window.append(v)
        if len(window) == size:
            yield sum(window)
            window.pop(0)


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)


def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def main(n):
    a = sum(windows(scaled(evens(source(n)), 3), 4))
    b = sum(x * x for x in source(n // 2) if x % 3)
    depth = max(1, min(14, n.bit_length() - 2))
    c = sum(tree(depth))
    acc = accumulator()
    next(acc)
    for v in source(n // 4):
        acc.send(v)
    try:
        acc.send(None)
    except StopIteration as stop:
        d = stop.value
    return a + b * 3 + c * 7 + d * 11


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
