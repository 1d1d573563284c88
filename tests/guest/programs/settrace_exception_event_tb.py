# A tracer's 'exception' event sees the traceback with the raising frame's own entry already in it
import sys

events = []


def entries(tb):
    out = []
    while tb is not None:
        out.append("%s:%d" % (tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def tracer(frame, event, arg):
    if event == "exception":
        typ, value, tb = arg
        events.append("%s %s %s" % (frame.f_code.co_name, typ.__name__, entries(tb)))
    return tracer


def inner():
    raise ValueError("x")


def middle():
    return inner() + 1


def outer():
    try:
        middle()
    except ValueError as e:
        return entries(e.__traceback__)


def host_raises():
    try:
        return int("nope")
    except ValueError as e:
        return entries(e.__traceback__)


def in_loop(n):
    got = []
    for i in range(n):
        try:
            {}[i]
        except KeyError as e:
            got.append(len(entries(e.__traceback__)))
    return got


def replacing(frame, event, arg):
    # a trace function raising in the 'exception' event: its error goes on
    # (3.10 gives it the frame's entry, 3.11+ do not)
    if event == "exception" and frame.f_code.co_name == "inner":
        raise KeyError("from tracer")
    return replacing


def replaced():
    try:
        inner()
    except KeyError as e:
        return repr(e), repr(e.__context__), entries(e.__traceback__)


sys.settrace(replacing)
try:
    result = replaced()
finally:
    sys.settrace(None)
print("replaced", result)

for fn, args in ((outer, ()), (host_raises, ()), (in_loop, (3,))):
    del events[:]
    sys.settrace(tracer)
    try:
        result = fn(*args)
    finally:
        sys.settrace(None)
    print(fn.__name__, result)
    for ev in events:
        print("  ", ev)
