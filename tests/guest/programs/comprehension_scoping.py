# Comprehension scoping rules: own scope, outer iterable evaluated in enclosing scope, class bodies.
x = "global x"
print([x for x in range(3)], x)
def f():
    y = 10
    return [y + i for i in range(3)], [[y * j for j in range(i)] for i in range(3)]
print(f())
class C:
    n = 3
    squares = [i * i for i in range(n)]
    try:
        bad = [n for i in range(2)]
    except NameError as e:
        err = str(e)
    pairs = {k: v for k, v in zip("ab", range(n))}
print(C.squares, C.err, C.pairs)
def outer():
    items = [1, 2, 3]
    total = 0
    def add_all():
        nonlocal total
        total += sum(v for v in items)
        return [lambda: v for v in items]
    fs = add_all()
    return total, [g() for g in fs]
print(outer())
def gen_scope():
    data = [[1, 2], [3, 4]]
    return [sum(cell for cell in row) for row in data]
print(gen_scope())
i = "outer i"
result = [i for i in "xyz"]
print(result, i)
def walrus_in_comp():
    hits = [w for v in range(10) if (w := v * v) % 3 == 0]
    return hits, w
print(walrus_in_comp())
z = 5
print([z for _ in range(2)], [[z for _ in range(1)] for z in range(2)], z)
