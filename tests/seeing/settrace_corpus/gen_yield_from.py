def inner():
    yield 'a'
    yield 'b'
    return 'inner-done'

def outer():
    r = yield from inner()
    yield r

print(list(outer()))
