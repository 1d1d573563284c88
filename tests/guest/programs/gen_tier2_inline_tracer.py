# A tracer attached (sys.settrace) in the middle of a loop that resumes a
# generator inline once both are hot in tier 2, by the loop or by the
# generator itself between two resumptions: a ``for`` loop in a generator
# body, a ``for`` loop and ``g.send(v)`` in a function with a handler (the
# frame-based shape): every resumption after it is a 'call' of the
# generator's frame, its lines and its 'return' traced, as in CPython (the
# inline sites test the thread's t2_inl, which attaching a tracer zeroes),
# and the loops go on untraced once the tracer is removed.
import sys

events = []


def tracer(frame, event, arg):
    code = frame.f_code
    if code.co_name in ("producer", "acc", "items"):
        events.append((event, code.co_name, frame.f_lineno - code.co_firstlineno))
        return tracer
    return None


def producer(n, attach_at=-1, detach_at=-1):
    for i in range(n):
        if i == attach_at:
            sys.settrace(tracer)
        if i == detach_at:
            sys.settrace(None)
        yield i


def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def gen_consumer(gen, attach_at, detach_at):
    # (a generator body: its for loop resumes ``gen`` inline)
    for v in gen:
        if v == attach_at:
            sys.settrace(tracer)
        if v == detach_at:
            sys.settrace(None)
        yield v * 2


def framed(n, attach_at, detach_at):
    # (a handler: the frame-based shape, its for loop and send site inline)
    total = 0
    a = acc()
    next(a)
    try:
        for v in producer(n):
            if v == attach_at:
                sys.settrace(tracer)
            if v == detach_at:
                sys.settrace(None)
            total += a.send(v)
    except ZeroDivisionError:
        total = -1
    try:
        a.send(None)
    except StopIteration as stop:
        total += stop.value
    return total


def framed_own(n, attach_at, detach_at):
    total = 0
    try:
        for v in producer(n, attach_at, detach_at):
            total += v
    except ZeroDivisionError:
        total = -1
    return total


class Item:
    # attaches or removes the tracer where the loop reads its value (a
    # property: no call site's tracer test after it) or drops it (a finalizer)
    def __init__(self, i, on_read, on_drop):
        self.i = i
        self.on_read = on_read
        self.on_drop = on_drop

    @property
    def value(self):
        if self.on_read is not None:
            sys.settrace(self.on_read[0])
        return self.i

    def __del__(self):
        if self.on_drop is not None:
            sys.settrace(self.on_drop[0])


def items(n, attach_at, detach_at, by_read):
    for i in range(n):
        hook = (tracer,) if i == attach_at else (None,) if i == detach_at else None
        yield Item(i, hook if by_read else None, None if by_read else hook)


def item_consumer(gen):
    for v in gen:
        yield v.value


def framed_items(gen):
    total = 0
    try:
        for v in gen:
            total += v.value
    except ZeroDivisionError:
        total = -1
    return total


def run(rounds, n, attach_at, detach_at):
    out = []
    for _ in range(rounds):
        out.append(sum(gen_consumer(producer(n), attach_at, detach_at)))
        out.append(framed(n, attach_at, detach_at))
        # (attached and removed by the generator itself, between two of its
        # resumptions by the loop)
        out.append(sum(gen_consumer(producer(n, attach_at, detach_at), -1, -1)))
        out.append(framed_own(n, attach_at, detach_at))
        # (attached by guest code the loop runs with no call of its own: a
        # property read, a finalizer)
        for by_read in (True, False):
            out.append(sum(item_consumer(items(n, attach_at, detach_at, by_read))))
            out.append(framed_items(items(n, attach_at, detach_at, by_read)))
    return out


# warm: the shapes hot (tier 2 in the default mode), no tracer
print(run(60, 50, -1, -1)[-8:])
# a tracer attached at item 40 of 50 and removed at item 45, by the loop and
# by the generator, in each shape
events.clear()
print(run(1, 50, 40, 45))
sys.settrace(None)
print(len(events))
for e in events:
    print(*e)
# and not traced afterwards
events.clear()
print(run(3, 50, -1, -1)[-8:], len(events))
