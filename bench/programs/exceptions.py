"""Exceptions: errors raised a few frames down and caught above, in a loop.

A small validating parser: each record goes through nested calls that raise
(ValueError, KeyError, a custom hierarchy, chained `raise ... from`), caught at
different depths, with `finally` blocks and re-raises on the way.
Size n: records processed. Checksum: counts per outcome and a running digest.
"""
import sys
import time

SIZES = {"tiny": 200, "quick": 4000, "default": 120000}


class RecordError(Exception):
    def __init__(self, index, reason):
        Exception.__init__(self, reason)
        self.index = index


class TooLarge(RecordError):
    pass


class Negative(RecordError):
    pass


FIELDS = {"a": 1, "b": 2, "c": 3}


def parse_value(index, text):
    value = int(text)                   # ValueError for bad text
    if value < 0:
        raise Negative(index, "negative")
    if value > 900:
        raise TooLarge(index, "too large")
    return value


def lookup(name):
    return FIELDS[name]                  # KeyError for unknown fields


def parse_record(index, name, text):
    cleanup = 0
    try:
        weight = lookup(name)
        try:
            return weight * parse_value(index, text)
        except ValueError as e:
            raise RecordError(index, "bad number") from e
    finally:
        cleanup += 1


def checked(index, name, text):
    try:
        return parse_record(index, name, text)
    except TooLarge:
        raise                           # re-raised to the caller's handler
    except Negative as e:
        return -e.index


def main(n):
    names = ("a", "b", "c", "d")
    texts = ("7", "x", "-3", "950", "42", "13")
    ok = bad = large = missing = 0
    digest = 0
    seed = 1
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        name = names[seed % 4]
        text = texts[(seed >> 4) % 6]
        try:
            value = checked(i, name, text)
            ok += 1
            digest = (digest * 31 + value) % 1000000007
        except TooLarge as e:
            large += 1
            digest = (digest + e.index) % 1000000007
        except RecordError as e:
            bad += 1
            if e.__cause__ is not None:
                digest = (digest + len(str(e.__cause__))) % 1000000007
        except KeyError as e:
            missing += 1
            digest = (digest + len(e.args[0])) % 1000000007
    return "%d:%d:%d:%d:%d" % (ok, bad, large, missing, digest)


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
