# Exceptions caught by a hot function with handlers (frame-based in tier 2)
# after a callee in tier 2 saw them first (a lean callee, a frame-based one
# that lets them leave), or raised in the catching function itself, by a C
# builtin, by a host library: the __context__ each gets while another
# exception is handled, and the traceback lines, as CPython has them.  (Tier
# 2's except clause leaves the chaining to the first frame that saw the
# exception: a callee's own catch when there is one.)
import json
import traceback


def lean_lookup(d, k):
    return d[k]


def based_lookup(d, k):
    try:
        return d[k]
    finally:
        k = None


def parse(text):
    try:
        return int(text)
    finally:
        text = None


def catch(kind, i):
    try:
        raise ValueError("outer %d" % i)
    except ValueError:
        try:
            if kind == 0:
                return lean_lookup({}, i)
            if kind == 1:
                return based_lookup({}, i)
            if kind == 2:
                return parse("x%d" % i)
            if kind == 3:
                return json.loads("{bad")
            return {}[i]
        except (KeyError, ValueError) as e:
            ctx = e.__context__
            lines = [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)]
            return (type(e).__name__, type(ctx).__name__, str(ctx), lines)


def plain(kind, i):
    try:
        if kind == 0:
            return lean_lookup({}, i)
        return based_lookup({}, i)
    except KeyError as e:
        return (e.__context__, [f.name for f in traceback.extract_tb(e.__traceback__)])


for rnd in range(60):
    out = [catch(kind, rnd) for kind in range(5)] + [plain(kind, rnd) for kind in range(2)]
    if rnd in (0, 59):
        for x in out:
            print(x)
