"""Fannkuch-redux: pancake flipping over all permutations (Benchmarks Game).

List slicing, reversal and index-heavy loops.
Size n: permutation length. Checksum: "checksum:maxflips".
"""
import sys
import time

SIZES = {"tiny": 5, "quick": 7, "default": 9}


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips * sign
        sign = -sign
        while True:
            if r == n:
                return checksum, max_flips
            perm0 = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main(n):
    checksum, flips = fannkuch(n)
    return "%d:%d" % (checksum, flips)


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
