# Generator send/throw/close, GeneratorExit, values of yield expressions.
def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
                print("  got", v)
                received.append(v)
            except KeyError as e:
                print("  handled thrown KeyError", e)
                yield "recovered"
    except GeneratorExit:
        print("  GeneratorExit, received", received)
        raise
    finally:
        print("  finally in echo")
g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.throw(KeyError("k")))
print(next(g))
g.close()
g.close()
print("closed")
try:
    g.send(1)
except StopIteration:
    print("StopIteration after close")
g2 = echo()
try:
    g2.send("not None")
except TypeError as e:
    print("TypeError:", e)
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return avg
        total += value
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 30, 40]:
    print("avg", a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
ig = ignores_exit()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def throw_unhandled():
    yield 1
    yield 2
t = throw_unhandled()
next(t)
try:
    t.throw(ValueError("unhandled"))
except ValueError as e:
    print("propagated", e)
print(next(t, "dead"))
t2 = throw_unhandled()
try:
    t2.throw(IndexError("before start"))
except IndexError as e:
    print("thrown before start:", e)
def close_returns():
    try:
        yield
    except GeneratorExit:
        print("  cleanup on close")
c = close_returns()
next(c)
print(c.close())
def yield_in_expression():
    x = (yield 1) + (yield 2)
    yield x * 10
ye = yield_in_expression()
print(next(ye), ye.send(3), ye.send(4))
