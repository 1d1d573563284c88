def f(n):
    a = [i * 2 for i in range(n)]
    b = {i: i * i for i in range(n)}
    c = {i % 2 for i in range(n)}
    d = [(i, j) for i in range(2) for j in range(i)]
    return a, b, c, d

print(f(3))
