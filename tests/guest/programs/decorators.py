# Decorators: plain, with arguments, stacked, preserving metadata, on methods.
import functools
calls = []
def log(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("ret", fn.__name__, result)
        return result
    return wrapper
def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        wrapper.__name__ = fn.__name__ + "_x%d" % times
        return wrapper
    return deco
def tag(name):
    print("making tag", name)
    def deco(fn):
        print("applying tag", name, "to", fn.__name__)
        fn.tags = getattr(fn, "tags", []) + [name]
        return fn
    return deco
@log
def add(a, b=2):
    """Adds."""
    return a + b
print(add(1), add(1, b=5), add.__name__, add.__doc__, add.__wrapped__(3, 4))
@repeat(3)
def hello(n):
    return "hi%d" % n
print(hello(1), hello.__name__)
@tag("outer")
@tag("inner")
def tagged():
    return "t"
print(tagged(), tagged.tags)
@log
@repeat(2)
def both(x):
    return x * 2
print(both(4))
class Svc:
    def __repr__(self):
        return 'Svc()'
    @log
    def method(self, v):
        return v + 1
    @staticmethod
    @log
    def smeth(v):
        return -v
print(Svc().method(1), Svc.smeth(3), calls)
def counted(fn):
    def w(*a, **k):
        w.count += 1
        return fn(*a, **k)
    w.count = 0
    return w
@counted
def noop():
    pass
for _ in range(4):
    noop()
print(noop.count)
registry = {}
def register(key=None):
    def deco(fn):
        registry[key or fn.__name__] = fn
        return fn
    return deco
@register()
def alpha(): return "A"
@register("b")
def beta(): return "B"
print(sorted(registry), registry["b"](), registry["alpha"]())
decos = [tag("x"), tag("y")]
@decos[0]
@(lambda f: f)
def expr_deco():
    return 1
print(expr_deco.tags)
