# Builtins that run no Python code, called in hot except clauses (tier 2 calls
# them without showing the host the handled exception: tier2.plain_handled's
# _runs_no_code): len, str of atoms and of plain builtin exceptions, a plain
# builtin exception's __init__; what they raise is chained to the handled
# exception, whose traceback, context and cause stay as they were; the same
# builtins given guest objects (their code runs) take the host's path.


class Rec(Exception):
    def __init__(self, index, reason):
        Exception.__init__(self, reason)
        self.index = index


class Loud:
    def __str__(self):
        return "loud"

    def __len__(self):
        return 3


def fail(i):
    if i % 3 == 0:
        raise KeyError("k%d" % i)
    if i % 3 == 1:
        try:
            int("x%d" % i)
        except ValueError as inner:
            raise Rec(i, "bad") from inner
    raise ValueError(i, "two", 2.5, None)


def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def hot(n):
    kept = []
    for i in range(n):
        try:
            fail(i)
        except Exception as e:
            size = len(e.args) + len(str(e)) + len(str(i)) + len(str(e.__cause__))
            made = Rec(i, "made")
            try:
                str(10 ** 5000)
            except ValueError as bad:
                big = bad
            try:
                Exception.__init__(5)
            except TypeError as bad2:
                wrong = bad2
            try:
                len(i)
            except TypeError as bad3:
                nolen = bad3
            guest = str(Loud()) + str(len(Loud()))
            if i % 61 == 0 or i >= n - 3:
                print(i, type(e).__name__, size, made.args, made.index, guest,
                      big.__context__ is e, wrong.__context__ is e, nolen.__context__ is e,
                      str(wrong)[:40], str(nolen),
                      type(e.__cause__).__name__, type(e.__context__).__name__,
                      e.__suppress_context__, walk(e.__traceback__),
                      walk(big.__traceback__), walk(nolen.__traceback__))
            kept = [e, big, wrong]
    return kept


kept = hot(400)
print([type(x).__name__ for x in kept], [walk(x.__traceback__) for x in kept],
      kept[1].__context__ is kept[0], kept[2].__context__ is kept[0])
