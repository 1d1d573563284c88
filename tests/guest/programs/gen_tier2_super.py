# Zero-argument super() inside generator methods run hot enough for tier 2
# (a tier-2 generator body keeps its locals as host locals: super() must
# still find the first argument and the __class__ cell), including the
# first argument held in a cell, super under another name, and the errors
# for a deleted first argument.


class A:
    def items(self, n):
        for i in range(n):
            yield i

    def val(self, i):
        return i * 2


class B(A):
    def items(self, n):
        for i in range(n):
            yield super().val(i)

    def gen2(self, n):
        total = 0
        for x in super().items(n):
            total += super().val(x)
            yield total

    def captured(self, n):
        # (self is a cell: the closure below reads it)
        get = lambda: self.val(0)
        for i in range(n):
            yield super().val(i) + get()

    def renamed(self, n):
        s = super
        for i in range(n):
            yield s().val(i)

    def deleted(self, n):
        for i in range(n):
            if i == n - 1:
                del self
                yield super().val(i)
            yield i

    def val(self, i):
        return i + 1


b = B()
s = 0
for k in range(300):
    s += sum(b.items(30))
    s += sum(b.gen2(10))
    s += sum(b.captured(10))
    s += sum(b.renamed(10))
print("sum", s)
for k in range(100):
    try:
        sum(b.deleted(5))
    except RuntimeError as e:
        msg = str(e)
print("deleted:", msg)


def outer():
    class C(A):
        def g(self):
            for i in range(50):
                yield super().val(i)
                yield __class__.__name__
    return C


C = outer()
print(sum(1 for _ in range(100) for x in C().g()))
print(list(C().g())[:4])
