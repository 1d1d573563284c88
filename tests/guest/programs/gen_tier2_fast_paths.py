# The fast paths of generators in tier 2 (interpreter/tier2gen.py): a
# generator made directly by a tier-2 call (new_generator: defaults, closures,
# wrong arities, keywords), the exc_info item of a generator without handlers
# left unlinked while it runs (what sys.exc_info() and __context__ see inside
# and outside it, in a delegation chain too), a loop of a function entering
# tier 2 over a generator made while its code was cold, and a generator
# suspended by one thread and resumed by another.
import sys
import threading


def warm(fn, *args):
    for _ in range(40):
        for _ in fn(*args):
            pass


# -- made directly by a tier-2 call -------------------------------------------------

def upto(n, step=1):
    i = 0
    while i < n:
        yield i
        i += step


def make_counter(base):
    def count(k):
        for i in range(k):
            yield base + i
    return count


def with_cell(n):
    # (a cell of its own: not the fast shape, the general path makes it)
    def get():
        return n
    yield get()
    n += 1
    yield get()


def callers():
    out = []
    for _ in range(30):
        out.append(sum(upto(10)) + sum(upto(10, 3)))
        out.append(list(make_counter(100)(3)))
        out.append(list(with_cell(7)))
    print(out[-3:])
    for bad in ((), (1, 2, 3)):
        try:
            upto(*bad)
        except TypeError as e:
            print("TypeError:", e)
    print(list(upto(n=4)), list(upto(5, step=2)))
    g = upto(3)
    print(type(g).__name__, g.__name__, sorted(g.gi_frame.f_locals.items()), g.gi_running, list(g),
          g.gi_frame)


warm(upto, 3)
callers()
callers()


# -- exc_info: a generator without handlers ---------------------------------------

def current():
    return repr(sys.exc_info()[1])


def no_handlers(n):
    for i in range(n):
        yield current()
        helper_raises_inside(i)
        yield current()


def helper_raises_inside(i):
    try:
        raise KeyError(i)
    except KeyError:
        pass


def raises_through(n):
    yield n
    raise ValueError("from the generator")


def with_handler():
    try:
        raise IndexError("held by the generator")
    except IndexError:
        yield current()
        yield from no_handlers(1)
        yield current()
    yield current()


def exc_info_checks():
    for _ in range(30):
        list(no_handlers(2))
        list(with_handler())
    g = no_handlers(2)
    print("outside:", next(g), next(g), current())
    try:
        raise LookupError("the consumer's")
    except LookupError:
        print("inside the consumer's handler:", next(g), next(g), current())
    print("after:", current())
    h = raises_through(1)
    next(h)
    try:
        raise OSError("handled while resuming")
    except OSError:
        try:
            next(h)
        except ValueError as e:
            print("context:", repr(e.__context__))
    w = with_handler()
    print("chain:", next(w), current())
    print("chain:", next(w), current())
    print("chain:", next(w), current())
    try:
        raise RuntimeError("outer")
    except RuntimeError:
        print("chain:", next(w), current())
    print("chain:", list(w), current())


warm(no_handlers, 1)
warm(with_handler)
exc_info_checks()


# -- a loop entering tier 2 over a generator made while its code was cold -------------

def cold_source(n):
    for i in range(n):
        yield i * i


def consume_once(n):
    total = 0
    count = 0
    for v in cold_source(n):
        total += v
        count += 1
    return total, count


print(consume_once(3000))


# -- suspended by one thread, resumed by another --------------------------------------

def where():
    return "%s<%s" % (sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name)


def across(n):
    for i in range(n):
        got = yield (i, threading.current_thread().name, sys._getframe(1).f_code.co_name,
                     where())
        if got:
            print("got", got)


for _ in range(40):
    where()
warm(across, 2)
g = across(6)
seen = [next(g), next(g)]


def resume_elsewhere():
    seen.append(next(g))
    seen.append(g.send("sent"))


t = threading.Thread(target=resume_elsewhere, name="other")
t.start()
t.join()
seen.append(next(g))
print(seen, list(g))


# -- resumed by host Python code and by a builtin ----------------------------------

import contextlib


@contextlib.contextmanager
def managed(tag):
    names = [sys._getframe(1).f_code.co_name]
    yield tag
    names.append(sys._getframe(1).f_code.co_name)
    if tag:
        print("resumed from", names, tag)


def resumer_names(n):
    for i in range(n):
        yield sys._getframe(1).f_code.co_name


for _ in range(40):
    with managed(0):
        pass
    list(resumer_names(2))
with managed("hot") as t:
    print("body", t)
print(list(resumer_names(2)), sum(1 for _ in resumer_names(3)), next(resumer_names(1)))
