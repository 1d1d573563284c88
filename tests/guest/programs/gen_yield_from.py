# yield from: delegation of values, send, throw, close and return values.
def inner():
    print("  inner start")
    x = yield "i1"
    print("  inner got", x)
    y = yield "i2"
    print("  inner got", y)
    return "inner-result:%s%s" % (x, y)
def outer():
    r = yield from inner()
    print("  outer got return", r)
    yield "after"
    return "outer-done"
g = outer()
print(next(g), g.send("A"), g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("stop value", e.value)
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(3), {"k": 1}, (x * 2 for x in [7]))))
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  catcher handled", e)
def delegator():
    yield from catcher()
d = delegator()
print(next(d), d.throw(ValueError("via delegator")))
d.close()
def closer():
    try:
        yield 1
    finally:
        print("  inner closed")
def deleg2():
    try:
        yield from closer()
    finally:
        print("  outer closed")
c = deleg2()
next(c)
c.close()
def returns_only():
    return 42
    yield
def uses():
    v = yield from returns_only()
    yield v
print(list(uses()))
class Iterable:
    def __iter__(self):
        return iter([10, 20])
def from_iterable():
    r = yield from Iterable()
    yield r
print(list(from_iterable()))
def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from depth(n - 1)
    yield "level %d" % n
    return r + 1
dg = depth(4)
print(list(dg))
def sender():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def wrap():
    result = yield from sender()
    yield "total=%d" % result
w = wrap()
next(w)
for v in [1, 2, 3]:
    w.send(v)
print(w.send(None))
