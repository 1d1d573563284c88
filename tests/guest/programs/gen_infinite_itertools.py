# Infinite generators consumed with itertools.islice, takewhile, and pipelines.
from itertools import islice, takewhile, dropwhile, count, cycle, repeat, accumulate, tee
def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in takewhile(lambda p: p * p <= n, found)):
            found.append(n)
            yield n
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(islice(primes(), 30)))
print(list(islice(naturals(), 5, 20, 3)))
print(list(takewhile(lambda x: x < 50, (n * n for n in naturals()))))
print(list(dropwhile(lambda x: x < 5, islice(naturals(), 10))))
print(list(collatz(27))[:20], len(list(collatz(27))))
print(list(islice(cycle("abc"), 8)), list(repeat("z", 3)), list(islice(count(10, 2.5), 4)))
print(list(islice(accumulate(naturals()), 10)), list(accumulate([3, 1, 4, 1, 5], max)))
a, b = tee(islice(primes(), 5))
print(list(a), list(b))
def pipeline(src):
    evens = (x for x in src if x % 2 == 0)
    squares = (x * x for x in evens)
    labeled = ("#%d" % x for x in squares)
    return labeled
print(list(islice(pipeline(naturals()), 7)))
def running_avg(it):
    total = 0
    for i, v in enumerate(it, 1):
        total += v
        yield total / i
print([round(v, 3) for v in islice(running_avg(primes()), 8)])
gen = naturals()
print(next(gen), next(gen), list(islice(gen, 3)), next(gen))
