# The order an instruction drops its operands in (finalizers): bottom first, left before right
log = []


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        log.append(self.n)

    def __add__(self, o): return 0
    def __sub__(self, o): return 0
    def __mul__(self, o): return 0
    def __matmul__(self, o): return 0
    def __truediv__(self, o): return 0
    def __floordiv__(self, o): return 0
    def __mod__(self, o): return 0
    def __pow__(self, o): return 0
    def __lshift__(self, o): return 0
    def __rshift__(self, o): return 0
    def __and__(self, o): return 0
    def __xor__(self, o): return 0
    def __or__(self, o): return 0
    def __lt__(self, o): return False
    def __le__(self, o): return True
    def __eq__(self, o): return False
    def __ne__(self, o): return True
    def __gt__(self, o): return False
    def __ge__(self, o): return True
    def __hash__(self): return 1
    def __getitem__(self, k): return 0
    def __setitem__(self, k, v): pass
    def __delitem__(self, k): pass
    def __contains__(self, k): return False
    def __format__(self, spec): return "f"


class Sink:
    def __setattr__(self, name, value):
        pass


def binops():
    x = D("l") + D("r")
    x = D("l") * D("r")
    x = D("l") @ D("r")
    x = D("l") / D("r")
    x = D("l") // D("r")
    x = D("l") ** D("r")
    x = D("l") << D("r")
    x = D("l") >> D("r")
    x = D("l") & D("r")
    x = D("l") ^ D("r")
    x = D("l") | D("r")
    return x


def sub_mod():
    # (CPython 3.10's BINARY_SUBTRACT and BINARY_MODULO drop the right operand
    # first, 3.11's BINARY_OP the left: run on 3.11+ hosts only)
    x = D("l") - D("r")
    x = D("l") % D("r")
    return x


def compares():
    x = D("l") < D("r")
    x = D("l") <= D("r")
    x = D("l") == D("r")
    x = D("l") != D("r")
    x = D("l") > D("r")
    x = D("l") >= D("r")
    x = D("l") is D("r")
    x = D("l") is not D("r")
    x = D("l") in D("r")
    x = D("l") not in D("r")
    return x


def jumps():
    n = 0
    if D("l") < D("r"):
        n += 1
    if D("l") == D("r"):
        n += 1
    if not D("l") >= D("r"):
        n += 1
    if D("l") in D("r"):
        n += 1
    if D("l") is D("r"):
        n += 1
    while D("l") > D("r"):
        n += 1
    return n


def subscripts():
    x = D("c")[D("k")]
    D("c")[D("k")] = D("v")
    del D("c")[D("k")]
    [][0:0] = ()
    return x


def stores():
    Sink().x = D("v")
    s = Sink()
    s.y = D("w")
    x = f"{D('v'):{'>'}}"
    return x


def inplace():
    x = D("l")
    x += D("r")
    y = D("a")
    y -= D("b")
    return x, y


def run(fn, rounds):
    seen = {}
    for i in range(rounds):
        del log[:]
        fn()
        key = " ".join(log)
        seen[key] = seen.get(key, 0) + 1
    for key, count in seen.items():
        print("%-10s %3d: %s" % (fn.__name__, count, key))


import sys
for fn in (binops, compares, jumps, subscripts, stores, inplace):
    run(fn, 40)
if sys.version_info >= (3, 11):
    run(sub_mod, 40)

# at module level (LOAD_NAME operands)
for i in range(4):
    del log[:]
    x = D("l") + D("r")
    y = D("l") < D("r")
    D("c")[D("k")] = D("v")
    print("module", i, log)
