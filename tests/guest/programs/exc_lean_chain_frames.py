# Exceptions leaving chains of small (tier-2 lean) calls, hot: each traceback entry's frame,
# line, locals at the raise, clear(), chaining and a finally on the way, the same every time
import sys
import traceback


def leaf(n, text):
    local_leaf = n * 2
    if n % 3 == 0:
        raise KeyError(text)
    return int(text) + local_leaf


def middle(n, text):
    local_mid = "m%d" % n
    return leaf(n, text) + len(local_mid)


def outer(n, text):
    local_out = [n]
    value = middle(n, text)
    local_out.append(value)
    return local_out


def in_handler(n):
    try:
        return outer(n, "x")
    except ValueError as e:
        note = "handled %d" % n
        raise RuntimeError(note) from None if n % 2 else RuntimeError(note)


def with_finally(n):
    done = []
    try:
        return outer(n, "y")
    finally:
        done.append(n)


def describe(e):
    out = [type(e).__name__, str(e)]
    tb = e.__traceback__
    while tb is not None:
        f = tb.tb_frame
        names = sorted(k for k in f.f_locals if k.startswith("local_") or k in ("n", "text", "note", "done"))
        # (not the running frame's f_lineno: docs/vm.md, Known gaps, traceback stand-ins)
        line = f.f_lineno if f.f_code.co_name != "run" else "-"
        out.append("%s:%d:%s:%s" % (f.f_code.co_name, tb.tb_lineno, line,
                                    ",".join("%s=%r" % (k, f.f_locals[k]) for k in names)))
        tb = tb.tb_next
    ctx = e.__context__
    out.append("cause=%s ctx=%s sup=%s" % (type(e.__cause__).__name__, type(ctx).__name__,
                                           e.__suppress_context__))
    return out


def run(rounds):
    seen = {}
    for i in range(rounds):
        for n in (3, 4, 5, 6):
            for call in (lambda: outer(n, "z"), lambda: in_handler(n), lambda: with_finally(n)):
                try:
                    r = call()
                    key = ("ok", repr(r))
                except Exception as e:
                    key = tuple(describe(e))
                    if sys.exc_info()[1] is not e:
                        print("exc_info differs")
                    if i == rounds - 1 and n == 6:
                        # the innermost frame cleared: its locals go
                        tb = e.__traceback__
                        while tb.tb_next is not None:
                            tb = tb.tb_next
                        tb.tb_frame.clear()
                        print("after clear:", sorted(tb.tb_frame.f_locals))
                        tb = None
                seen.setdefault(key, []).append(i)
    for key in sorted(seen):
        rounds_seen = seen[key]
        print(len(rounds_seen), rounds_seen[0], rounds_seen[-1])
        for line in key:
            print("   ", line)


run(40)
print(sys.exc_info())
try:
    in_handler(4)
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
in_handler(9)
