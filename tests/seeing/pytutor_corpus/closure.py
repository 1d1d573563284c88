def make_counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter(10)
print(c())
print(c(5))
data = [c, (1, 2.5), {"k": None}]
