# Exceptions caught in hot frames (tier 2 makes their traceback entries only when the
# traceback can be seen), then handed to host library code that reads the traceback
# itself: traceback.format_exception(e), TracebackException.from_exception(e), and a
# tracer's 'exception' event for an exception a hot frame caught before the tracer was set.
import sys
import traceback


def leaf(x):
    y = x + 1
    return {}[y]


def middle(x):
    return leaf(x * 2)


def hot(n):
    out = []
    for i in range(n):
        try:
            middle(i)
        except KeyError as e:
            out.append(e)
    return out


es = hot(300)
print("".join(traceback.format_exception(es[-1])), end="")
te = traceback.TracebackException.from_exception(es[-2])
print([(fs.name, fs.lineno, fs.line) for fs in te.stack])


events = []


def tracer(frame, event, arg):
    if event == "exception":
        tb = arg[2]
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        # (the frames it came through; not the head: the event comes before the
        # raising frame's own entry is made, docs/vm.md Known gaps)
        events.append((frame.f_code.co_name, arg[0].__name__, names[-3:]))
    return tracer


def reraise_traced(e):
    raise e


def traced_after(n):
    kept = hot(n)[-1]
    sys.settrace(tracer)
    try:
        reraise_traced(kept)
    except KeyError:
        pass
    finally:
        sys.settrace(None)


traced_after(300)
for ev in events:
    print(ev)
