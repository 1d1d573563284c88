"""A grab bag of 3.10 constructs, for the disassembler's differential test."""
import os, sys as system
from collections import namedtuple as nt, OrderedDict
from os.path import *

X = 1_000_000
Y = -3.5e-7 + 2j
S = b"bytes\x00\xff" + bytes(3)
T = (1, 2.0, "three", None, True, ..., (4, (5,)))
F = frozenset({1, 2, 3})
assert X, "message"


def positional(a, b, /, c, *args, d=1, e, **kwargs) -> int:
    global X
    X += a
    del c
    return a, b, args, d, e, kwargs


async def coroutine(session, urls):
    async with session.get(urls[0]) as response:
        data = await response.read()
    async for item in response:
        yield item
    return


def closures(n):
    total = 0
    def inner(k=3):
        nonlocal total
        total += n * k
        return [lambda: total for _ in range(k)]
    return inner


class Klass(Base if False else object, metaclass=type):
    attr: int = 3
    def method(self):
        return super().method(__class__)
    @property
    def prop(self):
        return self._p
    @staticmethod
    def static(*a, **k):
        return dict(**k, x=1)


def comprehensions(items):
    a = [x * 2 for x in items if x % 2]
    b = {x: y for x, y in items.items()}
    c = {x for x in items for y in x}
    d = (x async for x in items) if False else None
    return a, b, c, d


def formatting(value, width):
    return f"{value!r:>{width}} {value!s} {value!a} {value:5} {value} {width=}"


def control(n):
    for i in range(n):
        if i == 3:
            continue
        elif i in (5, 6, 7):
            break
        while n > 0 and not (n is None or n is not None):
            n -= 1
    else:
        pass
    try:
        x = 1 / n
    except (ZeroDivisionError, ValueError) as exc:
        raise RuntimeError("bad") from exc
    except Exception:
        raise
    else:
        x = 2
    finally:
        n = 0
    with open(__file__) as f, open(__file__) as g:
        pass
    return x if x < 2 <= n else -x


def matching(command):
    match command.split():
        case [action]:
            return action
        case ["go", direction] | ["move", direction]:
            return direction
        case {"key": value, **rest}:
            return value, rest
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case [1, 2, *others]:
            return others
        case str() | bytes() as s:
            return s
        case 0 | 1 | 2 | -1 | 1.5 | None | True:
            return 0
        case _:
            return None


def operators(a, b):
    a @= b; a //= b; a **= b; a <<= b; a >>= b; a |= b; a ^= b; a &= b
    return (a @ b, -a, +a, ~a, not a, a[1:2], a[1:2:3], a[...], a.b.c, a[b] is b)


def generator():
    x = yield 1
    yield from x
    return (yield)


def calls(f, *args, **kwargs):
    f(*args)
    f(1, *args, 2, **kwargs, z=3)
    f(a=1, b=2)
    return f.method(1, 2)(3)


def walrus(data):
    if (n := len(data)) > 10:
        print(f"{n} items")
    return [y for x in data if (y := x * 2)]
