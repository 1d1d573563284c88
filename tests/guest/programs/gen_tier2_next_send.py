# next() and send() of generators in tier 2 by every kind of resumer
# (Generator.__next__ and send are tier2gen's own functions): a builtin
# (sum, map, next with a default), host library code (heapq.merge,
# contextlib, itertools), a bound method kept and called later, send() into
# a generator not started, a finished one, one delegating by yield from, the
# frame's f_back while it runs and after, and the method objects' names.
import contextlib
import heapq
import itertools
import sys


def counter(n):
    for i in range(n):
        yield i


def running_back(n):
    for i in range(n):
        back = sys._getframe(1)
        yield back.f_code.co_name if back is not None else None


def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def inner_acc():
    got = []
    while True:
        v = yield len(got)
        if v is None:
            return got
        got.append(v)


def outer_acc():
    r = yield from inner_acc()
    yield "inner returned %r" % (r,)


def gen_frame_back():
    f = sys._getframe()
    yield f.f_back is not None
    yield f.f_back.f_code.co_name


def warm():
    for _ in range(60):
        sum(counter(5))
        a = acc()
        next(a)
        a.send(1)
        o = outer_acc()
        next(o)
        o.send(2)
        list(running_back(2))
        list(gen_frame_back())


def by_builtins():
    print("sum", sum(counter(10)))
    print("map next", list(map(next, [counter(3)] * 3)))
    g = counter(2)
    print("next default", next(g), next(g), next(g, "done"), next(g, "again"))
    nx = counter(3).__next__
    print("bound next", nx(), nx(), nx())
    try:
        nx()
    except StopIteration as e:
        print("StopIteration", e.value)


def by_host_code():
    print("merge", list(heapq.merge(counter(4), counter(3))))
    print("islice", list(itertools.islice(counter(100), 3, 6)))
    print("zip", list(zip(counter(3), running_back(3))))

    @contextlib.contextmanager
    def cm(tag):
        print("  enter", tag, sys._getframe(1).f_code.co_name)
        yield tag
        print("  exit", tag)
    for k in range(3):
        with cm(k) as t:
            print("  body", t)


def by_send():
    a = acc()
    try:
        a.send(5)
    except TypeError as e:
        print("TypeError", e)
    print("started", a.send(None))
    for v in range(1, 6):
        print("send", v, a.send(v))
    try:
        a.send(None)
    except StopIteration as e:
        print("returned", e.value)
    try:
        a.send(1)
    except StopIteration as e:
        print("finished", e.value)
    o = outer_acc()
    print("outer", next(o))
    for v in "xyz":
        print("outer send", v, o.send(v), o.gi_yieldfrom is not None)
    print("outer", o.send(None), o.gi_yieldfrom)
    snd = acc().send
    print("bound send", snd(None), snd(3), snd(4))


def frames():
    g = gen_frame_back()
    print("f_back suspended before", g.gi_frame.f_back)
    print("running has back", next(g))
    print("f_back suspended", g.gi_frame.f_back)
    print("caller", next(g))
    print("running_back", list(running_back(2)))
    r = running_back(1)
    print("by sum caller", sum(1 for x in r), r.gi_running)


def names():
    g = counter(1)
    print(type(g).__next__.__name__, type(g).send.__name__, g.__next__.__doc__)
    print(callable(g.send), g.__next__.__self__ is g)


warm()
by_builtins()
by_host_code()
by_send()
frames()
names()
