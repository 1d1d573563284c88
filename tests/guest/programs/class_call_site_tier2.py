# Class calls made at a hot call site (tier 2 makes the object and calls a
# guest __init__'s lean function right there, tier2._class_call): the cases
# that must take the general path (another __new__, __init__ rebound or
# removed, a builtin base, wrong arity), __init__'s result check, the
# exception being handled, tracebacks and argument lifetimes must be the host's.
import sys
import weakref


class V:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Base:
    def __init__(self, a):
        self.a = a


class Child(Base):
    pass


class Plain:
    pass


class Fresh(Base):
    pass


class Listy(list):
    def __init__(self, a):
        super().__init__([a, a])


class Returns:
    def __init__(self, v):
        if v > 5:
            return v


class Seer:
    def __init__(self, v):
        self.exc = repr(sys.exc_info()[1])
        self.back = sys._getframe(1).f_code.co_name


def make_vs(n):
    t = 0
    for i in range(n):
        v = V(i, i + 1, i + 2)
        t += v.x + v.y + v.z
        t += Child(i).a
        t += len(Listy(i))
        t += 1 if type(Plain()) is Plain else 0
    return t


def rebind_later(n):
    out = []
    for i in range(n):
        if i == n // 2:
            V.__init__ = lambda self, x, y, z: setattr(self, "x", -x)
            Fresh.__new__ = lambda cls, a: object.__new__(cls)
        v = V(i, 0, 0)
        out.append((v.x, Fresh(i).a))
    del V.__init__
    return out[n // 2 - 1:n // 2 + 1]


def results(n):
    out = []
    for i in range(n):
        try:
            out.append(type(Returns(i)).__name__)
        except TypeError as e:
            out.append(str(e))
    return out[-2:]


def arity(n):
    out = []
    for i in range(n):
        try:
            Base(i, i)
        except TypeError as e:
            out.append(str(e))
    return out[-1:]


def handled(n):
    out = []
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError:
            s = Seer(i)
        out.append((s.exc, s.back))
    return out[-1]


class Dropper:
    def __init__(self, obj, log):
        log.append("init")
        del obj
        log.append("after del")


class Token:
    pass


def lifetimes(n):
    log = []
    for i in range(n):
        t = Token()
        weakref.finalize(t, log.append, "token %d gone" % i)
        Dropper(t, log) if i % 2 else Dropper(Token(), log)
        del t
    return log[-6:]


class Raises:
    def __init__(self, v):
        if v == 7:
            raise ValueError("seven")
        self.v = v


def failing(n):
    return [Raises(i).v for i in range(n)]


print(make_vs(40))
print(rebind_later(40))
print(results(40))
print(arity(40))
print(handled(40))
print(lifetimes(40))
try:
    failing(40)
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(e, names[0], names[-1])
for k in range(40):
    Raises(k % 7)
Raises(7)
