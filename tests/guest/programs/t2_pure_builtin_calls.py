# Builtin calls that run no guest code on an exact list (tier2._pure_call:
# ``window.append(v)``, ``len(window)``, ``window.pop(0)`` written as the host
# call under a type test): in generator bodies, lean and frame-based functions,
# with the list a subclass, ``len`` rebound in globals and in builtins mid-run,
# ``pop`` of an empty list inside and outside an except clause (the
# IndexError's context and traceback lines), and a popped item whose finalizer
# looks at the frame that dropped it.
import builtins
import sys


EVENTS = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("windows", "lean_calls", "framed_calls"):
        EVENTS.append((event, frame.f_code.co_name, frame.f_lineno))
        if len(EVENTS) >= 6:
            sys.settrace(None)
            frame.f_trace = None
            return None
    return tracer


def attach(depth):
    # (a tracer attached by guest code the call ran: the caller's frame
    # traced from its next line, as pdb's set_trace does)
    del EVENTS[:]
    sys.settrace(tracer)
    sys._getframe(depth + 1).f_trace = tracer


ATTACHED = []


def tracing_len(x):
    if not ATTACHED:
        ATTACHED.append(1)
        attach(1)
    return builtins.len(x)


def traced(tag, result):
    print(tag, result, EVENTS)
    del EVENTS[:]


class Loud(list):
    attach_at = None

    def append(self, v):
        print("Loud.append", v, sys._getframe(1).f_lineno)
        list.append(self, v)
        if v == self.attach_at:
            attach(1)

    def pop(self, *a):
        v = list.pop(self, *a)
        print("Loud.pop", a, v, sys._getframe(1).f_lineno)
        return v

    def __len__(self):
        print("Loud.__len__", sys._getframe(1).f_lineno)
        return list.__len__(self)


class Tracked:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        if self.tag >= 36:
            f = sys._getframe(1)
            print("del", self.tag, f.f_code.co_name, f.f_lineno)


def windows(it, size, make=list):
    window = make()
    for v in it:
        window.append(v)
        if len(window) == size:
            yield sum(window)
            window.pop(0)


def drops(items):
    window = []
    for v in items:
        window.append(v)
        if len(window) == 2:
            yield len(window)
            window.pop(0)
    del v
    window.clear()


def lean_calls(seq, make=list):
    out = make()
    for v in seq:
        out.append(v)
        if len(out) > 3:
            out.pop(0)
    return out, len(out)


def framed_calls(seq, make=list):
    out = make()
    try:
        for v in seq:
            out.append(v)
            if len(out) > 3:
                out.pop()
    except KeyError:
        pass
    return out, len(out)


def pop_in_handler(lst):
    try:
        raise KeyError("handled")
    except KeyError:
        try:
            lst.pop(0)
        except IndexError as e:
            return "context %r" % (e.__context__,)
    return "popped"


def gen_pop_in_handler(lists):
    for lst in lists:
        try:
            raise KeyError("g-handled")
        except KeyError:
            try:
                lst.pop(0)
                yield "popped"
            except IndexError as e:
                yield "context %r" % (e.__context__,)


def gen_pop_empty(lists):
    for lst in lists:
        lst.append(1)
        lst.pop(0)
        yield len(lst)
        lst.pop()


def lines(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def main():
    for round_ in range(3):
        print("windows", sum(windows(range(400), 4)), list(windows(range(10), 3)))
        print("lean", [lean_calls(range(k)) for k in (0, 2, 9)])
        print("framed", [framed_calls(range(k)) for k in (0, 2, 9)])
    print("subclass", list(windows(range(8), 3, Loud)))
    Loud.attach_at = 4
    traced("subclass traced", list(windows(range(8), 3, Loud)))
    traced("lean subclass traced", lean_calls(range(7), Loud))
    traced("framed subclass traced", framed_calls(range(7), Loud))
    Loud.attach_at = None
    print("lean subclass", lean_calls(range(5), Loud), framed_calls(range(5), Loud))
    # len rebound in the module's globals, then in the builtins, then restored
    g = windows(range(300), 3)
    print("before", [next(g) for _ in range(5)])
    globals()["len"] = lambda x: print("global len", sys._getframe(1).f_lineno) or 3
    print("global len", [next(g) for _ in range(2)])
    globals()["len"] = tracing_len
    traced("global len traced", [next(g) for _ in range(2)])
    del globals()["len"]
    real = builtins.len
    builtins.len = lambda x: print("builtin len", sys._getframe(1).f_lineno) or real(x)
    try:
        print("builtin len", [next(g) for _ in range(2)])
    finally:
        builtins.len = real
    print("restored", [next(g) for _ in range(2)])
    # the finalizer of the popped item: the frame dropping it, at its line
    for k in range(40):
        print(k, list(drops(map(Tracked, [k, k, k, k]))))
    # pop of an empty list in an except clause (the exception handled is the context)
    for _ in range(30):
        r = pop_in_handler([1])
    print(r, pop_in_handler([]))
    print(list(gen_pop_in_handler([[1] for _ in range(30)] + [[]])))
    try:
        for _ in range(30):
            list(gen_pop_empty([[5]]))
        list(gen_pop_empty([[5], []]))
    except IndexError as e:
        print("IndexError", e, lines(e.__traceback__))
    print("len kinds", [len(x) for x in ([1], (1, 2), "abc", {1: 2}, {3}, frozenset(), b"xy",
                                          bytearray(b"z"))])
    try:
        print(len(range(10 ** 20)))
    except OverflowError as e:
        print("OverflowError", e)


main()
