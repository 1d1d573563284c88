# functools: reduce, partial, lru_cache, cache, wraps, total_ordering, singledispatch, cached_property, cmp_to_key.
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(lambda a, b: a + [b * 2], [1, 2, 3], []))
pow2 = functools.partial(pow, 2)
print(pow2(10), [pow2(i) for i in range(5)], pow2.func is pow, functools.partial(pow2, 3)())
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(n):
    print("  computing", n)
    return n * n
for n in [1, 2, 1, 3, 1, 2]:
    sq(n)
print(sq.cache_info())
@functools.singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int %d" % x
@describe.register(list)
def _(x):
    return "list of %d" % len(x)
@describe.register(str)
def _(x):
    return "str %r" % x
print(describe(1), describe([1, 2]), describe("s"), describe(1.5), describe(True))
class Data:
    def __init__(self, n):
        self.n = n
    @functools.cached_property
    def total(self):
        print("  computing total")
        return sum(range(self.n))
d = Data(100)
print(d.total, d.total, "total" in vars(d))
def compare(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)
print(sorted(["bb", "a", "ccc", "ab", "c"], key=functools.cmp_to_key(compare)))
def deco(f):
    @functools.wraps(f)
    def wrapper(*a):
        return f(*a)
    return wrapper
@deco
def documented(x):
    "Docstring here."
    return x
print(documented.__name__, documented.__doc__, documented.__qualname__, documented.__wrapped__.__name__)
@functools.cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(90))
class Calc:
    @functools.partialmethod
    def nothing(self):
        pass
    def add(self, a, b):
        return a + b
    inc = functools.partialmethod(add, 1)
print(Calc().inc(41))
