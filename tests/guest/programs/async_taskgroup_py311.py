# asyncio.TaskGroup and asyncio.timeout (3.11+): errors collected into ExceptionGroup, handled with except*.
import asyncio
async def job(n, log):
    for _ in range(n):
        await asyncio.sleep(0)
    if n == 2:
        raise ValueError("job %d failed" % n)
    if n == 4:
        raise KeyError(n)
    log.append(n)
    return n * n
async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(n, log)) for n in (1, 3, 5)]
    print([t.result() for t in tasks], log)
    try:
        async with asyncio.TaskGroup() as tg:
            for n in (1, 2, 3, 4):
                tg.create_task(job(n, log))
    except* ValueError as g:
        print("ValueErrors:", [str(e) for e in g.exceptions])
    except* KeyError as g:
        print("KeyErrors:", [repr(e) for e in g.exceptions])
    print("log", log)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.Event().wait()
    except TimeoutError:
        print("timeout context expired")
    async with asyncio.timeout(None):
        await asyncio.sleep(0)
    print("timeout(None) never expires")
asyncio.run(main())
