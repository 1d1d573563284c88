def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total

g = acc()
next(g)
g.send(5)
g.send(7)
try:
    g.send(None)
except StopIteration as e:
    print('final', e.value)
