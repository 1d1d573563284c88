# The frame-switching opcodes, declared once in bytecodes.py (RETURN, CALL_PY,
# RESUME, DELEGATE) and END_ASYNC_FOR's two paths: each edge the derived
# handlers, the plain loop's own variants, fused groups and tier 2 take.
import sys
import asyncio


# CALL_METHOD: a guest method (meth set), a builtin method (meth NULL), no
# arguments, a static method, a bound method LOAD_METHOD did not unbind
class Box:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)
        return len(self.items)

    def none(self):
        return self.items

    @staticmethod
    def st(a, b):
        return a - b


b = Box()
for i in range(5):
    b.add(i)
    b.items.append(-i)
    b.items.sort()
print(b.none(), b.st(7, 2), Box.st(1, 2))
m = b.add
print(m(9), [].copy(), "x".join("ab"))

# CALL_FUNCTION: exact arity, defaults, a host callee, a class, a wrong arity
def two(a, b):
    return a * b

def dflt(a, b=3):
    return a + b

for i in range(4):
    print(two(i, 2), dflt(i), dflt(i, 1), len([i]), Box().add(i), end=" ")
print()
try:
    two(1)
except TypeError as e:
    print("TypeError", e)

# CALL_FUNCTION_KW: keywords after positionals, only keywords, unknown ones
def kw(a, b=2, *, c=3, **rest):
    return a, b, c, sorted(rest)

for i in range(3):
    print(kw(i, c=i), kw(b=i, a=0), kw(1, 2, c=3, z=4), dict(a=i))
try:
    two(1, c=2)
except TypeError as e:
    print("TypeError", e)

# RETURN_VALUE: from a frame, inside loops, through a finally
def ret(n):
    for i in range(n):
        if i == 2:
            return i
    try:
        return -1
    finally:
        print("finally", n)

print(ret(5), ret(1))

# FOR_ITER: a guest generator (resumed inline), an exhausted one, a host
# iterator, a generator raising, a generator finishing by return
def gen(n):
    for i in range(n):
        yield i
    return "done"

def boom():
    yield 1
    raise ValueError("boom")

total = 0
for x in gen(4):
    for y in gen(x):
        total += y
print(total, [x for x in gen(0)], list(iter([1, 2])))
g = gen(1)
print(next(g), list(g), list(g))
try:
    for v in boom():
        print("got", v)
except ValueError as e:
    print("ValueError", e)

# YIELD_FROM: a guest generator, a host iterator, values sent, a return
# value, a throw through the delegation, a non-generator iterator with send
def inner():
    x = yield 1
    y = yield x
    return (x, y)

def outer():
    r = yield from inner()
    s = yield from [10, 20]
    t = yield from iter(range(2))
    return r, s, t

o = outer()
print(next(o), o.send("a"), o.send("b"), next(o), next(o), next(o))
try:
    next(o)
except StopIteration as e:
    print("StopIteration", e.value)

def catcher():
    try:
        yield 1
    except KeyError as e:
        yield "caught %r" % e

def thrower():
    yield from catcher()

t = thrower()
print(next(t), t.throw(KeyError("k")))

class Sendable:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n)
        return self.n
    def send(self, v):
        return ("sent", v)

def via():
    r = yield from Sendable()
    return r

v = via()
print(next(v), v.send(5), v.send(None))

# END_ASYNC_FOR: StopAsyncIteration ends the loop (the handled exception
# restored), another exception is re-raised with the handler's saved state
async def agen(n):
    for i in range(n):
        yield i

class Bad:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise KeyError("anext")

async def main():
    out = []
    try:
        raise OSError("outer")
    except OSError:
        async for x in agen(3):
            out.append(x)
        out.append(repr(sys.exc_info()[1]))
        try:
            async for x in Bad():
                pass
        except KeyError as e:
            out.append(repr(e))
            out.append(repr(e.__context__))
        out.append(repr(sys.exc_info()[1]))
    out.append(sys.exc_info())
    return out

print(asyncio.run(main()))
