import types

@types.coroutine
def pause():
    v = yield 'paused'
    return v

async def work(a):
    x = await pause()
    return a + x

async def main():
    r = await work(1)
    return r * 10

c = main()
print(c.send(None))
try:
    c.send(4)
except StopIteration as e:
    print('result', e.value)
