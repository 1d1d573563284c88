def countdown(n):
    while n > 0:
        yield n
        n -= 1

gen = countdown(3)
first = next(gen)
second = next(gen)
print(first, second)
