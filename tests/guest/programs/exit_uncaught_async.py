# Ends with an exception raised inside a coroutine run by asyncio.run.
import asyncio
async def fetch(n):
    await asyncio.sleep(0)
    if n == 3:
        raise ConnectionError("could not fetch item %d" % n)
    return n * 10
async def main():
    results = []
    for n in range(5):
        results.append(await fetch(n))
        print("fetched", results[-1])
    return results
asyncio.run(main())
