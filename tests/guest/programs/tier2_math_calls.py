# math's functions called from hot (tier 2) loops: tier 2 calls them directly
# (call.plain_callables), not through call_host.  Results, errors, guest
# callbacks (__float__, __index__, __floor__) and the handled exception seen
# inside them must be the host's.
import math
import sys
from math import sin, cos, sqrt, floor


class Num:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        if self.v < 0:
            raise ArithmeticError("negative Num %r" % self.v)
        return float(self.v)

    def __index__(self):
        return int(self.v)

    def __floor__(self):
        return "floor of %s" % self.v


def waves(n):
    t = 0.0
    for i in range(n):
        t += sin(i) * cos(i) + sqrt(i) + math.atan2(i, 3) + math.fabs(-i)
    return round(t, 6)


def callbacks(n):
    out = []
    for i in range(n):
        out.append((sqrt(Num(i)), math.factorial(Num(i % 6)), floor(Num(i))))
    return out[-2:]


def errors(n):
    seen = []
    for i in range(n):
        try:
            seen.append(math.sqrt(1 - i))
        except ValueError as e:
            seen.append(str(e))
            # (inside the except block: the builtin sees the handled exception)
            seen.append(math.isfinite(sin(i)))
            seen.append(type(sys.exc_info()[1]).__name__)
        try:
            seen.append(math.log(0) if i == 1 else math.log(i + 1))
        except ValueError as e:
            seen.append(repr(e))
    return seen[-4:]


def failing(n):
    t = 0.0
    for i in range(n, -2, -1):
        t += sqrt(Num(i))
    return t


for _ in range(3):
    r1 = waves(40)
    r2 = callbacks(30)
    r3 = errors(30)
print(r1)
print(r2)
print(r3)
try:
    failing(30)
except ArithmeticError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("caught", e, lines)
failing(20)
