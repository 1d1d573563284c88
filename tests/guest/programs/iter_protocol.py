# __iter__/__next__, iter() with sentinel, old-style __getitem__ iteration, StopIteration.
class CountDown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        print("  __iter__")
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(CountDown(4)))
for v in CountDown(2):
    print("loop", v)
it = iter(CountDown(3))
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())
data = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(data), 0)))
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), sum(t), max(t))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
z = zip([1, 2, 3], "ab")
print(list(z), list(enumerate("xy", 10)), list(map(pow, [2, 3], [3, 2])), list(reversed(range(3))))
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i): return "abc"[i]
    def __reversed__(self): return iter("REV")
print(list(reversed(Rev())), list(Rev()))
