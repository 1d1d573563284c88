# Async generators, async for, async comprehensions, async with, aclose and asend.
import asyncio
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def agen_with_cleanup():
    try:
        yield "a"
        yield "b"
    finally:
        print("  agen cleanup")
class AsyncCM:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("  aenter", self.name)
        await asyncio.sleep(0)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("  aexit", self.name, et.__name__ if et else None)
        return et is KeyError
class AsyncIter:
    def __init__(self, items):
        self.items = list(items)
    def __aiter__(self):
        return self
    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        return self.items.pop(0)
async def main():
    async for v in ticker(3):
        print("tick", v)
    print([v * 2 async for v in ticker(5) if v % 2 == 0])
    print({v async for v in AsyncIter("aab")} == {"a", "b"}, [x async for x in AsyncIter([3, 2, 1])])
    async with AsyncCM("one") as name, AsyncCM("two") as name2:
        print("  inside", name, name2)
    async with AsyncCM("swallow"):
        raise KeyError("gone")
    g = agen_with_cleanup()
    print(await g.__anext__())
    await g.aclose()
    async def echo():
        got = None
        while True:
            got = yield got
    e = echo()
    await e.asend(None)
    print(await e.asend("ping"), await e.asend("pong"))
    await e.aclose()
    async for item in agen_with_cleanup():
        print("first item only", item)
        break
    await asyncio.sleep(0)
    print(type(ticker(1)).__name__, ticker.__name__)
    try:
        async for _ in AsyncIter([1]):
            raise ValueError("inside async for")
    except ValueError as ex:
        print("ValueError:", ex)
    lst = [await asyncio.sleep(0, result=i) for i in range(3)]
    print(lst)
asyncio.run(main())
