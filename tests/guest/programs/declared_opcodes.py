"""The opcodes declared in interpreter/bytecodes.py in issue 8's third session,
run often enough to be fused and taken to tier 2: dict displays (BUILD_MAP,
BUILD_CONST_KEY_MAP), ROT_N, the locals mapping (LOAD_NAME, STORE_NAME,
DELETE_NAME, SETUP_ANNOTATIONS), imports, the match opcodes, MAKE_FUNCTION with
every part, CALL_FUNCTION_EX, LOAD_BUILD_CLASS, GET_YIELD_FROM_ITER, PRINT_EXPR;
their error paths too."""

import sys


def displays(k, v):
    # BUILD_MAP with computed keys, BUILD_CONST_KEY_MAP with constant ones
    a = {k: v, v: k, "x": k}
    b = {"p": k, "q": v, "r": k + v}
    c = {}
    d = {k: 1, k: 2}            # the later value wins, one key
    return a, b, c, d


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        print("hash", self.n)
        return self.n

    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n

    def __repr__(self):
        return "Key(%d)" % self.n


def hashing_order():
    return {Key(1): "a", Key(2): "b"}


def matching(subject):
    match subject:
        case {"a": 1, **rest}:
            return ("map", rest)
        case {"k": x, "k2": y}:
            return ("keys", x, y)
        case Point(x, y=0):
            return ("point on x", x)
        case Point(x=px, y=py):
            return ("point", px, py)
        case [a, *_, b] if a == b:
            return ("ends", a)
        case (1, x, y) | (2, y, x):
            return ("alt", x, y)
        case _:
            return ("other",)


class Point:
    __match_args__ = ("x",)

    def __init__(self, x, y):
        self.x = x
        self.y = y


class BadArgs:
    __match_args__ = ["x"]


def bad_match(subject, cls):
    match subject:
        case cls(1):
            return True
    return False


def make_functions(n):
    # MAKE_FUNCTION with defaults, keyword defaults, annotations and a closure
    def f(a, b=n, *, c=n + 1) -> int:
        return a + b + c + n
    g = lambda x=n: x * 2
    return f(1), f(1, 2, c=3), g(), f.__defaults__, f.__kwdefaults__, f.__annotations__


def star_calls(fn, args, kwargs):
    return fn(*args, **kwargs)


class Mapping:
    def __init__(self, d):
        self.d = d

    def keys(self):
        return list(self.d)

    def __getitem__(self, k):
        return self.d[k]


def show(*a, **k):
    return a, sorted(k.items())


def delegating(it):
    yield from it


async def coro():
    return 1


def yield_from_a_coroutine():
    c = coro()
    try:
        list(delegating(c))
    except TypeError as e:
        print("TypeError", e)
    finally:
        c.close()


class K:
    a = "a"
    b = "a"


def main():
    for i in range(5):
        print(displays(i, i * 10))
        for s in ({"a": 1, "b": 2}, {"k": 3, "k2": 4}, Point(3, 0), Point(1, 2),
                  [7, 8, 7], (1, 5, 6), (2, 5, 6), 42):
            print(matching(s))
        print(make_functions(i))
        print(star_calls(show, (i, 2), {"z": i}))
        print(star_calls(show, [i], Mapping({"m": i})))
        print(star_calls(show, iter(range(i)), {}))
        print(list(delegating(range(i))), list(delegating(iter("ab"))))
    print(hashing_order())
    for bad in ((1, 2), None):
        try:
            star_calls(show, 5, {})
        except TypeError as e:
            print("TypeError", e)
        try:
            star_calls(show, (), bad)
        except TypeError as e:
            print("TypeError", e)
    try:
        star_calls(show, (), {"a": 1}) and show(**{"a": 1}, **{"a": 2})
    except TypeError as e:
        print("TypeError", e)
    try:
        bad_match(BadArgs(), BadArgs)
    except TypeError as e:
        print("TypeError", e)
    try:
        bad_match(1, 5)
    except TypeError as e:
        print("TypeError", e)
    try:
        match {"a": 1, "b": 2}:
            case {K.a: 1, K.b: 2}:
                pass
    except ValueError as e:
        print("ValueError", e)
    yield_from_a_coroutine()


main()

# the locals mapping: module and class bodies, exec with other mappings
class Body:
    x: int = 1
    y = x + 1
    del x
    print(sorted(k for k in locals() if not k.startswith("__")), __annotations__)


class Missing(dict):
    def __missing__(self, key):
        if key == "magic":
            return "missing " + key
        raise KeyError(key)


class Loud:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        print("set", k)
        self.d[k] = v

    def __delitem__(self, k):
        print("del", k)
        del self.d[k]


for ns in (Missing(), Loud()):
    exec("a = 1\nb = a + len('xy')\nz: int = 3\ndel a\ntry:\n    a\nexcept NameError as e:\n    print('NameError', e)\n"
         "try:\n    del a\nexcept NameError as e:\n    print('NameError', e)\n"
         "try:\n    print(magic)\nexcept NameError as e:\n    print('NameError', e)\n",
         {"__builtins__": __builtins__}, ns)

g = {"__builtins__": {"len": len}}
try:
    exec("class C: pass", g)
except NameError as e:
    print("NameError", e)
try:
    exec("import os", g)
except ImportError as e:
    print("ImportError", e)

# imports, star imports, from-imports, and their errors
exec("from math import *\nprint(floor(2.5), 'pi' in dir())", {})
from os import path as p, sep
print(p.basename("/a/b"), sep)
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError", e)

# PRINT_EXPR: interactive mode
sys.displayhook = lambda v: print("display", repr(v))
for line in ("1 + 1", "None", "'x'", "for i in range(2): i\n"):
    exec(compile(line, "<i>", "single"))
del sys.displayhook
try:
    exec(compile("2", "<i>", "single"))
except RuntimeError as e:
    print("RuntimeError", e)
sys.displayhook = sys.__displayhook__
