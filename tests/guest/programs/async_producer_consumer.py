# asyncio.Queue producer/consumer simulation with deterministic interleaving.
import asyncio
async def producer(q, name, items, log):
    for it in items:
        await q.put((name, it))
        log.append("put %s:%s" % (name, it))
        await asyncio.sleep(0)
    await q.put(None)
async def consumer(q, producers, log):
    done, total = 0, 0
    while done < producers:
        item = await q.get()
        if item is None:
            done += 1
            continue
        name, value = item
        total += value
        log.append("got %s:%s" % (name, value))
    return total
async def main():
    q = asyncio.Queue(maxsize=2)
    log = []
    results = await asyncio.gather(
        producer(q, "p1", [1, 2, 3], log),
        producer(q, "p2", [10, 20], log),
        consumer(q, 2, log),
    )
    print(results)
    print("\n".join(log))
    print(q.empty(), q.qsize())
asyncio.run(main())
