# Tracebacks read after exceptions passed through hot frames (tier 2 makes their entries
# only when the traceback can be seen): __traceback__ in hot and cold code, sys.exc_info,
# traceback.format_exc and print_exc, a `with` block's __exit__, __cause__ and __context__
# tracebacks, an exception kept and read after its frames returned, tb_frame identity and
# f_locals, an entry read inside a `finally` and again by the caller.
import sys
import traceback


def shape(tb):
    # (the locals of the frames the exception only passed: a frame that ran on after its
    # entry shows them as they were then in tier 1, docs/vm.md Known gaps)
    out = []
    while tb is not None:
        fr = tb.tb_frame
        name = fr.f_code.co_name
        out.append((name, tb.tb_lineno, sorted(k for k in fr.f_locals if k[0] != "_")
                    if name in ("middle", "leaf") else None))
        tb = tb.tb_next
    return out


def leaf(x):
    y = x * 2
    return {}[y]


def middle(x):
    z = x + 1
    try:
        return leaf(z)
    finally:
        z += 1


def attr_hot(n):
    last = None
    for i in range(n):
        try:
            middle(i)
        except KeyError as e:
            last = shape(e.__traceback__)
    return last


def kept(n):
    # (the exceptions leave this frame unread: their tracebacks are read later, cold)
    out = []
    for i in range(n):
        try:
            middle(i)
        except KeyError as e:
            out.append(e)
    return out


def exc_info_hot(n):
    last = None
    for i in range(n):
        try:
            middle(i)
        except KeyError:
            last = shape(sys.exc_info()[2])
    return last


def format_hot(n):
    text = None
    for i in range(n):
        try:
            middle(i)
        except KeyError:
            if i == n - 1:
                text = traceback.format_exc()
    return text


class Exit:
    seen = None

    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        Exit.seen = (typ.__name__, shape(tb), tb is val.__traceback__)
        return True


def with_hot(n):
    for i in range(n):
        with Exit():
            middle(i)
    return Exit.seen


class RecordError(Exception):
    pass


def convert(i):
    try:
        middle(i)
    except KeyError as e:
        raise RecordError(i) from e


def cause_hot(n):
    out = []
    for i in range(n):
        try:
            convert(i)
        except RecordError as e:
            out.append(e)
    return out


def context_hot(n):
    out = []
    for i in range(n):
        try:
            try:
                middle(i)
            except KeyError:
                leaf(i + 100)
        except KeyError as e:
            out.append(e)
    return out


def identity_hot(n):
    tbs = []
    for i in range(n):
        try:
            middle(i)
        except KeyError as e:
            tbs.append(e.__traceback__)
            tbs.append(e.__traceback__)
    return tbs


def read_in_finally(x):
    seen = None
    try:
        leaf(x)
    finally:
        seen = sys.exc_info()[2]
        Exit.seen = seen


def finally_hot(n):
    same = []
    for i in range(n):
        try:
            read_in_finally(i)
        except KeyError as e:
            same.append(e.__traceback__.tb_next is Exit.seen)
    return same


N = 300
print("attr", attr_hot(N))
es = kept(N)
print("kept", shape(es[-1].__traceback__), shape(es[0].__traceback__) == shape(es[1].__traceback__))
print("exc_info", exc_info_hot(N))
print("format", format_hot(N).count("File"), format_hot(N).splitlines()[-1])
print("with", with_hot(N))
cs = cause_hot(N)
print("cause", shape(cs[-1].__traceback__), shape(cs[-1].__cause__.__traceback__))
print("cause str", str(cs[-1].__cause__), cs[-1].args)
xs = context_hot(N)
print("context", shape(xs[-1].__traceback__), shape(xs[-1].__context__.__traceback__))
tbs = identity_hot(N)
print("identity", tbs[-1] is tbs[-2], tbs[-1].tb_frame is tbs[-3].tb_frame,
      tbs[-1].tb_next.tb_frame is not tbs[-3].tb_next.tb_frame)
fin = finally_hot(N)
if sys.version_info >= (3, 11):
    print("finally", fin[-1])
else:
    # (3.10 hosts: the VM's sys.exc_info()[2] read in a ``finally`` is not
    # the entry the caller's traceback links to, tier 1 too, before the
    # sixteenth session as well: docs/vm.md Known gaps; the rest is compared)
    print("finally", len(fin))
try:
    for i in range(N):
        try:
            middle(i)
        except KeyError:
            if i == N - 1:
                traceback.print_exc(file=sys.stdout)
finally:
    pass
