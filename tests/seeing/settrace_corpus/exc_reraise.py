def f():
    try:
        raise TypeError('t')
    except TypeError:
        raise

def g():
    try:
        f()
    except TypeError as e:
        try:
            raise RuntimeError('r') from e
        except RuntimeError:
            return 'chained'

print(g())
