# Functions whose locals a closure captures (cells of their own), called from
# functions tier 2 runs, in every call shape: closures made in loops sharing a
# cell, arguments that are cells (rebound, deleted), cells read before
# assignment, frames and tracebacks observed, a tracer attaching mid-call.
import sys
import traceback


def counters(n):
    fns = []
    for i in range(n):
        fns.append(lambda: i)          # one cell: every lambda sees the last i
    total = 0

    def bump(k):
        nonlocal total
        total += k
        return total
    for f in fns:
        bump(f())
    return [f() for f in fns], total


def arg_cell(x, y=10, *rest, scale=1, **kw):
    get = lambda: (x, y, rest, scale, sorted(kw))
    first = get()
    x = x * 2                          # rebinds the cell
    y = None
    return first, get()


def arg_cell_deleted(x):
    get = lambda: x
    del x
    try:
        return get()
    except NameError as e:
        return "NameError: %s" % e


def before_assignment(flag):
    if flag:
        v = 1
    def read():
        return v
    try:
        return read()
    except NameError as e:
        return "NameError: %s" % e


def local_before_assignment():
    try:
        print(w)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    w = 3
    return (lambda: w)()


def observed(a, b):
    c = a + b
    f = sys._getframe()
    inner = lambda: a + c
    return sorted((k, v) for k, v in f.f_locals.items() if k in ("a", "b", "c")), inner()


def raises(a):
    g = lambda: a
    return 1 // (a - g())


def depth(n):
    here = lambda: n
    if n == 0:
        return here()
    return depth(n - 1) + here()


def traced_midway(n):
    acc = []
    add = acc.append
    for i in range(n):
        if i == 1:
            sys.settrace(lambda *a: None)
        add((lambda: i)())
    sys.settrace(None)
    return acc


def main():
    for _ in range(3):
        print(counters(4))
        print(arg_cell(1), arg_cell(2, 3, 4, 5, scale=6, z=7), arg_cell(y=1, x=5))
        print(arg_cell_deleted(9), before_assignment(True), before_assignment(False))
        print(local_before_assignment())
        print(observed(1, 2))
        print(list(map(arg_cell, [3, 4])))
        print(depth(30))
        try:
            raises(4)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e,
                  [(fs.name, fs.line) for fs in traceback.extract_tb(e.__traceback__)])
    print(traced_midway(3))


main()
