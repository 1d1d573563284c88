# An instruction that tier 2 runs by its ordinary handler on the frame's value
# stack (CALL_FUNCTION_EX) raising into a handler of the same function: the
# handler's unwinding drops what that instruction had not popped.  Tier 2's
# static unwinding (the handler known at translation) left those values on
# the value stack, and the next generic instruction unpacked too many
# ("ValueError: too many values to unpack"); found by the thirteenth session.
# Called often enough to reach tier 2 in auto mode too; the order in which
# the values die is printed through their finalizers.


class Noisy:
    def __init__(self, tag, log):
        self.tag = tag
        self.log = log

    def __del__(self):
        self.log.append(self.tag)


def missing(lst, *rest, **kw):
    return lst.get(1)


def ok(a, b, **kw):
    return 1


def top(x):
    n = 0
    for a in ((x,), (x, 2)):
        try:
            n += (missing if len(a) == 1 else ok)(*a)
        except AttributeError as e:
            n += len(str(e))
    return n


def with_kwargs(x, log):
    n = 0
    for a in ((x,), (x, 2), (x,)):
        try:
            try:
                n += (missing if len(a) == 1 else ok)(*a, k=Noisy("kw", log))
            finally:
                log.append("finally")
        except AttributeError:
            log.append("caught")
        n += ok(*a[:1], 2)
    return n


total = 0
log = []
for i in range(3000):
    total += top([])
    if i % 500 == 0:
        del log[:]
        total += with_kwargs([], log)
        print(i, total, log)
print(total)
