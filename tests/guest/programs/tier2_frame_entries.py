# Functions with handlers (try/except/finally: tier 2 runs them with a Frame, they have no
# lean function) called with exactly their arity from hot code: in tier 2 the call sites
# call them through an entry made for that arity (interpreter/t2entry.py frame_entry),
# not call_any.  Results for each arity, arguments freed where the callee deletes them,
# __code__ and __defaults__ reassigned after the entry was made, tracebacks, frames and
# f_back seen from inside, a property getter with a handler, recursion to the limit.
# host>=3.11
# (3.10 keeps a call's arguments in the caller until it returns; 3.11+ moves them)
import sys
import traceback
import weakref


def h0():
    try:
        return 1
    finally:
        pass


def h1(a):
    try:
        return a + 1
    except TypeError:
        return -1


def h2(a, b):
    try:
        return a * b
    except TypeError as e:
        return str(e)


def h3(a, b, c):
    try:
        return a - b - c
    finally:
        a = None


def h4(a, b, c, d):
    try:
        return (a, b, c, d)
    except Exception:
        raise


def h5(a, b, c, d, e):
    try:
        return a + b + c + d + e
    except Exception:
        raise


def arities(n):
    total = []
    for i in range(n):
        total.append((h0(), h1(i), h2(i, 3), h3(i, 1, 2), h4(i, i, i, i), h5(i, 1, 1, 1, 1)))
    return total[-1], len(total), h1("x"), h2("a", "b")


print(arities(40))


class Noisy:
    def __init__(self, tag):
        self.tag = tag


def noisy(i, log):
    o = Noisy(i)
    weakref.finalize(o, log.append, "freed %d" % i)
    return o


def deletes(obj, log):
    try:
        del obj
        log.append("after del")
    finally:
        log.append("finally")
    return len(log)


def feed(n):
    log = []
    for i in range(n):
        r = deletes(noisy(i, log), log)
        log.append("returned %d" % r)
    print(log[-8:])


feed(3)
feed(30)


def first(x):
    try:
        return ("first", x)
    finally:
        pass


def second(x):
    try:
        return ("second", x)
    finally:
        pass


def defaults(x, y=5):
    try:
        return x + y
    finally:
        pass


def calls(n):
    out = []
    for i in range(n):
        out.append(first(i))
        out.append(defaults(i, 1))
        out.append(defaults(i))
    return out[-3:]


print(calls(30))
first.__code__ = second.__code__
print(calls(2))
defaults.__defaults__ = (100,)
print(calls(2))


def raiser(k):
    try:
        if k % 3 == 0:
            raise KeyError(k)
        return k
    finally:
        k = None


def catcher(n):
    caught = []
    for i in range(n):
        try:
            raiser(i)
        except KeyError as e:
            tb = e.__traceback__
            caught.append([(fs.name, fs.lineno, fs.line) for fs in traceback.extract_tb(tb)])
            caught.append(sorted(tb.tb_next.tb_frame.f_locals.items(), key=repr))
    return caught[-2:], len(caught)


print(catcher(40))


def looks(a, b):
    try:
        f = sys._getframe()
        return (f.f_code.co_name, f.f_back.f_code.co_name, sorted(f.f_locals),
                f.f_back.f_locals["i"])
    finally:
        pass


def observer(n):
    seen = None
    for i in range(n):
        seen = looks(i, i)
    return seen


print(observer(30))


class Guarded:
    def __init__(self, v):
        self.v = v

    @property
    def value(self):
        try:
            return self.v * 2
        except TypeError:
            return None


def props(n):
    s = 0
    for i in range(n):
        s += Guarded(i).value
    return s, Guarded("a").value, Guarded(None).value


print(props(40))


def down(k):
    try:
        return down(k + 1)
    except ZeroDivisionError:
        return -1


def deepest():
    try:
        down(0)
    except RecursionError as e:
        return type(e).__name__, str(e)


for _ in range(3):
    print(deepest())
