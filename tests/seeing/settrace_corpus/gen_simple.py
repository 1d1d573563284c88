def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1

for v in gen(3):
    print(v)
