"""Generator pipeline: a chain of small generator stages, as a log processor.

Source -> parse -> filter -> window (sliding, with state) -> batch -> aggregate,
each stage a generator consuming the previous one; no stage is a builtin, so
every item crosses every stage's frame.
Size n: source lines. Checksum: the aggregate over all batches.
"""
import sys
import time

SIZES = {"tiny": 300, "quick": 6000, "default": 150000}

LEVELS = ("DEBUG", "INFO", "WARN", "ERROR")


def source(n):
    seed = 7
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        yield "%d %s %d" % (i, LEVELS[seed % 4], seed % 1000)


def parse(lines):
    for line in lines:
        stamp, level, value = line.split()
        yield int(stamp), level, int(value)


def keep(records, levels):
    for rec in records:
        if rec[1] in levels:
            yield rec


def window(records, size):
    recent = []
    total = 0
    for stamp, level, value in records:
        recent.append(value)
        total += value
        if len(recent) > size:
            total -= recent.pop(0)
        yield stamp, level, total // len(recent)


def batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def summarize(groups):
    for group in groups:
        levels = {}
        for _, level, avg in group:
            levels[level] = levels.get(level, 0) + avg
        yield max(levels.values()), len(group)


def main(n):
    pipeline = summarize(batches(window(keep(parse(source(n)), {"INFO", "WARN", "ERROR"}), 8), 50))
    digest = count = 0
    for best, size in pipeline:
        digest = (digest * 131 + best) % 1000000007
        count += size
    return "%d:%d" % (count, digest)


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
