# __len__/__bool__ truthiness rules, __call__, __contains__, callable().
class L:
    def __init__(self, n): self.n = n
    def __len__(self):
        print("  len", self.n)
        return self.n
class B:
    def __init__(self, b): self.b = b
    def __bool__(self):
        print("  bool", self.b)
        return self.b
    def __len__(self):
        print("  never used")
        return 0
print(bool(L(0)), bool(L(3)), bool(B(True)), bool(B(False)), not L(1), "yes" if L(0) else "no")
print(L(2) and "and-value", B(False) or "or-value", len(L(7)))
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class Adder:
    def __init__(self, base): self.base = base
    def __call__(self, *args, scale=1):
        return (self.base + sum(args)) * scale
add5 = Adder(5)
print(add5(), add5(1, 2), add5(1, scale=10), callable(add5), callable(Adder), callable(5), list(map(add5, [1, 2])))
class Bag:
    def __init__(self, *items): self.items = items
    def __contains__(self, x):
        print("  contains", x)
        return x in self.items
print(3 in Bag(1, 2, 3), 4 not in Bag(1))
class Poly:
    def __init__(self, *c): self.c = c
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.c))
    def __len__(self): return len(self.c)
p = Poly(1, 0, 2)
print([p(x) for x in range(5)], len(p), bool(Poly()))
while L(0):
    print("unreachable")
print("end")
