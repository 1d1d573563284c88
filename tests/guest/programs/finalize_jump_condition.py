# A conditional jump's condition dies at the jump: its finalizer sees the jump's line, before the branch runs
import sys

log = []


class R:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v

    def __del__(self):
        f = sys._getframe(1)
        log.append("del %s:%d" % (f.f_code.co_name, f.f_lineno))


class A:
    def __init__(self, k):
        self.k = k

    def __lt__(self, o):
        return R(self.k < o.k)

    @property
    def flag(self):
        return R(self.k > 0)


def note(s):
    log.append(s)


def make(v):
    return R(v)


def ifs(a, b):
    if a < b:
        note("lt")
    note("after if")
    if not a < b:
        note("not lt")
    note("after not")
    if a.flag:
        note("flag")
    note("after flag")
    if make(a.k > b.k):
        note("made")
    note("after made")
    return "done"


def loops(a, n):
    i = 0
    while a < n:
        note("body")
        a = A(a.k + 1)
        i += 1
    note("after while")
    return i


def expressions(a, b):
    x = "yes" if a < b else "no"
    note(x)
    note("or: %s" % ((a < b or note("or")) is None))
    note("after or")
    return x


def run(name, fn, rounds, *args):
    seen = {}
    for i in range(rounds):
        del log[:]
        r = fn(*args)
        key = "%r: %s" % (r, ", ".join(log))
        seen[key] = seen.get(key, 0) + 1
    for key, count in seen.items():
        print("%-12s %3d %s" % (name, count, key))


run("ifs 1 2", ifs, 40, A(1), A(2))
run("ifs 3 2", ifs, 40, A(3), A(2))
run("loops", loops, 40, A(0), A(3))
run("expr 1 2", expressions, 40, A(1), A(2))
run("expr 3 2", expressions, 40, A(3), A(2))

# at module level (the compare is not the first instruction of its fused group)
objs = [A(0), A(1), A(2), A(3)]
one = A(1)
for i in range(4):
    del log[:]
    a = objs[i]
    if a < one:
        note("module lt")
    note("module after")
    print("module", i, log)
