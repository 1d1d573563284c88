# A call of a builtin read by its name (``len(x)``, ``max(a, b)``) in tier 2's lean code
# tests that builtin first, by identity (tier2._builtin_read).  Each must still call what
# the name means now: a global shadowing the builtin (added, then deleted), the builtins
# module's entry replaced and restored, a call inside an except block (where host code
# must see the handled exception), the builtin's own errors and their tracebacks.
import builtins
import sys
import traceback


def use(i, s):
    return len(s) + max(i, 3) + abs(-i)


def in_handler(s):
    try:
        raise ValueError("handled")
    except ValueError:
        return len(s), repr(sys.exc_info()[1])


def run(n):
    out = []
    for i in range(n):
        out.append(use(i, "abc"))
    return out[-1], sum(out)


def my_len(x):
    return 100


print(run(300))
len = my_len
print(run(300))
del len
print(run(300))
real_max = builtins.max
builtins.max = lambda *a: -1
print(run(300))
builtins.max = real_max
print(run(300))
print([in_handler("xy") for _ in range(200)][-1])
try:
    for i in range(300):
        use(i, None if i == 299 else "a")
except TypeError as e:
    print(repr(e), [(fs.name, fs.lineno) for fs in traceback.extract_tb(e.__traceback__)])
