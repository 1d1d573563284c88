# Data structures written in the guest: linked list, BST, LRU cache, union-find, trie, ring buffer.
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, nxt=None):
        self.val, self.next = val, nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        for it in reversed(list(items)):
            self.head = Node(it, self.head)
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"
ll = LinkedList(range(6))
print(ll); ll.reverse(); print(ll, LinkedList())
class BST:
    def __init__(self):
        self.root = None
    def insert(self, k):
        def ins(n):
            if n is None:
                return [k, None, None]
            if k < n[0]:
                n[1] = ins(n[1])
            elif k > n[0]:
                n[2] = ins(n[2])
            return n
        self.root = ins(self.root)
    def inorder(self):
        out = []
        def walk(n):
            if n:
                walk(n[1]); out.append(n[0]); walk(n[2])
        walk(self.root)
        return out
    def height(self, n="root"):
        n = self.root if n == "root" else n
        return 0 if n is None else 1 + max(self.height(n[1]), self.height(n[2]))
    def __contains__(self, k):
        n = self.root
        while n:
            if k == n[0]:
                return True
            n = n[1] if k < n[0] else n[2]
        return False
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(t.inorder(), t.height(), 45 in t, 46 in t)
from collections import OrderedDict
class LRU:
    def __init__(self, cap):
        self.cap, self.d = cap, OrderedDict()
    def get(self, k):
        if k not in self.d:
            return -1
        self.d.move_to_end(k)
        return self.d[k]
    def put(self, k, v):
        self.d[k] = v
        self.d.move_to_end(k)
        if len(self.d) > self.cap:
            print("  evict", self.d.popitem(last=False))
c = LRU(2)
c.put(1, 1); c.put(2, 2); print(c.get(1)); c.put(3, 3); print(c.get(2)); c.put(4, 4); print(c.get(1), c.get(3), c.get(4))
class DSU:
    def __init__(self, n):
        self.p, self.r = list(range(n)), [0] * n
    def find(self, x):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x
    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a == b:
            return False
        if self.r[a] < self.r[b]:
            a, b = b, a
        self.p[b] = a
        self.r[a] += self.r[a] == self.r[b]
        return True
d = DSU(10)
print([d.union(a, b) for a, b in [(0, 1), (2, 3), (1, 3), (0, 2), (5, 6), (7, 7)]], len({d.find(i) for i in range(10)}))
class Trie:
    def __init__(self):
        self.root = {}
    def add(self, w):
        n = self.root
        for ch in w:
            n = n.setdefault(ch, {})
        n["$"] = True
    def starts(self, prefix):
        n = self.root
        for ch in prefix:
            if ch not in n:
                return []
            n = n[ch]
        out = []
        def walk(n, acc):
            for k in sorted(n):
                if k == "$":
                    out.append(prefix + acc)
                else:
                    walk(n[k], acc + k)
        walk(n, "")
        return out
tr = Trie()
for w in "car card care cart cat dog do dot".split():
    tr.add(w)
print(tr.starts("car"), tr.starts("do"), tr.starts("x"), tr.starts(""))
class Ring:
    def __init__(self, n):
        self.buf, self.n, self.start, self.size = [None] * n, n, 0, 0
    def push(self, v):
        self.buf[(self.start + self.size) % self.n] = v
        if self.size < self.n:
            self.size += 1
        else:
            self.start = (self.start + 1) % self.n
    def items(self):
        return [self.buf[(self.start + i) % self.n] for i in range(self.size)]
rb = Ring(4)
for i in range(7):
    rb.push(i)
    print(rb.items(), end=" ")
print()
