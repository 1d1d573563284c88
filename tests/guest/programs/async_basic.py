# asyncio.run, awaiting coroutines, sleep(0) interleaving, return values, coroutine objects.
import asyncio
async def add(a, b):
    await asyncio.sleep(0)
    return a + b
async def worker(name, n, log):
    for i in range(n):
        log.append("%s%d" % (name, i))
        await asyncio.sleep(0)
    return name * n
async def main():
    print(await add(1, 2))
    log = []
    r = await asyncio.gather(worker("a", 3, log), worker("b", 2, log), worker("c", 1, log))
    print(r, log)
    coro = add(5, 5)
    print(type(coro).__name__, coro.__name__, coro.__qualname__)
    print(await coro)
    results = []
    for i in range(3):
        results.append(await add(i, i))
    print(results)
    return "main done"
print(asyncio.run(main()))
async def never_awaited():
    return 1
c = never_awaited()
c.close()
print("closed unawaited coroutine")
async def raises():
    await asyncio.sleep(0)
    raise ValueError("async failure")
async def catcher():
    try:
        await raises()
    except ValueError as e:
        return "caught: %s" % e
print(asyncio.run(catcher()))
async def manual():
    return 99
coro = manual()
try:
    coro.send(None)
except StopIteration as e:
    print("manual drive result", e.value)
class Awaitable:
    def __await__(self):
        value = yield from asyncio.sleep(0).__await__()
        return "custom awaitable"
async def use_custom():
    return await Awaitable()
print(asyncio.run(use_custom()))
