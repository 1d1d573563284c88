# A traced function returns while a generator it made is suspended: the
# generator's last reference dies with the frame, and CPython closes it then,
# with tracing still on (call, exception GeneratorExit, return).
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('gen cleanup')

def use_one():
    it = gen()
    first = next(it)
    return first

def plain_gen():
    yield 'a'
    yield 'b'

def use_plain():
    g = plain_gen()
    return next(g)

def nested_owner():
    outer = (x * 2 for x in gen())
    return next(outer)

print(use_one())
print(use_plain())
print(nested_owner())
it = gen()
next(it)
del it
print('done')

def never_started():
    g = plain_gen()
    return 'unstarted'

def with_handler():
    def catching():
        try:
            yield 1
        except GeneratorExit:
            print('caught GeneratorExit')
            raise
    c = catching()
    next(c)
    return 'handler'

print(never_started())
print(with_handler())
