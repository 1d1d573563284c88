# A full mutable mapping and sequence emulated by guest classes.
from collections.abc import MutableMapping, MutableSequence
class CaseDict(MutableMapping):
    def __init__(self, *a, **k):
        self._d = {}
        self.update(*a, **k)
    def __getitem__(self, k):
        return self._d[k.lower()][1]
    def __setitem__(self, k, v):
        self._d[k.lower()] = (k, v)
    def __delitem__(self, k):
        del self._d[k.lower()]
    def __iter__(self):
        return (orig for orig, _ in self._d.values())
    def __len__(self):
        return len(self._d)
    def __repr__(self):
        return "CaseDict(%r)" % dict(self.items())
cd = CaseDict(Content=1)
cd["ACCEPT"] = 2
cd.setdefault("accept", 99)
print(cd, cd["content"], "CONTENT" in cd, len(cd), cd.get("x", 0), list(cd.keys()), cd.pop("Accept"), cd)
class TypedList(MutableSequence):
    def __init__(self, kind, data=()):
        self.kind, self._l = kind, []
        self.extend(data)
    def _check(self, v):
        if not isinstance(v, self.kind):
            raise TypeError("expected %s" % self.kind.__name__)
        return v
    def __getitem__(self, i):
        return self._l[i]
    def __setitem__(self, i, v):
        self._l[i] = self._check(v)
    def __delitem__(self, i):
        del self._l[i]
    def __len__(self):
        return len(self._l)
    def insert(self, i, v):
        self._l.insert(i, self._check(v))
    def __repr__(self):
        return "TypedList(%r)" % self._l
tl = TypedList(int, [3, 1, 2])
tl.append(10)
tl.reverse()
tl += [7]
print(tl, tl.pop(), tl.index(1), tl.count(3), 2 in tl, tl[1:], list(reversed(tl)))
try:
    tl.append("x")
except TypeError as e:
    print("TypeError:", e)
class Grid:
    def __init__(self, w, h):
        self.w, self.h, self.cells = w, h, {}
    def __getitem__(self, pos):
        x, y = pos
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self.cells[pos] = v
    def __str__(self):
        return "\n".join("".join(self[x, y] for x in range(self.w)) for y in range(self.h))
g = Grid(5, 3)
g[0, 0] = "#"; g[4, 2] = "@"; g[2, 1] = "*"
print(g)
