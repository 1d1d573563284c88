# asyncio tasks: create_task, gather with exceptions, wait, cancellation, shielding, results order.
import asyncio
async def step(name, count, log):
    for i in range(count):
        log.append((name, i))
        await asyncio.sleep(0)
    return "%s finished" % name
async def failing(delay_steps):
    for _ in range(delay_steps):
        await asyncio.sleep(0)
    raise KeyError("task failed")
async def main():
    log = []
    t1 = asyncio.create_task(step("t1", 3, log), name="first")
    t2 = asyncio.create_task(step("t2", 2, log))
    print(t1.get_name(), t1.done())
    print(await t1, await t2, t1.done(), t1.result())
    print(log)
    res = await asyncio.gather(step("g", 1, []), failing(1), return_exceptions=True)
    print([repr(r) for r in res])
    try:
        await asyncio.gather(failing(0), step("x", 2, []))
    except KeyError as e:
        print("gather raised", repr(e))
    async def sleeper():
        try:
            while True:
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("sleeper got CancelledError")
            raise
        finally:
            print("sleeper finally")
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel returned", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting cancelled task raised CancelledError", t.cancelled())
    tasks = [asyncio.create_task(step("w%d" % i, i, [])) for i in range(3)]
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))
    order = []
    async def tagged(i):
        for _ in range(3 - i):
            await asyncio.sleep(0)
        order.append(i)
        return i
    for fut in asyncio.as_completed([tagged(i) for i in range(3)]):
        print("as_completed got", await fut)
    print(order)
    ft = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(ft.set_result, "future value")
    print(await ft)
asyncio.run(main())
