# Frame-based tier-2 functions keep their block stack in host locals and write
# it to the frame only where other code continues the frame (tier2's
# _virtual_blocks): a tracer attached during a call inside try blocks and
# handlers: the traced loop goes on with the frame's block stack, and must
# unwind to the same handlers, with the same exc_info and traceback lines, as
# CPython.  (exc_frame_based_virtual_blocks_osr.py: entries at a loop header.)
import sys
import traceback


def tracer(frame, event, arg):
    return tracer


def g(i, switch):
    if switch:
        sys.settrace(tracer)
    return i


def traced_midway(i, switch):
    out = []
    try:
        try:
            out.append(g(i, switch))      # a tracer attached here, two blocks deep
            raise KeyError(i)
        except KeyError as e:
            out.append(("inner", e.args, sys.exc_info()[0].__name__))
            try:
                out.append(g(i + 1, switch))  # or here, in a handler, in a finally's block
                raise ValueError(i)
            finally:
                out.append(("finally", sys.exc_info()[0].__name__))
    except ValueError as e:
        out.append(("outer", e.args, sys.exc_info()[0].__name__))
    out.append(sys.exc_info()[0])
    return out


def traced_in_handler(i, switch):
    try:
        raise KeyError(i)
    except KeyError:
        g(i, switch)                      # a tracer attached inside the handler
        try:
            raise                         # the handled exception, to the finally
        finally:
            sys.exc_info()


results = []
for i in range(60):
    results.append(traced_midway(i, i in (40, 50)))
    sys.settrace(None)
print(results[0], results[40], results[41], results[50], sep="\n")
for i in range(60):
    try:
        traced_in_handler(i, i in (30, 45))
    except KeyError as e:
        results.append((e.args, [fs.lineno for fs in traceback.extract_tb(e.__traceback__)]))
    sys.settrace(None)
print(results[60], results[90], results[91], results[105], sep="\n")

