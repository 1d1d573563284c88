# Zero-argument super() whose first argument is deleted or whose __class__
# cell is empty, at the sites CPython 3.12+ compiles to LOAD_SUPER_ATTR
# (``super().name``, ``super().m(...)``: the loads of the cell and of the
# argument raise NameError and UnboundLocalError) and at the ones it does
# not (``super()`` alone, ``super().__class__``, super by another name,
# stores and augmented assignments: super()'s RuntimeError), cold and hot.
class A:
    x = "A.x"

    def m(self, *a, **k):
        return "A.m"

    def f(self):
        return super().x

    def g(self):
        del self
        return super().x

    # (called while the class body runs: the __class__ cell is still empty)
    for fn in (f, g):
        try:
            fn(1)
        except Exception as e:
            print(type(e).__name__, e, getattr(e, "name", "-"))


class B(A):
    def attr(self, d):
        if d:
            del self
        return super().x

    def meth(self, d):
        if d:
            del self
        return super().m()

    def star(self, d):
        if d:
            del self
        return super().m(*())

    def kw(self, d):
        if d:
            del self
        return super().m(k=1)

    def cls(self, d):
        if d:
            del self
        return super().__class__

    def bare(self, d):
        if d:
            del self
        return super()

    def renamed(self, d):
        s = super
        if d:
            del self
        return s().x

    def cell(self, d):
        f = lambda: self
        if d:
            del self
        return super().x

    def two(self, d):
        if d:
            del self
        return super(B, self).x

    def posonly(s, /, d):
        if d:
            del s
        return super().m()

    def lam(self, d):
        if not d:
            return (lambda y: [super().x, y][0])(self)
        return (lambda y: (y, super().x))

    def store(self, d):
        if d:
            del self
        super().y = 1

    def aug(self, d):
        if d:
            del self
        super().x += "!"

    def gen(self, d):
        for i in range(2):
            if d:
                del self
            yield super().m()


b = B()
names = ["attr", "meth", "star", "kw", "cls", "bare", "renamed", "cell", "two",
         "posonly", "lam", "store", "aug", "gen"]
for name in names:
    for d in (0, 1):
        for rep in range(300):
            try:
                r = getattr(b, name)(d)
                if name == "gen":
                    r = list(r)
            except Exception as e:
                r = "%s: %s" % (type(e).__name__, e)
        print(name, d, "fn" if callable(r) else type(r).__name__ if name == "bare" else r)


def lam2():
    class C(A):
        def h(self):
            return lambda y: super().x
    h = C().h()
    print(h(C()))
    # (3.12+ hosts raise super()'s TypeError at LOAD_SUPER_ATTR, whose
    # position is the attribute's: its carets, docs/boundary.md)
    try:
        h(1)
    except TypeError as e:
        print("TypeError", e)


lam2()
b.meth(1)
