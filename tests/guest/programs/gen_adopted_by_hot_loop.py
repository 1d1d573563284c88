# A generator made before its code was hot, iterated by a loop that becomes
# hot first (auto mode: the loop's function enters tier 2 at its header, then
# its FOR_ITER meets a generator still running in tier 1, which continues as
# a host generator there: tier2gen.adopt).  Everything a guest can see of the
# generator and of the loop's frame along the way must stay the host's.
import sys


def records(n, fail_at=-1):
    seed = 11
    for i in range(n):
        seed = (seed * 75 + 74) % 65537
        if i == fail_at:
            raise KeyError("record %d" % i)
        yield {"id": i, "v": seed % 100}


def total(n):
    t = 0
    gen = records(n)
    for rec in gen:
        t += rec["v"]
        if rec["id"] == n // 2:
            f = gen.gi_frame
            print("half:", gen.gi_running, f.f_back, sorted(k for k in f.f_locals),
                  f.f_locals["i"], f.f_lineno)
    print("finished:", gen.gi_frame, gen.gi_running)
    return t


def total_with_handler(n, fail_at):
    # (a try block: the frame-based translation's FOR_ITER)
    t = 0
    try:
        for rec in records(n, fail_at):
            t += rec["v"]
    except KeyError as e:
        print("caught", e, "after", t)
        tb = e.__traceback__
        while tb is not None:
            print("  at", tb.tb_frame.f_code.co_name, tb.tb_lineno)
            tb = tb.tb_next
    return t


def failing(n, fail_at):
    t = 0
    for rec in records(n, fail_at):
        t += rec["v"]
    return t


def caller_seen(n):
    def gen():
        for i in range(n):
            caller = sys._getframe(1)
            yield i, caller.f_code.co_name, caller.f_lineno
    seen = set()
    for i, name, line in gen():
        seen.add((name, line))
    return sorted(seen)


def delegating(n):
    def inner():
        for i in range(n):
            yield i
        return "inner done"

    def outer():
        r = yield from inner()
        yield r
    out = []
    for x in outer():
        out.append(x)
    return out[-3:]


def self_iterating():
    def gen():
        yield 1
        for x in me:        # (already executing: ValueError)
            yield x
    me = gen()
    out = []
    try:
        for _ in range(40):
            for x in me:
                out.append(x)
    except ValueError as e:
        out.append(str(e))
    return out


print(total(100))
print(total_with_handler(100, 60))
try:
    failing(100, 70)
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("uncaught:", e, names)
print(caller_seen(60))
print(delegating(80))
print(self_iterating())
