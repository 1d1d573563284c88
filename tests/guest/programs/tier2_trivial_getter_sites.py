# Property getters whose body is only ``return self.<name>``, read at sites
# that tier 2 runs: the attribute missing, the class, the property, the
# getter or its code changed after the site was warm, hooks added, a tracer
# attached, the recursion limit reached inside a read, slots and __class__.
import sys
import traceback
import types


class Point:
    def __init__(self, x):
        self._x = x

    @property
    def x(self):
        return self._x


class Slotted:
    __slots__ = ("_x",)

    def __init__(self, x):
        if x is not None:
            self._x = x

    @property
    def x(self):
        return self._x


def read(p):
    return p.x


def total(items):
    t = 0
    for p in items:
        t += p.x
    return t


def warm():
    for _ in range(60):
        total([Point(1), Point(2)])
        read(Point(3))


def show(label, fn, *args):
    try:
        print(label, fn(*args))
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(label, type(e).__name__, e, [f.name for f in tb])


warm()
print("plain", total([Point(k) for k in range(10)]))

# the recursion limit reached at the getter's call
def deep(p, n):
    if n == 0:
        return p.x
    return deep(p, n - 1)


for _ in range(30):
    deep(Point(1), 3)
depth = sys.getrecursionlimit() - 10
while True:
    try:
        deep(Point(1), depth)
        depth += 1
    except RecursionError:
        break
try:
    deep(Point(1), depth)
except RecursionError as e:
    last = traceback.extract_tb(e.__traceback__)[-1]
    print("recursion at", depth - sys.getrecursionlimit(), last.name, last.line)


# the instance attribute missing: the getter's frame is in the traceback
q = Point(1)
del q._x
show("missing", read, q)
q.__dict__["_x"] = 41
show("restored", read, q)
q.__dict__ = {"_x": 7, "other": 1}
show("dict replaced", read, q)

# a class attribute under the inner name: data descriptor, then plain value
Point._x = property(lambda self: "descriptor", lambda self, v: None)
show("descriptor", read, Point(5))
del Point._x
show("removed", read, Point(5))
Point._x = "class value"
r = Point(5)
del r._x
show("class value", read, r)
del Point._x

# the property's getter replaced in place (property.__init__ again)
prop = Point.__dict__["x"]
orig = prop.fget
prop.__init__(lambda self: ("replaced", self._x))
show("fget replaced", read, Point(8))
prop.__init__(types.FunctionType((lambda self: self._x).__code__, globals()))
show("fget copied", read, Point(9))
prop.__init__(orig)
show("fget back", read, Point(10))


# the getter's code replaced
class Other:
    def __init__(self):
        self._x = 1
        self._y = 2

    @property
    def x(self):
        return self._x


for _ in range(40):
    read(Other())
fget = Other.__dict__["x"].fget
fget.__code__ = (lambda self: self._y).__code__
show("code replaced", read, Other())
fget.__code__ = (lambda self: self._x * 100).__code__
show("code replaced again", read, Other())

# hooks added to the class after the site was warm
Point.__getattr__ = lambda self, name: "hook:" + name
r = Point(1)
del r._x
show("getattr hook", read, r)
del Point.__getattr__
Point.__getattribute__ = lambda self, name: "all:" + name
show("getattribute", read, Point(2))
del Point.__getattribute__
show("hooks gone", read, Point(3))


# a subclass overriding the inner name with a property
class Sub(Point):
    _x = property(lambda self: "sub", lambda self, v: None)


show("subclass", read, Sub(1))
show("mixed", read, Point(4))

# slots: the inner name is a member descriptor
for _ in range(40):
    read(Slotted(3))
show("slotted", read, Slotted(6))
show("slot empty", read, Slotted(None))

# __class__ assigned
s = Point(2)
s.__class__ = Other
show("class assigned", read, s)


# a tracer sees the getter's call
def tracer(frame, event, arg):
    if frame.f_code.co_name == "x":
        print("trace", event, frame.f_code.co_name, frame.f_back.f_code.co_name)
    return tracer


def traced_loop():
    out = 0
    for k in range(3):
        if k == 1:
            sys.settrace(tracer)
        out += read(Point(k))
    sys.settrace(None)
    return out


for _ in range(30):
    total([Point(1)])
show("traced", traced_loop)


# profile events too
def profiler(frame, event, arg):
    if frame.f_code.co_name == "x":
        print("profile", event)


sys.setprofile(profiler)
read(Point(1))
sys.setprofile(None)
