# A generator body's for loop over another generator resumes it inline in tier 2
# (tier2gen._GenFunction.emit_gen_step): the producer must still see itself running,
# its frame's f_back must be the consumer's frame while it runs and None while it is
# suspended, its RecursionError, exceptions and tracebacks must pass through the
# consumer, a producer that starts delegating (yield from) or is handed to tier 1 (a
# tracer) in the middle of one resumption must come back with the right value, and the
# thread's current frame must be the consumer's again after every item.
import sys
import traceback

ROUNDS = 300        # (enough items for every mode's tier 2 to take the loops)


def observed(n, log):
    me = None
    for i in range(n):
        if i == n - 1:
            f = sys._getframe()
            log.append((f.f_code.co_name, f.f_back.f_code.co_name,
                        f.f_back.f_back.f_code.co_name))
            log.append(("running", me_running()))
        yield i


def me_running():
    # (the producer, looked up from its own frame's caller chain: running now)
    g = GENS[-1]
    return g.gi_running, g.gi_frame.f_back is not None


GENS = []


def consumer(it, log):
    total = 0
    for v in it:
        total += v
        if v == 1:
            g = GENS[-1]
            log.append(("suspended", g.gi_running, g.gi_frame.f_back,
                        sys._getframe().f_code.co_name))
    yield total


def run_observed():
    log = []
    g = observed(ROUNDS, log)
    GENS.append(g)
    print("observed", list(consumer(g, log)), log)
    GENS.pop()


def failing(n):
    for i in range(n):
        if i == n - 1:
            raise KeyError("item %d" % i)
        yield i


def passing(it):
    for v in it:
        yield v * 2


def run_failing():
    try:
        sum(passing(failing(ROUNDS)))
    except KeyError as e:
        names = [fs.name for fs in traceback.extract_tb(e.__traceback__)]
        print("failing", e, names)
    print("depth after", len(traceback.extract_stack()) > 0, sys._getframe().f_code.co_name)


def stopping(n):
    for i in range(n):
        yield i
    return "done"


def returned_value(it):
    count = 0
    for v in it:
        count += 1
    yield count, sys._getframe().f_code.co_name


def room(k=0):
    try:
        return room(k + 1)
    except RecursionError:
        return k


def headroom(it):
    # (many items in one resumption of the consumer: the thread's depth and
    # re-entry count must come back after each, not only when it yields)
    before = room()
    count = 0
    for v in it:
        count += 1
    yield count, before == room()


def run_returned():
    print("returned", list(returned_value(stopping(ROUNDS))))
    print("headroom", list(headroom(stopping(2500))))


SUBS = []


def sub(k):
    SUBS.append(sys._getframe())
    yield k
    yield -k


def after_sub(it):
    # (a producer that started delegating in this resumption: the delegate
    # is suspended again, its frame's f_back None)
    for v in it:
        if SUBS:
            f = SUBS.pop()
            yield v, f.f_back is None, f.f_lineno
        else:
            yield v, None, None


def starts_delegating(n):
    for i in range(n):
        if i % 100 == 99:
            yield from sub(i)
        else:
            yield i


def run_delegating():
    out = list(passing(starts_delegating(ROUNDS)))
    print("delegating", len(out), sum(out), out[98:102])
    print("delegating", list(after_sub(starts_delegating(ROUNDS)))[98:102])


def tracer(frame, event, arg):
    return None


def traced_midway(n):
    for i in range(n):
        if i == n // 2:
            sys.settrace(tracer)
        yield i


def run_traced():
    try:
        out = list(passing(traced_midway(ROUNDS)))
    finally:
        sys.settrace(None)
    print("traced", len(out), sum(out), out[ROUNDS // 2 - 1:ROUNDS // 2 + 2])


def deep(level, n):
    if level == 0:
        for i in range(n):
            yield i
        return
    for v in deep(level - 1, n):
        yield v + 1


def run_recursion():
    print("nested", sum(deep(30, ROUNDS)))
    try:
        sum(deep(sys.getrecursionlimit() + 10, 3))
    except RecursionError as e:
        print("recursion", type(e).__name__, str(e)[:40])
    print("after recursion", sum(deep(5, 10)))


def handled(n):
    for i in range(n):
        try:
            if i % 50 == 0:
                raise ValueError(i)
        except ValueError as e:
            yield -1, sys.exc_info()[0].__name__
        else:
            yield i, sys.exc_info()[0]


def exc_consumer(it):
    for v, info in it:
        yield v, info, sys.exc_info()[0]


def run_handled():
    try:
        raise OSError("outer")
    except OSError:
        out = list(exc_consumer(handled(ROUNDS)))
    print("handled", len(out), out[:2], out[50:52], sys.exc_info()[0])


def already_running():
    def producer():
        yield next(me[0], "no")
        yield 2

    def use(it):
        for v in it:
            yield v
    me = [None]
    g = producer()
    me[0] = g
    try:
        print("already", list(use(g)))
    except ValueError as e:
        print("already", e)


for _ in range(3):
    run_observed()
    run_failing()
    run_returned()
    run_delegating()
    run_traced()
    run_recursion()
    run_handled()
    already_running()


# gen.send(v) called by tier-2 code (tier2._emit_call's direct path to the
# resumption): values, the returned value, errors, a handled exception around it.
def averager():
    total = count = 0
    while True:
        v = yield (total / count if count else None)
        if v is None:
            return total, count
        if v == "boom":
            raise LookupError("boom at %d" % count)
        total += v
        count += 1


def run_send():
    acc = averager()
    print("send first", acc.send(None))
    last = None
    for v in range(ROUNDS):
        last = acc.send(v)
    print("send last", last)
    try:
        acc.send(None)
    except StopIteration as stop:
        print("send returned", stop.value, stop.__context__)
    try:
        acc.send(1)
    except StopIteration as stop:
        print("send after end", stop.value)
    fresh = averager()
    try:
        fresh.send(5)
    except TypeError as e:
        print("send fresh", e)
    acc = averager()
    acc.send(None)
    for v in range(5):
        acc.send(v)
    try:
        acc.send("boom")
    except LookupError as e:
        print("send raised", e, [fs.name for fs in traceback.extract_tb(e.__traceback__)])
    acc = averager()
    acc.send(None)
    try:
        raise KeyError("handled")
    except KeyError:
        # (inside an except clause: the general call path)
        print("send handled", acc.send(4), acc.send(6), sys.exc_info()[0].__name__)

    def selfsend():
        yield me[0].send(None)
    me = [selfsend()]
    try:
        next(me[0])
    except ValueError as e:
        print("send running", e)


for _ in range(3):
    run_send()
