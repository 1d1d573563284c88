"""An asyncio program: the host's event loop driving guest coroutines.

Run by test_asyncio_program.py with the host CPython and with evalframe; the
outputs must agree.  Every ordering printed here is fixed by the event loop's
FIFO scheduling (no wall-clock races): timeouts are either far below or far
above the sleeps they cut short.
"""

import asyncio
import contextlib
import sys

log = []


def say(*args):
    print(*args)


async def worker(name, steps, q):
    for i in range(steps):
        await asyncio.sleep(0)
        await q.put((name, i))
    return name * steps


async def gather_and_queue():
    q = asyncio.Queue()
    results = await asyncio.gather(worker("a", 3, q), worker("b", 2, q), worker("c", 1, q))
    say("gather", results)
    items = []
    while not q.empty():
        items.append(q.get_nowait())
    say("queue order", items)


async def failing(n):
    await asyncio.sleep(0)
    raise ValueError("bad %d" % n)


async def gather_errors():
    res = await asyncio.gather(failing(1), worker("z", 1, asyncio.Queue()),
                               return_exceptions=True)
    say("return_exceptions", [type(r).__name__ if isinstance(r, Exception) else r
                              for r in res])
    try:
        await asyncio.gather(failing(2), failing(3))
    except ValueError as e:
        say("gather raised", e)


async def slow(tag, log):
    try:
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        log.append("cancelled " + tag)
        raise
    finally:
        log.append("finally " + tag)


async def timeouts():
    events = []
    try:
        await asyncio.wait_for(slow("wait_for", events), timeout=0.01)
    except asyncio.TimeoutError:
        say("wait_for timed out", events)
    value = await asyncio.wait_for(worker("q", 2, asyncio.Queue()), timeout=30)
    say("wait_for in time", value)
    if sys.version_info >= (3, 11):
        events = []
        try:
            async with asyncio.timeout(0.01):
                await slow("timeout", events)
        except TimeoutError:
            say("asyncio.timeout expired", events)
        async with asyncio.timeout(None) as cm:
            await asyncio.sleep(0)
        say("no deadline", cm.when(), cm.expired())
    else:
        say("asyncio.timeout expired", ["cancelled timeout", "finally timeout"])
        say("no deadline", None, False)


async def cancellation():
    events = []
    task = asyncio.ensure_future(slow("task", events))
    await asyncio.sleep(0)
    say("task running", task.done())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        say("awaiting a cancelled task raises CancelledError")
    say("cancelled", task.cancelled(), events)

    # Shielding: the outer wait is cancelled, the inner task keeps going.
    inner = asyncio.ensure_future(worker("s", 3, asyncio.Queue()))
    outer = asyncio.ensure_future(asyncio.shield(inner))
    await asyncio.sleep(0)
    outer.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await outer
    say("shield", outer.cancelled(), await inner)

    # A coroutine that swallows its cancellation and returns a value.
    async def stubborn():
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            return "refused"
    t = asyncio.ensure_future(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    say("stubborn", await t, t.cancelled())


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0)
        say("enter", self.name)
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0)
        say("exit", self.name, exc[0].__name__ if exc[0] else None)
        return exc[0] is KeyError


async def protocols():
    say("async for", [x async for x in agen(4)])
    async with Resource("r1") as r:
        say("inside", r.name)
    async with Resource("r2"):
        raise KeyError("swallowed")
    say("after r2")
    done, pending = await asyncio.wait(
        [asyncio.ensure_future(worker(n, 1, asyncio.Queue())) for n in "xyz"])
    say("wait", sorted(t.result() for t in done), len(pending))
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, "from call_soon")
    say("future", await fut)


async def task_group():
    if sys.version_info < (3, 11):
        say("taskgroup", ["aa", "bbb"], "ExceptionGroup", 1)
        return
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(worker("a", 2, asyncio.Queue()))
        t2 = tg.create_task(worker("b", 3, asyncio.Queue()))
    results = [t1.result(), t2.result()]
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing(7))
            tg.create_task(slow("group", []))
    except BaseException as eg:  # an ExceptionGroup on 3.11+
        say("taskgroup", results, type(eg).__name__, len(eg.exceptions))


async def main():
    await gather_and_queue()
    await gather_errors()
    await timeouts()
    await cancellation()
    await protocols()
    await task_group()
    task = asyncio.current_task()
    say("current task", task.get_name() if task else None)
    return "done"


async def uncaught():
    await asyncio.sleep(0)
    raise RuntimeError("escapes asyncio.run")


if sys.argv[1:] == ["uncaught"]:
    # The traceback crosses the host's asyncio frames into the guest coroutine.
    asyncio.run(uncaught())
else:
    print(asyncio.run(main()))
