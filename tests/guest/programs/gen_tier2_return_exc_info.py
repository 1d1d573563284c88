# A tier-2 generator whose code has handlers (its exc_info item linked while it
# runs) returning: the thread's exc_info is the resumer's again afterwards,
# whoever resumed it (a for loop of a function or of a generator body, sum(),
# next(), yield from), inside and outside the resumer's own except clause;
# the generator's state after it returned (tier2gen's return path, which does
# _leave's work in the generated code).
import inspect
import sys


def handled(n):
    for i in range(n):
        try:
            if i == 1:
                raise KeyError(i)
            yield i
        except KeyError:
            yield -i
    return "done"


def plain(n):
    for i in range(n):
        yield i


def body_loop(n):
    # an inline FOR_ITER step over a generator with handlers (the slow branch)
    for v in handled(n):
        yield v
    yield sys.exc_info()[0]


def delegating(n):
    r = yield from handled(n)
    yield (r, sys.exc_info()[0])


def in_except(make):
    try:
        raise ValueError("outer")
    except ValueError:
        got = list(make())
        return got, sys.exc_info()[0].__name__


def outside(make):
    got = list(make())
    return got, sys.exc_info()


def for_loop(n):
    total = 0
    for v in handled(n):
        total += v
    return total, sys.exc_info()


def for_loop_in_except(n):
    try:
        raise OSError("x")
    except OSError:
        total = 0
        for v in handled(n):
            total += v
        return total, sys.exc_info()[0].__name__


def state_after():
    g = handled(2)
    for _ in g:
        pass
    return (inspect.getgeneratorstate(g), g.gi_frame, g.gi_running, g.gi_yieldfrom,
            sys.exc_info())


for rnd in range(40):
    results = [
        in_except(lambda: handled(3)),
        outside(lambda: handled(3)),
        in_except(lambda: body_loop(3)),
        outside(lambda: body_loop(3)),
        in_except(lambda: delegating(3)),
        outside(lambda: delegating(3)),
        for_loop(4),
        for_loop_in_except(4),
        sum(handled(5)),
        state_after(),
        in_except(lambda: plain(2)),
    ]
    if rnd in (0, 39):
        for r in results:
            print(r)
try:
    raise TypeError("t")
except TypeError:
    it = handled(2)
    print(next(it), next(it), sys.exc_info()[0].__name__)
    try:
        next(it)
    except StopIteration as e:
        print("stop", e.value, sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
