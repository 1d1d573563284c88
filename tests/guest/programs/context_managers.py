# with: __enter__/__exit__ order, suppression, exceptions inside, multiple managers, contextlib.
import contextlib
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("s", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with CM("x") as x, CM("y") as y:
    print("both", x, y)
with (CM("p1") as p1,
      CM("p2", suppress=True) as p2):
    print("parenthesized", p1, p2)
    1 / 0
def ret_in_with():
    with CM("r"):
        return "returned"
print(ret_in_with())
for i in range(3):
    with CM("loop%d" % i):
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    except ZeroDivisionError:
        print("handled in generator")
    finally:
        print("</%s>" % name)
with tag("div") as t:
    with tag("span"):
        print("text", t)
with tag("err"):
    1 / 0
with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(CM("stack%d" % i)) for i in range(3)]
    stack.callback(print, "callback ran")
    print(names)
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with CM("outer"), BadEnter():
        print("never")
except RuntimeError as e:
    print("RuntimeError:", e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        raise ValueError("from exit")
try:
    with ExitRaises():
        raise KeyError("original")
except ValueError as e:
    print("ValueError:", e, "context:", repr(e.__context__))
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
with contextlib.nullcontext("nc") as n:
    print(n)
from io import StringIO
buf = StringIO()
with contextlib.redirect_stdout(buf):
    print("captured!")
print(repr(buf.getvalue()))
