# The generator type and its family are immutable, as CPython's static types:
# setting or deleting an attribute of type(g) (send, __next__, throw, a new
# name), of the coroutine and async generator types and their awaitables
# raises TypeError, and generators (resumed by tier 2's for loops and
# ``x.send(v)`` sites once hot) keep their own methods afterwards.

def counter(n):
    total = 0
    for i in range(n):
        v = yield i
        if v is not None:
            total += v
    return total


def try_set(cls, name, value):
    try:
        setattr(cls, name, value)
    except TypeError as e:
        print("set", name, "TypeError:", e)
    else:
        print("set", name, "allowed")


def try_del(cls, name):
    try:
        delattr(cls, name)
    except (TypeError, AttributeError) as e:
        print("del", name, type(e).__name__ + ":", e)
    else:
        print("del", name, "allowed")


def replacement(self, *args):
    return "replaced"


def drive(rounds):
    # a for loop and a send site over exact generators (tier 2 once hot)
    out = []
    for _ in range(rounds):
        g = counter(5)
        out.append(next(g))
        for _ in range(3):
            out.append(g.send(2))
        out.append(sum(counter(4)))
        try:
            g.send(1)
            g.send(1)
        except StopIteration as stop:
            out.append(("stop", stop.value))
    return out


G = type(counter(1))
print(G.__name__, bool(G.__flags__ & (1 << 8)))
for name in ("send", "__next__", "throw", "close", "__iter__", "brand_new"):
    try_set(G, name, replacement)
for name in ("send", "__next__", "gi_frame", "brand_new"):
    try_del(G, name)

for rounds in (1, 40, 40):
    r = drive(rounds)
    print(len(r), r[:8], r[-1])

g = counter(3)
print(next(g), g.send(5), g.send(None))
print(G.send.__name__, G.__next__.__qualname__, type(G) is type)


async def coro():
    return 1


async def agen():
    yield 1


c = coro()
a = agen()
for obj in (c, c.__await__(), a, a.asend(None), a.athrow(ValueError)):
    cls = type(obj)
    print(cls.__name__, bool(cls.__flags__ & (1 << 8)))
    try_set(cls, "send", replacement)
    try_set(cls, "brand_new", 1)
    try_del(cls, "send")
    if hasattr(obj, "close"):
        obj.close()
c.close()
