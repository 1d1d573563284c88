"""Recursion through sorted()'s key function reading a guest property: on
3.10/3.11 the call of sorted counts a C recursion check, the property read
inside the key function none (its fget is entered from the attribute read,
not from sorted).  Tier 2 used to charge sorted's check again for the
property (runtime/cdepth.py looked past the key function's host frame for
the builtin), so RecursionError came about 50 levels early (at the default
limit; 15 at this one).  The limit is 300 so that 3.12, which counts the
Python frames alone (a third of the limit: 99 levels), stays under the VM's
cap of nested entries from host code there (250: docs/boundary.md), where
the default limit's 332 levels went past it."""

import sys


class Node:
    def __init__(self, k, stop):
        self.k = k
        self.stop = stop

    @property
    def down(self):
        if self.stop:
            return 0
        return walk(self.k + 1, False)


deepest = 0


def walk(k, stop):
    global deepest
    deepest = k
    return sorted([Node(k, stop)], key=key)


def key(n):
    return n.down


sys.setrecursionlimit(300)
# (warmed up first: CPython 3.11 counts some calls until a call site is
# specialized, after eight runs, which the VM does not model)
for _ in range(40):
    walk(0, True)
try:
    walk(0, False)
except RecursionError as e:
    print("RecursionError:", e)
print("deepest", deepest)
