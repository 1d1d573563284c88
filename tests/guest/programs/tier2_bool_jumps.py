# Conditions on ``in``, ``not in``, ``is`` and ``is not`` in tier 2's lean code are
# written as the host's ``if X in Y:`` (t2peep._bool_jumps): no temporary for the bool,
# the operands released on each path after the jump.  What must not change: a guest
# __contains__ running (and seeing its caller's line), raising (the traceback), returning
# a non-bool (truth-tested inside the ``in``), operands whose finalizers see the line of
# the test, every path of and/or chains, and loops that ``continue`` on the test.
import sys
import traceback

seen = []


class Bag:
    def __init__(self, items, loud=False):
        self.items = items
        self.loud = loud

    def __contains__(self, x):
        if self.loud and x == 7:
            seen.append(("contains", sys._getframe(1).f_lineno))
        if x == "boom":
            raise KeyError("boom")
        return [1] if x in self.items else ""


class Dying:
    def __init__(self, tag):
        self.tag = tag

    def __eq__(self, other):
        return False

    __hash__ = object.__hash__

    def __del__(self):
        seen.append(("del", self.tag, sys._getframe(1).f_lineno))


def tests(n):
    bag = Bag({1, 3, 7}, loud=True)
    out = 0
    for i in range(n):
        if i in bag:
            out += 1
        if i not in bag:
            out += 2
        if (i % 5) in {0, 1} and i is not None:
            out += 4
        x = None if i % 3 else i
        if x is None or x in (3, 6):
            continue
        out += 8
    return out


def dying_operands(n):
    out = []
    for i in range(n):
        if (Dying(i) if i % 100 == 99 else i) in [
                -1]:
            out.append(i)
        if (Dying(-i) if i % 100 == 98 else None) is not None:
            out.append(-i)
    return len(out)


def raising(n):
    bag = Bag(())
    for i in range(n):
        key = "boom" if i == n - 1 else i
        if key in bag:
            return "found"
    return "none"


def run_raising():
    try:
        raising(300)
    except KeyError as e:
        return repr(e), [(fs.name, fs.lineno) for fs in traceback.extract_tb(e.__traceback__)]


def membership_kinds(n):
    d = {"a": 1}
    s = "hello"
    out = []
    for i in range(n):
        out.append(("a" in d, "z" not in d, "ell" in s, i in range(3), None is not d))
    return out[-1], len(out)


print(tests(400))
print(dying_operands(400))
print(run_raising())
print(membership_kinds(300))
print(seen)
