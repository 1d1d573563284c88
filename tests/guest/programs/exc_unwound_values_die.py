# Values on the stack when an exception is raised die as it unwinds (before the
# handler runs), wherever in a long block it is raised: tier 2 drops only the
# temporaries of the raising instruction's block made up to it
# (tier2.block_temps), so each raise point below is a different choice.
import io
import sys


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def pick(k, i, d):
    if k == i:
        raise ValueError(i)
    return i


def tuple_block(k):
    try:
        t = (D("a1"), D("a2"), pick(k, 0, D("q0")), D("a3"), D("a4"), pick(k, 1, D("q1")),
             D("a5"), D("a6"), D("a7"), pick(k, 2, D("q2")), D("a8"), len(D("a9").name),
             D("b1").name + D("b2").name, pick(k, 3, D("q3")), D("b3"), D("b4"),
             pick(k, 4, D("q4")))
        print("built", len(t))
        t = None
    except ValueError as e:
        print("caught", e)
    print("after", k)


def nested_calls(k):
    try:
        r = pick(k, 9, D("c1")) + pick(k, 8, D("c2")) * pick(k, 7, pick(k, 6, D("c3")))
        print("result", r, D("c4").name)
    except ValueError as e:
        print("caught", e)
    print("after", k)


def run(fn, k, loud):
    # (only the first and last rounds print: the others make the code hot)
    if loud:
        fn(k)
        return
    keep, sys.stdout = sys.stdout, io.StringIO()
    try:
        fn(k)
    finally:
        sys.stdout = keep


for rnd in range(40):
    for k in range(6):
        run(tuple_block, k, rnd == 0 or rnd == 39)
    for k in range(5, 11):
        run(nested_calls, k, rnd == 0 or rnd == 39)
