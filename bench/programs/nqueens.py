"""N-queens: count all solutions by backtracking over sets (guest recursion and set operations).

Size n: board size. Checksum: number of solutions plus a position hash of the first solution.
"""
import sys
import time

SIZES = {"tiny": 5, "quick": 7, "default": 10}


def solve(n):
    solutions = []
    cols = set()
    diag1 = set()
    diag2 = set()
    placement = []

    def place(row):
        if row == n:
            solutions.append(tuple(placement))
            return
        for col in range(n):
            if col in cols or (row - col) in diag1 or (row + col) in diag2:
                continue
            cols.add(col)
            diag1.add(row - col)
            diag2.add(row + col)
            placement.append(col)
            place(row + 1)
            placement.pop()
            cols.discard(col)
            diag1.discard(row - col)
            diag2.discard(row + col)

    place(0)
    return solutions


def main(n):
    total = 0
    first = None
    for _ in range(3):
        sols = solve(n)
        total += len(sols)
        first = sols[0]
    return "%d:%d" % (total, sum(c * (i + 1) for i, c in enumerate(first)))


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
