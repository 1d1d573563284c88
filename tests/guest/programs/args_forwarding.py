# *args/**kwargs forwarding through wrappers, super() and partial.
import functools
def target(a, b=0, *rest, key=None, **extra):
    return {"a": a, "b": b, "rest": rest, "key": key, "extra": extra}
def passthrough(*args, **kwargs):
    return target(*args, **kwargs)
def prepend(*args, **kwargs):
    return passthrough("first", *args, flag=True, **kwargs)
print(passthrough(1))
print(passthrough(1, 2, 3, 4, key="k", z=1))
print(prepend(2, key="x"))
p = functools.partial(target, 1, key="pk")
print(p(), p(5, 6), p(key="override"), p.args, p.keywords)
class Base:
    def __init__(self, *args, **kwargs):
        print("Base.__init__", args, kwargs)
        self.args = args
class Child(Base):
    def __init__(self, name, *args, **kwargs):
        print("Child.__init__", name)
        super().__init__(*args, **kwargs)
c = Child("n", 1, 2, k=3)
print(c.args)
def kwargs_mutation(**kw):
    kw["added"] = True
    return kw
d = {"x": 1}
print(kwargs_mutation(**d), d)
def count_args(*a, **k):
    return len(a), len(k)
print(count_args(*range(100), **{str(i): i for i in range(50)}))
def deep(n, *a, **k):
    if n == 0:
        return a, k
    return deep(n - 1, *a, n, **k, **{"k%d" % n: n})
print(deep(4))
print(max(*[3, 9, 2]), max([3, 9, 2]), print(*[], sep="x"), "{}-{}".format(*"ab"), dict(**{"a": 1}, b=2))
