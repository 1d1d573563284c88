# The recursion limit lowered after a deep recursion is the limit at once: tier 2's
# prologues look at the limit only when the depth reaches tstate.t2_room, which a deep
# recursion pushed far out and setting the limit brings back (tier2.host_room)
import sys

sys.setrecursionlimit(3000)


def down(n):
    if n:
        return down(n - 1) + 1
    return 0


def count():
    box = [0]

    def r():
        box[0] += 1
        r()
    try:
        r()
    except RecursionError:
        pass
    return box[0]


def plain(n):
    return plain(n + 1) if n < 100000 else n


for i in range(30):
    down(2500)           # (deep: the next look at the limit is far out)
print("deep", down(2500))
sys.setrecursionlimit(300)
c1 = count()
sys.setrecursionlimit(600)
c2 = count()
sys.setrecursionlimit(250)
try:
    plain(0)
except RecursionError as e:
    print("plain", type(e).__name__)
print(c1, c2, c2 - c1)
