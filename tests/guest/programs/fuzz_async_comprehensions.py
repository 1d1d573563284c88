# Found by python3 -m evalframe.fuzz: async comprehensions leave no frame of their
# own in 3.12+ tracebacks (PEP 709), and UnboundLocalError has no .name (so no
# "Did you mean" on 3.12+); the last error is left uncaught for the traceback.
import asyncio


async def agen(n):
    for i in range(n):
        yield i
    raise KeyError(n)


async def leaf(x):
    await asyncio.sleep(0)
    if x == 1:
        raise ValueError('leaf %s' % x)
    return x * 2


async def main():
    try:
        out += [i async for i in agen(1)]
    except UnboundLocalError as e:
        print(type(e).__name__, repr(e.name))
    try:
        s = {await leaf(i) for i in range(3)}
    except ValueError as e:
        print(repr(e))
    try:
        d = {i: i async for i in agen(2)}
    except KeyError as e:
        print(repr(e))
    print([await leaf(i) for i in (0, 2)])
    out = [await leaf(i) for i in range(3)]


def sync():
    try:
        total += 1
    except UnboundLocalError as e:
        print(type(e).__name__, repr(e.name))


sync()
asyncio.run(main())
