def g():
    yield 1
    return 'result'

def drive():
    for x in g():
        pass
    it = g()
    next(it)
    try:
        next(it)
    except StopIteration as e:
        return e.value

print(drive())
