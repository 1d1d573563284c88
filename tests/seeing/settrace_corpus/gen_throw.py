def g():
    while True:
        try:
            yield 'ready'
        except ValueError:
            print('got ValueError')
            yield 'recovered'
            return

it = g()
print(next(it))
print(it.throw(ValueError))
try:
    next(it)
except StopIteration:
    print('stop')
