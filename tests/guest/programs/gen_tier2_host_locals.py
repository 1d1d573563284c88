# Generators whose bodies run in tier 2 keep their locals in host locals and are resumed
# by a for loop without the general resumption: their frames must still show the exact
# locals (running, suspended, finished, in tracebacks), gi_running/gi_suspended and f_back,
# and hand over to tier 1 with their locals at throw(), close() and a tracer.
import inspect
import sys


def peek(depth=1):
    f = sys._getframe(depth + 1)
    return f.f_code.co_name, sorted(k for k in f.f_locals if k != ".0")


def counter(n, log):
    total = 0
    for i in range(n):
        total += i
        label = "i%d" % i
        if i == n - 1:
            log.append(peek())
        yield total


def run_counter():
    log = []
    out = [v for v in counter(5, log)]
    print("counter", out, log)


def suspended_locals():
    g = counter(4, [])
    next(g)
    next(g)
    print("suspended", sorted(g.gi_frame.f_locals.items())[:3], inspect.getgeneratorstate(g))
    print("getgeneratorlocals", sorted(inspect.getgeneratorlocals(g))[:4])
    frame = g.gi_frame
    rest = list(g)
    print("rest", rest, g.gi_frame, inspect.getgeneratorstate(g))
    # (a frame held from before keeps the final locals)
    print("held frame", frame.f_locals.get("total"), frame.f_locals.get("label"))


def with_locals_call(n):
    acc = []
    for k in range(n):
        acc.append(k * k)
        yield sorted(locals()), len(acc)


def states(box):
    me = box[0]
    for k in range(3):
        f = sys._getframe()
        yield k, me.gi_running, inspect.getgeneratorstate(me), f.f_back.f_code.co_name


def consumer_of_states():
    box = []
    g = states(box)
    box.append(g)
    out = []
    for item in g:
        out.append((item, g.gi_running, g.gi_suspended))
    print("states", out)


def fails_at(n):
    for i in range(n):
        marker = i * 10
        if i == 2:
            raise KeyError("stop at %d" % marker)
        yield marker


def traceback_locals():
    try:
        for v in fails_at(5):
            pass
    except KeyError as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        f = tb.tb_frame
        print("raised", repr(e), f.f_code.co_name, tb.tb_lineno,
              sorted(f.f_locals.items()))


def returns(n):
    last = None
    for i in range(n):
        last = yield i
    return ("done", last, n)


def held_after_raise():
    g = fails_at(5)
    frame = g.gi_frame
    try:
        for v in g:
            pass
    except KeyError:
        pass
    print("held after raise", sorted(frame.f_locals.items()), g.gi_frame)


def return_value():
    g = returns(3)
    vals = [next(g)]
    vals.append(g.send("a"))
    vals.append(g.send("b"))
    try:
        g.send("c")
    except StopIteration as stop:
        print("returned", vals, stop.value)


def handles(n):
    seen = []
    for i in range(n):
        try:
            got = yield i
        except ValueError as e:
            seen.append((i, str(e)))
            print("handler sees", sorted(k for k in locals() if k != "e"), seen)
        finally:
            last = i
    yield ("end", seen, last)


def throw_and_close():
    g = handles(4)
    for v in g:
        if v == 1:
            print("throw ->", g.throw(ValueError("bad %d" % v)))
            break
    print("next ->", next(g))
    print("locals after throw", sorted(g.gi_frame.f_locals))
    g.close()
    print("closed", g.gi_frame, inspect.getgeneratorstate(g))


def closing(n, out):
    i = -1
    try:
        for i in range(n):
            yield i
    finally:
        out.append(("finally", i))


def close_mid_loop():
    out = []
    g = closing(10, out)
    for v in g:
        if v == 3:
            break
    g.close()
    print("close", out)


def cells(n):
    scale = 1
    get = lambda: scale
    for i in range(n):
        scale = i + 1
        yield get() * 10


def closures():
    print("cells", list(cells(4)))


def unbound(n):
    for i in range(n):
        if i == 1:
            del i
            print(i)
        yield i


def unbound_local():
    try:
        list(unbound(3))
    except UnboundLocalError as e:
        print("unbound", e)


def slow_tracer_gen(n):
    acc = 0
    for i in range(n):
        acc += i
        yield acc


def tracer_while_suspended():
    g = slow_tracer_gen(6)
    first = [next(g), next(g)]
    seen = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "slow_tracer_gen":
            seen.append((event, frame.f_lineno - slow_tracer_gen.__code__.co_firstlineno,
                         frame.f_locals.get("acc"), frame.f_locals.get("i")))
        return tracer

    sys.settrace(tracer)
    try:
        more = [next(g), next(g)]
    finally:
        sys.settrace(None)
    rest = list(g)
    print("traced", first, more, rest)
    print("events", seen)


def observer_mid_loop(n):
    total = 0
    for i in range(n):
        total += i
        if i == n // 2:
            caller = sys._getframe(1)
            print("mid-loop caller", caller.f_code.co_name, sorted(caller.f_locals)[:3])
            me = sys._getframe()
            print("mid-loop self", me.f_code.co_name, me.f_locals["total"], me.f_lineno - observer_mid_loop.__code__.co_firstlineno)
        yield total


def pipeline():
    out = 0
    for v in observer_mid_loop(7):
        out += v
    print("pipeline", out)


def nested(depth):
    if depth:
        for v in nested(depth - 1):
            yield v + 1
    else:
        yield len(sys._getframe().f_back.f_code.co_name)
        yield len(inspect.stack(0))


def nested_generators():
    print("nested", list(nested(6)))


def self_next(box):
    yield 1
    try:
        next(box[0])
    except ValueError as e:
        yield str(e)


def running_self():
    box = []
    g = self_next(box)
    box.append(g)
    print("self", [v for v in g])


def deep(n):
    for v in deep(n + 1):
        yield v
    yield n


def recursion():
    try:
        for v in deep(0):
            pass
    except RecursionError:
        print("RecursionError")


def gives(n, box):
    for i in range(n):
        me = box[0]
        yield i, me.gi_running, sys._getframe().f_back.f_code.co_name
    return "gave %d" % n


def builtins_resume():
    # (next() from builtins: sum, list, next itself, zip, dict)
    box = []
    g = gives(3, box)
    box.append(g)
    print("list", list(g))
    box[0] = g = gives(2, box)
    print("next", next(g), next(g))
    try:
        next(g)
    except StopIteration as e:
        print("stop", e.value, e.__context__, e.__cause__, e.args)
    box[0] = g = gives(4, box)
    print("zip", list(zip(g, "ab")), inspect.getgeneratorstate(g))
    print("sum", sum(x * x for x in range(6) if x % 2))
    try:
        sum(fails_at(4))
    except KeyError as e:
        print("sum raised", e, e.__context__)
    box[0] = g = gives(0, box)
    print("empty", list(g), next(g, "dflt"))


class LoggingGlobals(dict):
    """Globals that are not an exact dict: LOAD_GLOBAL asks __getitem__ first."""
    def __getitem__(self, key):
        self.setdefault("seen_", []).append(key)
        return dict.__getitem__(self, key)


_SRC = """
def odd_globals(n):
    for i in range(n):
        yield len(str(i)) + OFFSET
"""


def non_exact_globals():
    ns = LoggingGlobals(OFFSET=100)
    exec(_SRC, ns)
    gen_fn = dict.__getitem__(ns, "odd_globals")
    out = [list(gen_fn(3)) for _ in range(3)]
    g = gen_fn(2)
    first = next(g)
    print("odd globals", out, first, list(g), dict.get(ns, "seen_", [])[-6:])


for _ in range(40):
    run_counter()
    suspended_locals()
    print(list(with_locals_call(3)))
    consumer_of_states()
    traceback_locals()
    held_after_raise()
    return_value()
    throw_and_close()
    close_mid_loop()
    closures()
    unbound_local()
    pipeline()
    nested_generators()
    running_self()
    builtins_resume()
    non_exact_globals()
    print(list(slow_tracer_gen(3)))
tracer_while_suspended()
recursion()
tracer_while_suspended()
