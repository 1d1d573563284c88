# Builtins that consume a generator (sum, list, tuple, min, max, any, all, set,
# frozenset, dict) resumed by evalframe without Generator.__next__ per item
# (tier2gen.consume): values, the generator's state inside and between items
# (gi_running, f_back, the frames a callee sees), the generator resumed, finished,
# thrown into or delegated to by guest code the builtin runs between items, a
# tracer attached between items, exceptions and tracebacks through the builtin,
# a builtin raising for an item or stopping early (the generator left suspended,
# finalised when dropped), the items' lifetime, chains (yield from), generators
# with handlers, calls inside an except clause, callers in tier 1 and in tier 2.
import sys
import traceback

ROUNDS = 40     # (enough calls for the callers and the generators to be hot)


def numbers(n):
    for i in range(n):
        yield i


def squares(n):
    return (i * i for i in range(n))


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)


def values():
    # (every consuming builtin, over plain and chained generators)
    out = []
    out.append(sum(numbers(10)))
    out.append(list(numbers(5)))
    out.append(tuple(numbers(4)))
    out.append(min(numbers(6)))
    out.append(max(numbers(6)))
    out.append(any(numbers(3)))
    out.append(all(numbers(3)))
    out.append(sorted(set(numbers(5))))
    out.append(sorted(frozenset(numbers(5))))
    out.append(dict((i, i * 2) for i in range(3)))
    out.append(sum(squares(7)))
    out.append(sum(tree(4)))
    out.append(list(tree(2)))
    out.append(max(tree(3)))
    out.append(sum(numbers(0)))
    out.append(list(numbers(0)))
    return out


def values_guarded():
    # (the same from code with a handler: frame-based tier 2)
    try:
        return [sum(numbers(10)), list(tree(2)), min(numbers(3)), any(numbers(0))]
    except ValueError:
        return None


def run_values():
    for k in range(ROUNDS):
        a = values()
        b = values_guarded()
    print("values", a)
    print("values guarded", b)
    print("module level", sum(numbers(10)), list(tree(1)), max(squares(5)))


# -- the generator's state inside, and between items -------------------------------

LOG = []
CURRENT = []


def watched(n):
    g = CURRENT[-1]
    for i in range(n):
        f = sys._getframe()
        LOG.append(("in", i, g.gi_running, f.f_back.f_code.co_name,
                    f.f_back.f_back.f_code.co_name if f.f_back.f_back else None,
                    g.gi_frame is f))
        yield Probe(i)


class Probe:
    """An item whose addition looks at the generator between items."""

    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        g = CURRENT[-1]
        f = sys._getframe()
        LOG.append(("between", self.v, g.gi_running, g.gi_frame.f_back,
                    g.gi_frame.f_lineno, f.f_back.f_code.co_name))
        return other + self.v

    def __lt__(self, other):
        g = CURRENT[-1]
        LOG.append(("lt", self.v, other.v, g.gi_running, g.gi_frame.f_back))
        return self.v < other.v

    def __hash__(self):
        g = CURRENT[-1]
        LOG.append(("hash", self.v, g.gi_running))
        return self.v

    def __eq__(self, other):
        return self.v == other.v

    def __bool__(self):
        g = CURRENT[-1]
        LOG.append(("bool", self.v, g.gi_running, g.gi_frame.f_back))
        return self.v < 2


def consumer_of_watched(kind):
    g = watched(3)
    CURRENT.append(g)
    if kind == "sum":
        r = sum(g)
    elif kind == "min":
        r = min(g).v
    elif kind == "max":
        r = max(g).v
    elif kind == "set":
        r = sorted(p.v for p in set(g))
    else:
        r = all(g)
    CURRENT.pop()
    return r


def run_state():
    for kind in ("sum", "min", "max", "set", "all"):
        for k in range(ROUNDS):
            del LOG[:]
            r = consumer_of_watched(kind)
        print("state", kind, r)
        for entry in LOG:
            print("   ", entry)
    # (a caller run once, in tier 1 where tier 2 waits for hot code, of a
    # generator whose code is hot by now)
    for make in (sum, list, tuple, set, frozenset, max, any):
        del LOG[:]
        r = called_once(make)
        print("called once", make.__name__, r)
        for entry in LOG:
            print("   ", entry)


def called_once(make):
    g = watched(3)
    CURRENT.append(g)
    r = make(g)
    CURRENT.pop()
    return r if make is sum or make is any else sorted(p.v for p in r) if make is not max else r.v


# -- guest code between items resuming, finishing, throwing into the generator -----

class Meddler:
    def __init__(self, v, action):
        self.v = v
        self.action = action

    def __radd__(self, other):
        g = CURRENT[-1]
        if self.v == 2:
            act = self.action
            if act == "next":
                LOG.append(("took", next(g).v))
            elif act == "drain":
                LOG.append(("drained", [m.v for m in g]))
            elif act == "throw":
                try:
                    LOG.append(("thrown", g.throw(KeyError("in")).v))
                except KeyError as e:
                    LOG.append(("throw escaped", repr(e)))
            elif act == "close":
                g.close()
                LOG.append(("closed", g.gi_frame))
            elif act == "delegate":
                outer = delegator(g)
                LOG.append(("delegated", next(outer).v, g.gi_running, g.gi_yieldfrom))
                CURRENT.append(outer)
        return other + self.v


def meddled(n, action):
    for i in range(n):
        try:
            yield Meddler(i, action)
        except KeyError as e:
            LOG.append(("caught", repr(e)))
            yield Meddler(100, action)


def meddled_plain(n, action):
    for i in range(n):
        yield Meddler(i, action)


def delegator(g):
    yield from g


def run_meddling():
    for make in (meddled, meddled_plain):
        for action in ("next", "drain", "throw", "close", "delegate"):
            for k in range(ROUNDS):
                del LOG[:]
                g = make(6, action)
                CURRENT.append(g)
                try:
                    r = sum(g)
                except Exception as e:
                    r = "%s: %s" % (type(e).__name__, e)
                if action == "delegate":
                    outer = CURRENT.pop()
                    rest = [m.v for m in outer]
                else:
                    rest = None
                CURRENT.pop()
            print("meddling", make.__name__, action, r, LOG, rest,
                  g.gi_frame is None, g.gi_running)


# -- a tracer attached between items -------------------------------------------------

EVENTS = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("traced_items", "traced_sum"):
        EVENTS.append((frame.f_code.co_name, event, frame.f_lineno,
                       frame.f_back.f_code.co_name if frame.f_back else None))
    return tracer


class Attacher:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        if self.v == 3:
            sys.settrace(tracer)
        return other + self.v


def traced_items(n):
    for i in range(n):
        yield Attacher(i)
    yield 1000


def traced_sum(n):
    return sum(traced_items(n))


def run_tracer():
    for k in range(ROUNDS):
        del EVENTS[:]
        r = traced_sum(6)
        sys.settrace(None)
    print("tracer", r)
    for e in EVENTS:
        print("   ", e)


# -- exceptions and tracebacks through the builtin -----------------------------------

def failing(n):
    for i in range(n):
        if i == n - 1:
            raise ValueError("item %d" % i)
        yield i


def stops(n):
    for i in range(n):
        yield i
    raise StopIteration("leaked")


def consume_failing(n):
    return sum(failing(n))


def consume_chain_failing():
    def inner():
        yield 1
        raise KeyError("inner")

    def outer():
        yield 0
        yield from inner()
    return list(outer())


def show(e):
    print("   ", type(e).__name__, e, repr(e.__context__), repr(e.__cause__))
    for fs in traceback.extract_tb(e.__traceback__):
        print("       ", fs.name, fs.lineno, fs.line)


def run_exceptions():
    for k in range(ROUNDS):
        try:
            consume_failing(5)
        except ValueError as e:
            err = e
        try:
            list(stops(3))
        except RuntimeError as e:
            err2 = e
        try:
            consume_chain_failing()
        except KeyError as e:
            err3 = e
    print("exceptions")
    show(err)
    show(err2)
    show(err3)
    print("    cause is StopIteration", type(err2.__cause__).__name__)
    try:
        try:
            raise OSError("handled")
        except OSError:
            consume_failing(3)
    except ValueError as e:
        print("    in except clause")
        show(e)
    try:
        try:
            raise OSError("handled")
        except OSError:
            print("    exc_info inside", list(exc_info_inside(2)))
            print("    sum inside", sum(numbers(4)))
    except ValueError:
        pass
    print("    exc_info outside", list(exc_info_inside(2)))


def exc_info_inside(n):
    for i in range(n):
        yield repr(sys.exc_info()[1])


# -- a builtin raising for an item, or stopping early ---------------------------------

ORDER = []


def guarded(n, bad):
    try:
        for i in range(n):
            ORDER.append(("yield", i))
            yield bad if i == 2 else i
    finally:
        ORDER.append(("finally", n))


def bare(n, bad):
    for i in range(n):
        ORDER.append(("yield", i))
        yield bad if i == 2 else i


def sum_raises(g, tag):
    # (handled here: a function that handled an exception keeps its locals
    # alive until it returns, a known gap of evalframe's)
    try:
        sum(g)
    except TypeError as e:
        ORDER.append((tag, str(e), g.gi_running, g.gi_frame is not None))


def run_builtin_raises():
    for make in (guarded, bare):
        for k in range(ROUNDS):
            del ORDER[:]
            g = make(5, "x")
            sum_raises(g, "sum raised")
            ORDER.append(("resumed", next(g)))
            ORDER.append(("any", any(g)))
            ORDER.append(("after any", g.gi_frame is not None))
            del g
            ORDER.append("dropped")
            sum_raises(make(4, "x"), "unheld raised")
            ORDER.append(("any unheld", any(make(5, 0))))
            ORDER.append(("all unheld", all(make(5, 0))))
        print("builtin raises", make.__name__, ORDER)


# -- the items' lifetime -----------------------------------------------------------

class Noisy:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        ORDER.append(("add", self.v))
        return other + self.v

    def __del__(self):
        ORDER.append(("del", self.v))


def noisy(n):
    for i in range(n):
        ORDER.append(("make", i))
        yield Noisy(i)
    ORDER.append("end")


def run_lifetime():
    for k in range(ROUNDS):
        del ORDER[:]
        r = sum(noisy(4))
    print("lifetime", r, ORDER)
    del ORDER[:]
    print("lifetime list", [x.v for x in list(noisy(2))], ORDER)


# -- the innermost frame of a chain, a generator finished by guest code between items

def frames_here():
    # (the generators' frames from the caller's f_back, and the frame below them)
    f = sys._getframe(1)
    names = []
    while f is not None and f.f_code.co_name == "watched_tree":
        names.append(f.f_locals["depth"])
        f = f.f_back
    return tuple(names), f.f_code.co_name


def watched_tree(depth):
    # (each level looks at the frames again after each of its yields: resumed
    # as the innermost level of a chain)
    if depth == 0:
        yield frames_here()
        yield frames_here()
        return
    yield frames_here()
    yield from watched_tree(depth - 1)
    yield frames_here()
    yield from watched_tree(depth - 1)


def chain_frames():
    return list(watched_tree(3)), max(watched_tree(2))


class Drainer:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        if self.v == 2:
            ORDER.append(("drained", [d.v for d in CURRENT[-1]]))
        return other + self.v


def holding(n):
    keep = Noisy(-1)
    for i in range(n):
        yield Drainer(i)
    ORDER.append(("finished", keep.v))


def drained_between():
    g = holding(5)
    CURRENT.append(g)
    r = sum(g)
    CURRENT.pop()
    ORDER.append(("sum returned", r))


def run_chains():
    for k in range(3 * ROUNDS):
        r = chain_frames()
        del ORDER[:]
        drained_between()
    print("chain frames", r)
    print("drained between", ORDER)


# -- deep callers, a rebound name, threads of other kinds -------------------------

def deep(k, n):
    if k == 0:
        return sum(numbers(n))
    return deep(k - 1, n)


def room(k=0):
    try:
        return room(k + 1)
    except RecursionError:
        return k


def run_misc():
    for k in range(ROUNDS):
        r = deep(50, 5)
    before = room()
    print("deep", r, before == room())

    def at_limit(k):
        try:
            return at_limit(k + 1)
        except RecursionError:
            return sum(numbers(3))
    print("at limit", at_limit(0))

    global sum
    real = sum
    sum = lambda it: "rebound %d" % real(it)
    try:
        for k in range(ROUNDS):
            r = values()[0]
        print("rebound", r)
    finally:
        del sum

    def suspended_states():
        g = numbers(5)
        next(g)
        return sum(g), g.gi_frame
    print("started first", suspended_states())

    def running_self():
        g = None

        def gen():
            yield 1
            try:
                yield sum(g)
            except ValueError as e:
                yield str(e)
        g = gen()
        return list(g)
    print("running self", running_self())

    import threading
    out = []

    def worker():
        out.append(sum(tree(3)))
        out.append(threading.current_thread().name == "worker")
    t = threading.Thread(target=worker, name="worker")
    t.start()
    t.join()
    print("thread", out)

    # (the generator resumed by another thread between two items, still
    # running there when the builtin asks for the next one)
    entered = threading.Event()
    release = threading.Event()
    log = []

    class Handover:
        def __init__(self, v):
            self.v = v

        def __radd__(self, other):
            if self.v == 1:
                t = threading.Thread(target=lambda: log.append(("other", next(shared).v)))
                holder.append(t)
                t.start()
                entered.wait()
            return other + self.v

    def blocking(n):
        for i in range(n):
            if i == 2:
                entered.set()
                release.wait()
                log.append(("resumer", sys._getframe().f_back.f_code.co_name))
            yield Handover(i)

    holder = []
    for k in range(ROUNDS):
        entered.clear()
        release.clear()
        del holder[:]
        shared = blocking(5)
        try:
            log.append(("sum", sum(shared)))
        except ValueError as e:
            log.append(("sum raised", str(e)))
        release.set()
        for t in holder:
            t.join()
        log.append(("after", [h.v for h in shared]))
    print("other thread", log[-4:])


run_values()
run_state()
run_meddling()
run_tracer()
run_exceptions()
run_builtin_raises()
run_lifetime()
run_chains()
run_misc()
