# An exception class defining __getattribute__/__setattr__ (boltons wrap_trace): raised, chained, re-raised; the VM must not call them.
seen = []
class E(Exception):
    def __getattribute__(self, name):
        seen.append(name)
        return super().__getattribute__(name)
    def __setattr__(self, name, value):
        seen.append("set " + name)
        super().__setattr__(name, value)
def f():
    raise E("in f")
def g():
    try:
        f()
    except E as e:
        len([1])
        raise
try:
    g()
except E as e:
    print("caught", e.args)
try:
    try:
        raise KeyError(1)
    except KeyError:
        raise E("ctx")
except E as e:
    print("ctx", type(e.__context__).__name__)
try:
    raise E("cause") from ValueError(2)
except E as e:
    print("cause", e.__cause__)
print(seen)


class Traced(Exception):
    def __getattribute__(self, name):
        return super().__getattribute__(name)


def deep(n):
    if n == 0:
        raise Traced("deep")
    return deep(n - 1)


try:
    deep(5)
except Traced as e:
    depth = 0
    tb = e.__traceback__
    while tb is not None:
        depth += 1
        tb = tb.tb_next
    print("traced", e, depth)
deep(2)
