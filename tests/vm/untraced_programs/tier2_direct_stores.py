# (Run untraced by tests/vm/test_tier2_peep.py: a tracer delays the deaths it records.)
# Stores that tier 2's lean code writes as CPython's compiler does (t2peep.py): an
# instruction's result stored straight into a local (``x = a + b``, no temporary), and
# UNPACK_SEQUENCE straight into the locals (``a, b = t``).  What each must keep: the line
# a finalizer run by the store sees (the store's own line, not the expression's, and each
# unpack target's line), the order the old values die in, the unpack's errors and
# tracebacks, duplicate targets, a temporary operand, and the slow path (generators).
import sys
import traceback

seen = []


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        f = sys._getframe(1)
        seen.append((self.tag, f.f_code.co_name, f.f_lineno))


def make(tag, i):
    return Noisy("%s%d" % (tag, i)) if i % 97 == 96 else i


def store_expr(n):
    x = None
    total = 0
    xs = [make("x", i) for i in range(n)]
    ys = [make("y", i) for i in range(n)]
    for i in range(n):
        x = (
            xs[i]
        )
        y = ys[
            i]
        xs[i] = ys[i] = None
        total += i if x is None else 1
        del y
    return total


def unpack_lines(n):
    a = b = c = None
    for i in range(n):
        t = (make("a", i), make("b", i), make("c", i))
        (a,
         b,
         c) = t
        del t
    return a, b, c


def unpack_order(n):
    p = q = None
    for i in range(n):
        p, q = [make("p", i), make("q", i)]
    return p, q


def unpack_temp(n):
    out = 0
    for i in range(n):
        m, k = divmod(i, 7)
        u, v = (i, i + 1) if i % 2 else [i + 2, i + 3]
        out += m + k + u + v
    return out


def unpack_same_target(n):
    out = []
    for i in range(n):
        w, w = make("w1", i), make("w2", i)
        out.append(type(w).__name__)
    return out[-3:]


def gen(k):
    for j in range(k):
        yield j


def unpack_errors(seq):
    a, b, c = seq
    return a + b + c


def run_errors():
    out = []
    for i in range(300):
        for seq in ((1, 2, 3), [1, 2, 3], gen(3), "abc" if i % 2 else (4, 5, 6)):
            try:
                out.append(unpack_errors(seq))
            except TypeError as e:
                out.append(str(e))
    for seq in ((1, 2), [1, 2, 3, 4], gen(2), gen(5), 5, None, {1: 2}):
        try:
            unpack_errors(seq)
        except (TypeError, ValueError) as e:
            out.append(type(e).__name__ + ": " + str(e))
            tb = traceback.extract_tb(e.__traceback__)
            out.append([(fs.name, fs.lineno, fs.line) for fs in tb])
    return out[-30:]


def raising_store(n):
    out = []
    for i in range(n):
        try:
            r = (
                10 // (i % 50)
            )
            out.append(r)
        except ZeroDivisionError as e:
            tb = traceback.extract_tb(e.__traceback__)
            out.append((str(e), [(fs.name, fs.lineno) for fs in tb]))
    return out[-4:], len(out)


class Grows(Noisy):
    def __iadd__(self, k):
        return Grows(self.tag + "+")


def inplace(n):
    total = 0
    s = ""
    lst = []
    f = 0.5
    g = Grows("g")
    one = 1
    for i in range(n):
        total += i
        total -= one
        s += "ab"[i % 2]
        lst += (i,)
        f *= 1.0001
        if i % 97 == 96:
            g += 1
    return total, len(s), s[-4:], len(lst), round(f, 6), g.tag


def inplace_error(n):
    total = 0
    for i in range(n):
        k = None if i == n - 1 else 1
        total += (
            k)
    return total


def inplace_errors():
    try:
        inplace_error(400)
    except TypeError as e:
        tb = traceback.extract_tb(e.__traceback__)
        return str(e), [(fs.name, fs.lineno) for fs in tb]


def locals_seen(n):
    for i in range(n):
        a, b = i, -i
        c = a - b
        if i == n - 1:
            return sorted(sys._getframe().f_locals.items())


print(store_expr(400))
print(unpack_lines(400))
print(unpack_order(400))
print(unpack_temp(400))
print(unpack_same_target(400))
print(run_errors())
print(raising_store(120))
print(locals_seen(300))
print(inplace(400))
print(inplace_errors())
print(seen)
