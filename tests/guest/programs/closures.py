# Closures: counters, shared cells, late binding, cells of loop variables.
def make_counter(start=0, step=1):
    count = start
    def inc():
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(10, 5)
print(inc(), inc(), get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
def adders():
    return [lambda x, n=n: x + n for n in range(3)], [lambda x: x + n for n in range(3)]
early, late = adders()
print([f(100) for f in early], [f(100) for f in late])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x + "!"
        return inner
    x = "rebound"
    return middle()()
print(outer())
def compose(*fns):
    def composed(v):
        for fn in reversed(fns):
            v = fn(v)
        return v
    return composed
print(compose(str, lambda v: v * 2, abs)(-21))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def cell_contents():
    a = 1
    def f():
        return a
    return f
fn = cell_contents()
print(fn.__closure__[0].cell_contents, fn.__code__.co_freevars, cell_contents.__code__.co_cellvars)
def shared():
    items = []
    def push(v):
        items.append(v)
    def snapshot():
        return list(items)
    return push, snapshot
push, snap = shared()
for v in "abc":
    push(v)
print(snap())
def unbound():
    def g():
        return later
    try:
        g()
    except NameError as e:
        print("NameError:", e)
    later = 5
    return g()
print(unbound())
