"""Dict-string: word counting, string building and dict/set manipulation over generated text.

Size n: number of generated words. Checksum: a digest of the counts and the built text.
"""
import sys
import time

SIZES = {"tiny": 300, "quick": 5000, "default": 300000}

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qu"]


def words(n):
    seed = 12345
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        k = 1 + seed % 3
        w = ""
        s = seed
        for _ in range(k):
            w += SYLLABLES[s % 10]
            s //= 10
        yield w


def main(n):
    counts = {}
    by_first = {}
    for w in words(n):
        counts[w] = counts.get(w, 0) + 1
        by_first.setdefault(w[0], set()).add(w)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    text = " ".join("%s=%d" % kv for kv in top)
    upper = text.upper().replace("=", ":")
    digest = 0
    for ch in upper:
        digest = (digest * 131 + ord(ch)) % 1000000007
    return "%d:%d:%d:%d" % (len(counts), sum(len(v) for v in by_first.values()), digest, top[0][1])


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
