# Control-flow shapes of hot functions (tier 2 writes them as host if/while where the
# jumps allow, t2struct.py, and keeps its dispatch loop elsewhere): values across joins,
# short circuits, nested loops with break/continue, for/while-else, frames and
# tracebacks seen from inside branches, lifetimes, a loop entered while running (OSR)
import sys


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def classify(n):
    if n < 0:
        kind = "neg"
    elif n == 0:
        return "zero"
    elif n % 2:
        kind = "odd"
    else:
        kind = "even"
    if n > 10 and kind == "even":
        kind += "-big"
    return kind


def shortcut(a, b, c):
    x = a and b or c
    y = (a or b) and c
    z = a if b else c
    w = [a, b if c else a, c or a]
    return x, y, z, w, a < b < c, not (a and b)


def nested(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        for j in range(i):
            if j > 4:
                break
            if (i + j) % 2:
                total += j
            else:
                total -= 1
        total += i
    return total


def with_else(n):
    out = []
    for i in range(n):
        for j in range(i):
            if j * j > i:
                break
        else:
            out.append(i)
        k = 0
        while k < i:
            k += 3
            if k == 9:
                break
        else:
            out.append(-k)
    return out


def loop_forever(a, b):
    while True:
        a += 1
        if a > b:
            return a
        if a % 7 == 0:
            a += 2


def seen(n):
    x = n * 2
    if n > 2:
        f = sys._getframe()
        if n > 3:
            return f.f_lineno, sorted(f.f_locals), f.f_back.f_code.co_name
        x = f.f_locals["x"] + 1
    return x


def fails(n):
    if n > 1:
        if n > 2:
            return 1 // (n - n)
        return [][n]
    return {}["k%d" % n]


def lifetimes(flag):
    a = D("a%s" % flag)
    if flag:
        a = None
        print("released in the branch")
    else:
        print("kept in the branch")
    print("joined", flag)
    return 0


def deep(n):
    if n > 0:
        if n > 1:
            if n > 2:
                if n > 3:
                    if n > 4:
                        if n > 5:
                            if n > 6:
                                if n > 7:
                                    if n > 8:
                                        if n > 9:
                                            if n > 10:
                                                if n > 11:
                                                    if n > 12:
                                                        if n > 13:
                                                            if n > 14:
                                                                if n > 15:
                                                                    return 16
                                                                return 15
                                                            return 14
                                                        return 13
                                                    return 12
                                                return 11
                                            return 10
                                        return 9
                                    return 8
                                return 7
                            return 6
                        return 5
                    return 4
                return 3
            return 2
        return 1
    return 0


def many_ifs(n):
    s = 0
    if n & 1: s += 1
    if n & 2: s += 2
    if n & 4: s += 4
    if n & 8: s += 8
    if n & 16: s += 16
    if n & 32: s += 32
    if n & 64: s += 64
    if n & 128: s += 128
    if n & 256: s += 256
    if n & 512: s += 512
    if n & 1024: s += 1024
    if n & 2048: s += 2048
    return s


def loop_in_branch(a, n):
    # (the loop only returns: the code after the if still runs for the other path)
    if a:
        while True:
            n += 1
            if n > 10:
                return n
    return -n


def running_loop(n):
    # called once: its loops get hot while it runs (entered at a loop header)
    acc = 0
    for i in range(n):
        j = 0
        while j < 5:
            j += 1
            if j == 3:
                continue
            acc += i * j
        if i == n - 2:
            f = sys._getframe()
            print("running", f.f_lineno, f.f_locals["acc"], f.f_locals["j"])
    k = n
    while k > 0:
        k -= 3
    return acc, k


for r in range(40):
    res = [classify(v) for v in (-3, 0, 7, 8, 12)]
    res2 = [shortcut(a, b, c) for a in (0, 1) for b in (0, 2) for c in (0, 3)]
    res3 = nested(12), with_else(14), loop_forever(r, r + 20)
    res4 = [seen(v) for v in (1, 3)]
    res5 = [deep(v) for v in range(18)], [many_ifs(v) for v in (0, 5, 4095, 1234)]
    res6 = loop_in_branch(r % 2, r), loop_in_branch(0, r)
print(res, res2, res3, res4, res5, res6)
print(seen(5))
for v in (1, 2, 3) * 10:
    try:
        fails(v)
    except Exception as e:
        tb = e.__traceback__.tb_next
        last = tb.tb_lineno, tb.tb_frame.f_code.co_name
print(last)
for flag in (0, 1, 0, 1):
    lifetimes(flag)
print(running_loop(400))
try:
    fails(3)
except ZeroDivisionError:
    import traceback
    traceback.print_exc(file=sys.stdout)
fails(0)
