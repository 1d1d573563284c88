# A generator without handlers resumed inline (a generator body's for loop,
# ``gen.send`` in a frame-based function) that starts delegating, within that
# resumption, to generators with handlers (their exc_info items linked over the
# resumer's): sys.exc_info() in the resumer after each item and after the
# chain ends, inside and outside the resumer's own except clause, and in the
# generators of the chain; one that continues in tier 1 (a tracer set in it).
import sys


def with_handler(tag, n):
    for i in range(n):
        try:
            yield (tag, i, repr(sys.exc_info()[1]))
        except KeyError:
            yield (tag, "caught")
    try:
        raise LookupError(tag)
    except LookupError:
        yield (tag, "in except", repr(sys.exc_info()[1]))


def nested(tag):
    try:
        yield from with_handler(tag + "-in", 2)
    finally:
        pass


def plain_producer(k):
    yield ("p", 0)
    yield from with_handler("a", k)
    yield ("p", 1)
    yield from nested("b")
    yield ("p", 2)


def consumer(k):
    for v in plain_producer(k):
        yield (v, repr(sys.exc_info()[1]))
    try:
        raise ValueError("consumer")
    except ValueError:
        for v in plain_producer(k):
            yield (v, repr(sys.exc_info()[1]))
        yield ("after", repr(sys.exc_info()[1]))
    yield ("end", repr(sys.exc_info()[1]))


def send_all(g, out):
    try:
        while True:
            out.append((g.send(None), repr(sys.exc_info()[1])))
    except StopIteration:
        out.append(("stop", repr(sys.exc_info()[1])))


def sender(k):
    g = plain_producer(k)
    out = [next(g)]
    send_all(g, out)
    g = plain_producer(k)
    out.append(next(g))
    try:
        raise IndexError("sender")
    except IndexError:
        send_all(g, out)
    out.append(("out", repr(sys.exc_info()[1])))
    return out


def traced_producer():
    yield 1
    sys.settrace(lambda frame, event, arg: None)
    yield from with_handler("t", 1)
    sys.settrace(None)
    yield 2


def traced_consumer():
    try:
        raise KeyError("tc")
    except KeyError:
        for v in traced_producer():
            yield (v, repr(sys.exc_info()[1]))


for k in range(30):
    out = list(consumer(k % 3))
    if k % 10 == 0:
        print(out)
    out = sender(k % 3)
    if k % 10 == 1:
        print(out)
print(list(traced_consumer()))
print(repr(sys.exc_info()[1]))
