# Calls made one after the other at the same depth, in functions hot enough for tier 2's
# lean calls, which share one slot per depth for the frame an observer makes
# (tstate.t2_frs): each call sees its own frame, never the one a call before it left there
# (observed, raised through, or continued in the traced loop after a tracer attached).
import sys


def observed(i):
    f = sys._getframe()
    return f.f_code.co_name, f.f_locals["i"], f.f_back.f_code.co_name, f is sys._getframe()


def unobserved(i):
    return i + 1


def observes_back(i):
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name, i


def raises(i):
    raise ValueError(i)


def tracer(frame, event, arg):
    return None


def traced_inside(i):
    sys.settrace(tracer)        # this call continues in the traced loop from here
    r = observes_back(i)
    sys.settrace(None)
    return r


def driver(n):
    out = []
    for i in range(n):
        out.append(observed(i))
        out.append(unobserved(i))
        out.append(observes_back(i))
        try:
            raises(i)
        except ValueError as e:
            f = e.__traceback__.tb_next.tb_frame
            out.append((f.f_code.co_name, f.f_locals))
        out.append(observes_back(i))
        if i % 10 == 9:
            out.append(traced_inside(i))
            out.append(observes_back(i))
            out.append(observed(i))
    return out


r = driver(30)
print(len(r))
for x in r[-12:]:
    print(x)
print(sys.gettrace())
