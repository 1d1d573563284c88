# with statements: target forms, return values of __enter__, nesting, exit arguments.
class Rec:
    log = []
    def __init__(self, name, swallow=()):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        Rec.log.append("enter " + self.name)
        return self
    def __exit__(self, typ, val, tb):
        Rec.log.append("exit %s %s" % (self.name, typ.__name__ if typ else "-"))
        return typ is not None and issubclass(typ, self.swallow)
with Rec("a") as r:
    pass
print(r.name)
with Rec("b") as (r.name):
    pass
store = {}
with Rec("c") as store["k"]:
    pass
print(store["k"].name)
with Rec("d") as target, Rec("e"):
    with Rec("f", swallow=(KeyError,)):
        raise KeyError("swallowed by f")
with Rec("g", swallow=(ValueError,)):
    with Rec("h"):
        raise ValueError("propagates through h, swallowed by g")
def gen():
    with Rec("in-generator"):
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
for i in range(2):
    with Rec("loop%d" % i):
        pass
print("\n".join(Rec.log))
class Reuse:
    def __init__(self):
        self.depth = 0
    def __enter__(self):
        self.depth += 1
        return self.depth
    def __exit__(self, *a):
        self.depth -= 1
rc = Reuse()
with rc as d1:
    with rc as d2:
        print("depths", d1, d2, rc.depth)
print(rc.depth)
class ExitArgs:
    def __enter__(self):
        return None
    def __exit__(self, *args):
        print("exit args:", len(args), [type(a).__name__ for a in args], args[1])
        return True
with ExitArgs():
    raise IndexError("seen by exit")
with ExitArgs():
    pass
