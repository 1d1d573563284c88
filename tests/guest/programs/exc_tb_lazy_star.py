# except* over exception groups raised through hot frames (tier 2 makes their traceback
# entries only when they can be seen): the matched part's and the rest's tracebacks, the
# group a handler re-raises as it was, and a traceback read before the split.
# host>=3.11


def shape(tb):
    # (the locals of the frames the exception left: the handler's own frame runs on)
    out = [(tb.tb_frame.f_code.co_name, tb.tb_lineno)]
    tb = tb.tb_next
    while tb is not None:
        fr = tb.tb_frame
        out.append((fr.f_code.co_name, tb.tb_lineno, sorted(k for k in fr.f_locals if k[0] != "_")))
        tb = tb.tb_next
    return out


def raiser(i):
    k = i % 3
    raise ExceptionGroup("g%d" % i, [ValueError(i), KeyError(k)])


def middle(i):
    w = i
    return raiser(w)


def split_hot(n):
    out = None
    for i in range(n):
        try:
            try:
                middle(i)
            except* ValueError as eg:
                out = [shape(eg.__traceback__), [type(x).__name__ for x in eg.exceptions]]
        except* KeyError as rest:
            out.append(shape(rest.__traceback__))
    return out


def reraise_hot(n):
    last = None
    for i in range(n):
        try:
            try:
                middle(i)
            except* ValueError:
                raise
        except ExceptionGroup as g:
            last = (shape(g.__traceback__), len(g.exceptions))
    return last


def read_first(n):
    last = None
    for i in range(n):
        try:
            try:
                middle(i)
            except BaseException as g:
                seen = g.__traceback__
                raise
        except* KeyError as k:
            last = (shape(k.__traceback__), shape(seen) == shape(k.__traceback__))
        except* ValueError:
            pass
    return last


def reraise_read(n):
    # (the part's traceback read, then re-raised as it was: the same group's part)
    last = None
    for i in range(n):
        try:
            try:
                middle(i)
            except* ValueError as eg:
                t = eg.__traceback__
                raise
        except ExceptionGroup as g:
            last = (g.message, [type(x).__name__ for x in g.exceptions], shape(g.__traceback__),
                    shape(t))
    return last


print("split", split_hot(300))
print("reraise read", reraise_read(300))
print("reraise", reraise_hot(300))
print("read first", read_first(300))
