"""Mutation fuzzing of the .pyc reader (evalframe.pyc), as oss-fuzz fuzzes marshal.c.

Mirrors no CPython file; the property is CPython's for ``marshal.loads``:
whatever the bytes, reading either gives an object or raises the reader's one
error (here PycError, a ValueError, with CPython's wording), within bounded
time and memory: never another exception, never a hang.  A code object that
is read must also write back (``dumps``) and read again to an equal object.

Seeds are .pyc images of generated programs (evalframe.fuzz.generator)
compiled by evalframe; each mutation flips, overwrites, inserts, deletes,
duplicates or truncates bytes.
"""

import random
import signal

from .. import pyc
from ..compiler import compile_source
from .generator import generate_seeded


def seeds(seed, count=4):
    """.pyc images to mutate."""
    import warnings
    images = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i in range(count):
            code = compile_source(generate_seeded(seed, i), "seed%d.py" % i, "exec")
            images.append(pyc.dump_pyc(code))
    return images


def mutate(rng, data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        # most mutations land after the 16-byte header, where marshal data is
        lo = 16 if len(data) > 17 and rng.random() < 0.9 else 0
        pos = rng.randrange(lo, max(lo + 1, len(data)))
        if op == 0 and data:
            data[pos % len(data)] ^= 1 << rng.randrange(8)
        elif op == 1 and data:
            data[pos % len(data)] = rng.choice([0, 0xFF, 0x7F, 0x80, rng.randrange(256),
                                                ord("c"), ord("r"), ord(")"), ord("N")])
        elif op == 2:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 3:
            del data[pos:pos + rng.randint(1, 16)]
        elif op == 4:
            n = rng.randint(1, 32)
            data[pos:pos] = data[pos:pos + n]
        else:
            del data[pos:]
    return bytes(data)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def check(data, name="mutant.pyc", seconds=10):
    """None when the reader behaves, else a description of what it did."""
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        try:
            code = pyc.load_pyc(data, name)
        except pyc.PycError:
            return None
        again = pyc.loads(pyc.dumps(code))
        if again != code:
            return "read, written and read again: a different code object"
        return None
    except _Timeout:
        return "no answer in %d s" % seconds
    except RecursionError:
        return "RecursionError"
    except Exception as exc:
        return "%s: %s" % (type(exc).__name__, exc)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run(count, seed=0, report=print):
    """Mutate ``count`` times; return the list of (index, description, data)."""
    rng = random.Random("pyc-%s" % seed)
    images = seeds(seed)
    findings = []
    for index in range(count):
        data = mutate(rng, rng.choice(images))
        what = check(data)
        if what is not None:
            findings.append((index, what, data))
            report("pyc mutant %d: %s" % (index, what))
    return findings
