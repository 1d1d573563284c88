def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def outer():
    xs = []
    def add(v, *rest, sep=",", **kw):
        xs.append(v)
        return len(xs)
    add(1)
    add(2)
    return xs

print(fib(4), outer())
