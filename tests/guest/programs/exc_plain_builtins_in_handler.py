# Plain builtins (len, str, int, repr, getattr, sum, ...) called inside except
# blocks of hot code: what they raise chains to the exception being handled,
# host code under them (a guest __str__/__len__/__index__ calling the
# traceback module, sys.exc_info) sees the handled exception, and after the
# handler nothing is handled any more.  (Tier 2 calls them through
# tier2.plain_handled there, without call_any's path.)
import sys
import traceback


class Shows:
    def __init__(self, tag):
        self.tag = tag

    def __str__(self):
        return "%s:%s" % (self.tag, type(sys.exc_info()[1]).__name__)

    def __len__(self):
        return len(traceback.format_exc().splitlines())

    def __index__(self):
        raise LookupError("index of " + self.tag)


class Custom(ValueError):
    def __init__(self, i, why):
        ValueError.__init__(self, why, i)
        self.i = i


def base_inits(i):
    # (a builtin exception's __init__ slot wrapper called from guest code,
    # in and out of a handler, with wrong arguments and a wrong self)
    out = [Custom(i, "out").args]
    try:
        raise Custom(i, "in")
    except Custom as c:
        out.append(Custom(i + 1, "handled").args)
        try:
            Exception.__init__(5, "x")
        except TypeError as t:
            out.append((str(t), repr(t.__context__)))
        e = KeyError()
        KeyError.__init__(e, "a", "b")
        out.append(e.args)
        try:
            BaseException.__init__(e, x=1)
        except TypeError as t:
            out.append(str(t))
    return out


def handled_calls(i):
    out = []
    try:
        raise KeyError("k%d" % (i % 3))
    except KeyError as e:
        out.append(len(e.args[0]))
        out.append(str(Shows("s")))
        out.append(len(Shows("l")))
        out.append(repr(e))
        out.append(getattr(e, "args"))
        out.append(sum([i, 1]))
        # (host code run by a plain builtin: the host's exc_info is the guest's)
        out.append(list(map(traceback.format_exc, [0]))[0].splitlines()[-1])
        try:
            int("x%d" % i)
        except ValueError as v:
            out.append((str(v), repr(v.__context__), v.__suppress_context__))
        try:
            len(i)
        except TypeError as t:
            out.append((str(t), repr(t.__context__)))
        try:
            hex(Shows("h"))
        except LookupError as x:
            out.append((str(x), repr(x.__context__)))
        try:
            getattr(e, "missing")
        except AttributeError as a:
            out.append((str(a), repr(a.__context__)))
    out.append(sys.exc_info())
    out.append(str(Shows("after")))
    return out


def outside(i):
    try:
        len(i)
    except TypeError as t:
        return repr(t.__context__)


for i in range(300):
    got = handled_calls(i)
    inits = base_inits(i)
    if i < 3 or i >= 297:
        print(i, got)
        print(i, inits)
    o = outside(i)
    if o != "None":
        print("outside", i, o)
print("done", sys.exc_info())
