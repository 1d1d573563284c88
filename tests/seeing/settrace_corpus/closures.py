def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter()
c()
print(c(5))
add = lambda a, b: a + b
print(add(2, 3))
