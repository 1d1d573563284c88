"""Spectral norm: power iteration on an infinite matrix (Benchmarks Game).

Nested loops of float multiply-adds, a small pure function called in the inner loop.
Size n: matrix dimension. Checksum: the norm, repr'd.
"""
import sys
import time

SIZES = {"tiny": 10, "quick": 40, "default": 170}


def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_A_times_u(u):
    n = len(u)
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(i, j) * u[j]
        out.append(s)
    return out


def eval_At_times_u(u):
    n = len(u)
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(j, i) * u[j]
        out.append(s)
    return out


def eval_AtA_times_u(u):
    return eval_At_times_u(eval_A_times_u(u))


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = vv = 0.0
    for ue, ve in zip(u, v):
        vBv += ue * ve
        vv += ve * ve
    return repr((vBv / vv) ** 0.5)


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
