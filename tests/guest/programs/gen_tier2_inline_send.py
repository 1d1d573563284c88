# ``gen.send(v)`` in a frame-based tier-2 function (tier2gen.emit_inline_send:
# method_send's work written at the call site): values sent and yielded, the
# StopIteration of a generator that returns (its value, no __context__), a
# generator sending to itself, a value sent to a just-started one, a finished
# one, one delegating (yield from), one with handlers, a send inside an except
# clause, an exception from the generator, the frames and gi_running seen inside,
# and when a value sent is dropped.
import inspect
import sys


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        if type(v) is Noisy:
            v = 1
        total += v


def watcher(gen_box):
    while True:
        v = yield
        me = gen_box[0]
        f = sys._getframe(1)
        print("in watcher", v, me.gi_running, f.f_code.co_name, f.f_lineno,
              me.gi_frame.f_back is f, sys._getframe().f_code.co_name)
        if v == "self":
            try:
                me.send(None)
            except ValueError as e:
                print("self-send", e, sys._getframe().f_back.f_code.co_name, me.gi_running)


def inner():
    x = yield "i0"
    y = yield ("i1", x)
    return ("inner-ret", y)


def outer():
    r = yield from inner()
    z = yield ("outer", r)
    return z


def handlers():
    while True:
        try:
            v = yield "h"
            if v == "boom":
                raise KeyError(v)
        except KeyError as e:
            print("caught in gen", repr(e))


def failing():
    v = yield 0
    raise RuntimeError("failing got %r" % (v,))


def run(n):
    acc = accumulator()
    next(acc)
    try:
        for v in range(n):
            acc.send(v)
        acc.send(None)
    except StopIteration as stop:
        print("returned", stop.value, stop.args, stop.__context__, stop.__traceback__.tb_lineno)
    try:
        acc.send(1)
    except StopIteration as stop:
        print("finished", stop.args, stop.__context__)
    fresh = accumulator()
    try:
        fresh.send(5)
    except TypeError as e:
        print("fresh", e, inspect.getgeneratorstate(fresh), fresh.gi_frame.f_back)
    return n


def frames(k):
    box = []
    w = watcher(box)
    box.append(w)
    try:
        next(w)
        for i in range(k):
            w.send(i)
        w.send("self")
    except ValueError:
        print("unexpected")
    print("after", w.gi_running)


def echo(box):
    while True:
        v = yield
        me = box[0]
        print("echo", v, sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name,
              me.gi_running, sys._getframe().f_back is sys._getframe(1))
        if v == "self":
            self_send(me)
            print("after self-send", me.gi_running, sys._getframe().f_back.f_code.co_name)


def self_send(me):
    # (a generator without handlers sends to itself from a function it calls)
    try:
        me.send(None)
    except ValueError as e:
        print("self-send", e, me.gi_running, me.gi_frame.f_back.f_code.co_name)


def straight():
    box = []
    w = echo(box)
    box.append(w)
    try:
        next(w)
        w.send("x")
        w.send("self")
        print("after", w.gi_running, w.gi_frame.f_back, inspect.getgeneratorstate(w))
    except ValueError:
        print("unexpected")


def chain():
    g = outer()
    try:
        out = [next(g), g.send("a"), g.send("b")]
        out.append(g.send("c"))
    except StopIteration as stop:
        out.append(("stop", stop.value))
    print("chain", out)


def with_handlers():
    h = handlers()
    try:
        print(next(h), h.send("x"), h.send("boom"), h.send("y"))
    except KeyError:
        print("unexpected")


def in_except():
    acc = accumulator()
    next(acc)
    try:
        raise LookupError("handling")
    except LookupError:
        try:
            acc.send(3)
            acc.send(None)
        except StopIteration as stop:
            print("in except", stop.value, repr(stop.__context__))


def raising():
    g = failing()
    next(g)
    try:
        g.send("v")
    except RuntimeError as e:
        tb = e.__traceback__
        lines = []
        while tb is not None:
            lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print("raised", e, lines, e.__context__)


def dropped():
    acc = accumulator()
    next(acc)
    try:
        acc.send(Noisy("sent"))
        print("after send")
        acc.send(Noisy("second"))
        print("after second")
    except StopIteration:
        print("unexpected")


for r in range(40):
    run(30)
for r in range(20):
    frames(3)
    straight()
    chain()
    with_handlers()
    in_except()
    raising()
    dropped()
print("end")
