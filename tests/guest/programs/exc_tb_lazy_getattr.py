# An exception caught in a hot frame (tier 2 makes its traceback entries only
# when the traceback can be seen), its traceback then read by getattr with the
# name, not by the attribute: the same entries, no frame of the VM.
import sys


def leaf(x):
    y = x + 1
    return {}[y]


def middle(x):
    return leaf(x * 2)


def hot(n):
    out = []
    for i in range(n):
        try:
            middle(i)
        except KeyError as e:
            out.append(e)
    return out


def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


es = hot(300)
name = "__trace" + "back__"
print(walk(getattr(es[-1], name)))
print(walk(getattr(es[-2], "__traceback__", None)))
print(sorted(getattr(es[-3], name).tb_next.tb_frame.f_locals))
print(getattr(es[-4], "missing", "default"))
try:
    getattr(es[-4])
except TypeError as e:
    print("TypeError", e)
try:
    getattr(es[-4], "missing")
except AttributeError as e:
    print("AttributeError", e)
