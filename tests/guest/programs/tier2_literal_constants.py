# Constants of functions hot enough for tier 2's lean calls, which write a constant the
# host compiler makes identical from its literal (None, True, False, small ints, interned
# identifier-like strings) as that literal (tier2._Lean.param) and any other as a closure
# value: every constant a function returns must be the very object in its co_consts
# (a big int, a float, a string that is not interned, a negative small int...), and a
# constant named 'f' or used with a method must still translate.


class Box:
    f = 3


def f(x):
    return x + 1


def consts():
    # (each its own LOAD_CONST: a display of constants would be one tuple constant)
    a = None; b = True; c = False; d = 0; e = 1; g = 256; h = 257; i = -5; j = -6
    k = 1000; m = 2.5; n = -0.0; o = "abc"; p = "hello_world"; q = "two words"; r = ""
    s = "f"; t = "\u00e9t\u00e9"; u = b"xy"; v = (1, 2); w = 10 ** 20
    return a, b, c, d, e, g, h, i, j, k, m, n, o, p, q, r, s, t, u, v, w


def methods(i):
    return (5).bit_length() + "abc".upper().count("B") + i, "f".join(["a", "b"])


def names(i):
    # a global, an attribute and a constant all named f
    return f(i), Box.f, Box().f, "f"


def compare(x):
    return x == 257, x == "two words", x != 1000, x == 2.5


def identities():
    c = consts.__code__.co_consts
    out = []
    for v in consts():
        same = [k for k, w in enumerate(c) if w is v]
        out.append((repr(v), bool(same)))
    return out


for i in range(60):
    r1 = identities()
    r2 = methods(i)
    r3 = names(i)
    r4 = [compare(x) for x in (257, "two words", 1000, 2.0)]
print(r1)
print(r2, r3, r4)
a, b = consts(), consts()
print([x is y for x, y in zip(a, b)])
