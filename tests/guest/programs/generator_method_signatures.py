# A generator's and a coroutine's send/throw/close/__next__ as CPython's C
# methods: their argument-count errors, qualified names and docs, hot (tier 2)
# and cold alike.


def gen():
    x = yield 1
    while True:
        x = yield x


def attempts(it):
    for call in (lambda: it.send(), lambda: it.send(1, 2), lambda: it.throw(),
                 lambda: it.throw(ValueError, None, None, None)):
        try:
            call()
        except TypeError as e:
            print("TypeError", e)


for round in range(300):
    it = gen()
    next(it)
    if round in (0, 299):
        attempts(it)
    it.send(round)
    it.close()

it = gen()
for name in ("__next__", "send", "throw", "close"):
    meth = getattr(it, name)
    print(name, meth.__name__, meth.__qualname__, getattr(type(it), name).__qualname__)
    print(repr(meth.__doc__))
it.close()


async def coro():
    return 5


co = coro()
for name in ("send", "throw", "close"):
    meth = getattr(co, name)
    print(name, meth.__qualname__, repr(meth.__doc__))
try:
    co.send()
except TypeError as e:
    print("TypeError", e)
try:
    co.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
