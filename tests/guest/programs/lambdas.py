# Lambdas: defaults, closures, immediately-invoked, in sort keys, nested.
sq = lambda x: x * x
add = lambda a, b=10, *c, d=1, **e: (a, b, c, d, e)
print(sq(7), add(1), add(1, 2, 3, 4, d=5, z=6), (lambda: "iife")(), (lambda *a: a)(1, 2))
print(sq.__name__, add.__defaults__, add.__kwdefaults__, add.__code__.co_argcount, add.__code__.co_varnames)
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(7, 3) for k, f in ops.items()})
pts = [(3, "c"), (1, "z"), (2, "a"), (1, "b")]
print(sorted(pts, key=lambda p: p[1]), sorted(pts, key=lambda p: (-p[0], p[1])), min(pts, key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda s: s.isupper(), "aBcDE")))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(15))
y = (lambda f: f(f))(lambda self, n=5: n if n == 0 else self(self, n - 1) + n) if False else None
Y = lambda f: (lambda x: f(lambda v: x(x)(v)))(lambda x: f(lambda v: x(x)(v)))
fibY = Y(lambda rec: lambda n: n if n < 2 else rec(n - 1) + rec(n - 2))
print(fibY(15), y)
print((lambda x, /, y, *, z: (x, y, z))(1, y=2, z=3))
