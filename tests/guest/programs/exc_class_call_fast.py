# Guest exception classes with a guest __init__, called from (tier-2) code:
# tier 2 makes the instance with the builtin base's __new__ and calls
# __init__ directly.  args, attributes, errors, frames and tracebacks must be
# CPython's, inside and outside except blocks, and the general path must stay
# for a guest __new__, a metaclass and OSError (whose __new__ picks a subclass).
import errno
import sys
import traceback
import weakref


class RecordError(Exception):
    def __init__(self, index, reason="unknown"):
        Exception.__init__(self, reason)
        self.index = index


class TooLarge(RecordError):
    pass


class NoSuper(ValueError):
    def __init__(self, a, b):
        self.total = a + b          # args stays what the call passed


class Returns(KeyError):
    def __init__(self, k):
        return k


class Looks(LookupError):
    def __init__(self, n):
        f = sys._getframe()
        self.seen = (f.f_code.co_name, sorted(f.f_locals), f.f_back.f_code.co_name)
        LookupError.__init__(self, n)


class Fails(RuntimeError):
    def __init__(self, n):
        raise TypeError("cannot make %d" % n)


class WithNew(Exception):
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls, "from new")

    def __init__(self, v):
        self.v = v


class Meta(type):
    def __call__(cls, *args):
        print("meta call", cls.__name__, args)
        return super().__call__(*args)


class Metered(Exception, metaclass=Meta):
    def __init__(self, v):
        Exception.__init__(self, v * 2)


class MyOS(OSError):
    def __init__(self, *args):
        OSError.__init__(self, *args)
        self.mine = True


class Leaf(AttributeError):
    def __init__(self, name):
        AttributeError.__init__(self, "no " + name)
        self.missing = name


class Held:
    pass


class KeepsNothing(Exception):
    def __init__(self, obj):
        Exception.__init__(self, "held")
        del obj


def make_all(i):
    out = []
    e = RecordError(i, "bad")
    out.append((type(e).__name__, e.args, e.index, str(e)))
    e = TooLarge(i)
    out.append((type(e).__name__, e.args, e.index, str(e), isinstance(e, RecordError)))
    e = NoSuper(i, 2)
    out.append((type(e).__name__, e.args, e.total, str(e)))
    try:
        Returns(i)
    except TypeError as err:
        out.append(("returns", str(err)))
    e = Looks(i)
    out.append((e.seen, e.args))
    try:
        Fails(i)
    except TypeError as err:
        out.append(("fails", str(err), err.__context__))
    try:
        RecordError()
    except TypeError as err:
        out.append(("arity", str(err)))
    try:
        RecordError(1, 2, 3)
    except TypeError as err:
        out.append(("arity", str(err)))
    e = WithNew(i)
    out.append((e.args, e.v))
    e = Metered(i)
    out.append((type(e).__name__, e.args))
    e = MyOS(errno.ENOENT, "gone")
    out.append((type(e).__name__, e.args, e.errno, e.mine))
    e = Leaf("x")
    out.append((type(e).__name__, e.args, e.missing, e.name))
    return out


def in_handler(i):
    try:
        raise KeyError(i)
    except KeyError as inner:
        e = RecordError(i, "wrapped")
        out = (e.args, e.__context__, sys.exc_info()[1] is inner)
        try:
            raise TooLarge(i, "chained") from inner
        except TooLarge as t:
            return out + (t.args, t.__cause__ is inner, t.__context__ is inner)


def raised_deep(i):
    if i % 2:
        raise TooLarge(i, "odd")
    raise RecordError(i)


def lifetimes():
    h = Held()
    r = weakref.ref(h)
    e = KeepsNothing(h)
    del h
    print("args hold it:", r() is not None, e.args)


for i in range(3):
    for row in make_all(i):
        print(row)
    print(in_handler(i))
    try:
        raised_deep(i)
    except RecordError as e:
        print(type(e).__name__, e.args, e.index)
        print("".join(traceback.format_exception(type(e), e, e.__traceback__)[1:]).count("raised_deep"))
lifetimes()
