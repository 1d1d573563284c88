# ``x.send(v)`` sites in frame-based code (tier2gen.fused_send: an exact
# generator resumed without its bound method made) meeting generators in every
# state and other receivers at the same site: objects with their own ``send``, a
# class attribute holding a generator's bound ``send``, a value sent to a
# just-started generator, None sent to one, a finished one, one running, sends
# from a generator body, the line and instruction of the sender as the
# generator sees them, values sent as temporaries and when they are dropped.
import inspect
import sys


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        if type(v) is Noisy:
            v = 1
        total += v


def spy():
    while True:
        v = yield
        f = sys._getframe(1)
        print("spy", v, f.f_code.co_name, f.f_lineno,
              sys._getframe().f_back is f)


class Sink:
    def __init__(self):
        self.got = []

    def send(self, v):
        self.got.append(v)
        return len(self.got)


class Held:
    # (a generator's bound send as a class attribute: ``h.send`` is that bound
    # method, not a method of Held)
    pass


def drive(targets, values):
    out = []
    for t in targets:
        try:
            for v in values:
                out.append(t.send(v))
        except StopIteration as stop:
            out.append(("stop", stop.value, stop.__context__))
        except TypeError as e:
            out.append(("type", str(e), inspect.getgeneratorstate(t), t.gi_frame.f_back))
            out.append(next(t))
        except ValueError as e:
            out.append(("value", str(e)))
    return out


def fresh_none():
    # (None sent to a just-started generator: it starts)
    try:
        g = acc()
        first = g.send(None)
        second = g.send(4)
        last = g.send(None)
    except StopIteration as stop:
        return ("stop", first, second, stop.value)
    return ("no stop", last)


def lines():
    s = spy()
    try:
        next(s)
        s.send("a")
        x = 5
        s.send(x + 1)
    except StopIteration:
        print("unexpected")


def dropped():
    g = acc()
    next(g)
    try:
        g.send(Noisy("one"))
        print("after one")
        g.send(Noisy("two"))
        print("after two")
    except StopIteration:
        print("unexpected")


def self_sender(box):
    # (a generator body whose site meets itself: running)
    while True:
        v = yield
        me = box[0]
        try:
            me.send(v)
        except ValueError as e:
            print("running", e, me.gi_running)


def body_sender(targets):
    # (the site in a generator body: host locals)
    for t in targets:
        try:
            r = t.send(7)
        except StopIteration as stop:
            r = ("stop", stop.value)
        except TypeError as e:
            r = ("type", str(e), inspect.getgeneratorstate(t), t.gi_frame.f_back)
        yield r


def round_(k):
    started = acc()
    next(started)
    finished = acc()
    next(finished)
    try:
        finished.send(None)
    except StopIteration:
        pass
    held = Held()
    g = acc()
    next(g)
    Held.send = g.send
    targets = [started, acc(), finished, Sink(), held]
    print(drive(targets, [1, 2, k]))
    print(g.gi_frame.f_locals["total"], targets[3].got)
    del Held.send
    print(fresh_none())
    lines()
    dropped()
    box = []
    s = self_sender(box)
    box.append(s)
    try:
        next(s)
        s.send(k)
    except ValueError:
        print("unexpected")
    again = acc()
    next(again)
    print(list(body_sender([again, acc(), Sink(), again])))


for k in range(25):
    round_(k)
print("end")
