# Traceback frames handed to guest code: real f_globals/f_locals, and a re-raised traceback keeps its identity (six.reraise).
import sys
def reraise(tp, value, tb=None):
    try:
        if value is None:
            value = tp()
        if value.__traceback__ is not tb:
            raise value.with_traceback(tb)
        raise value
    finally:
        value = None
        tb = None
e = Exception("blah")
try:
    raise e
except Exception:
    tp, val, tb = sys.exc_info()
try:
    reraise(tp, val, tb)
except Exception:
    tp2, value2, tb2 = sys.exc_info()
    print(tp2 is Exception, value2 is e, tb is tb2.tb_next.tb_next, tb2.tb_next.tb_next is not None)
def f():
    x = 10
    secret = "s"
    raise ValueError(x)
try:
    f()
except ValueError as e:
    t = e.__traceback__
    print(sorted(t.tb_frame.f_globals) == sorted(globals()), t.tb_frame.f_globals is globals())
    print(t.tb_next.tb_frame.f_locals, t.tb_next.tb_frame.f_code.co_name, t.tb_next.tb_lineno)
    print(t.tb_frame.f_locals is globals())
class P:
    def parse(self):
        raise KeyError("k")
try:
    P().parse()
except KeyError as e:
    f = e.__traceback__.tb_next.tb_frame
    print(type(f.f_locals.get("self")).__name__, "self" in f.f_locals)


def explain(exc):
    # what pyparsing's ParseException.explain() does: walk the frames, read self
    out = []
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        self_ = frame.f_locals.get("self")
        out.append((frame.f_code.co_name, type(self_).__name__ if self_ is not None else None,
                    frame.f_globals.get("__name__")))
        tb = tb.tb_next
    return out


class Parser:
    def __init__(self, depth):
        self.depth = depth

    def parse(self, n):
        local_value = n * 2
        if n >= self.depth:
            raise ValueError("too deep: %d" % local_value)
        return self.parse(n + 1)


try:
    Parser(3).parse(0)
except ValueError as e:
    print(explain(e))
    last = e.__traceback__
    while last.tb_next is not None:
        last = last.tb_next
    print(sorted(last.tb_frame.f_locals), last.tb_frame.f_locals["local_value"], last.tb_lineno)
