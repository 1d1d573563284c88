# Issue 10 point 5: runaway recursion through several C paths under a very high
# recursion limit: one RecursionError each, never a host crash (3.11 overflowed
# its C stack here in the VM)
import sys
sys.setrecursionlimit(10**6)
def g():
    return sorted([1, 2], key=lambda x: g())
class B:
    def __getattr__(self, n): return getattr(self, n)
class C:
    def __eq__(self, o): return self == o
class S:
    def __str__(self): return str(self)
def m():
    return list(map(lambda x: m(), [1]))
for name, fn in [("sorted", g), ("getattr", lambda: B().x), ("eq", lambda: C() == 1), ("str", lambda: str(S())), ("map", m)]:
    try:
        fn()
    except RecursionError as e:
        print(name, "RecursionError")
