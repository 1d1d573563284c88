# asyncio timeouts: wait_for on a never-set event, cancellation propagation, timeout on a fast op.
import asyncio
async def waits_forever(ev, log):
    try:
        await ev.wait()
    except asyncio.CancelledError:
        log.append("cancelled inside")
        raise
async def quick():
    await asyncio.sleep(0)
    return "quick result"
async def main():
    log = []
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(waits_forever(ev, log), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out", log)
    print(await asyncio.wait_for(quick(), timeout=5))
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.005)
    except asyncio.TimeoutError as e:
        print("queue get timed out", type(e).__name__ in ("TimeoutError",))
    ev2 = asyncio.Event()
    async def setter():
        await asyncio.sleep(0)
        ev2.set()
        return "set"
    r = await asyncio.gather(ev2.wait(), setter())
    print(r, ev2.is_set())
    lock = asyncio.Lock()
    trace = []
    async def critical(i):
        async with lock:
            trace.append("enter%d" % i)
            await asyncio.sleep(0)
            trace.append("exit%d" % i)
    await asyncio.gather(*(critical(i) for i in range(3)))
    print(trace)
    sem = asyncio.Semaphore(2)
    active, peak = [0], [0]
    async def limited(i):
        async with sem:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
            await asyncio.sleep(0)
            active[0] -= 1
    await asyncio.gather(*(limited(i) for i in range(6)))
    print("peak concurrency", peak[0])
asyncio.run(main())
