def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

total = 0
for v in count(3):
    total += v
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(total, fact(4), 2.5, 3.0, float("inf"))
