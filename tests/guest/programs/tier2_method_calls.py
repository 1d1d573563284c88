# Method-call shapes from functions that tier 2 runs: bound-method objects,
# static methods through the class and an instance, a module's functions,
# methods of builtin containers reaching guest dunders (hash, eq, lt), errors
# they raise, and calls made while an exception is being handled.
import sys
import traceback
import types


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        if self.k is None:
            raise TypeError("no hash for None key")
        return hash(self.k)

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __lt__(self, other):
        return self.k < other.k

    def __repr__(self):
        return "Key(%r)" % (self.k,)


class Acc:
    def __init__(self):
        self.n = 0

    def add(self, v):
        self.n += v
        return self.n

    @staticmethod
    def twice(v):
        return 2 * v

    @classmethod
    def make(cls):
        return cls()


mod = types.ModuleType("mod")
exec("def triple(v):\n    return 3 * v\n", mod.__dict__)


def shapes(n):
    a = Acc.make()
    add = a.add
    out = []
    for i in range(n):
        out.append(add(i) + Acc.twice(i) + a.twice(i) + mod.triple(i))
    d = {}
    for i in range(n):
        d[Key(i % 3)] = d.get(Key(i % 3), 0) + 1
    keys = list(d)
    keys.sort()
    out.append(sorted(d.items()))
    out.append(keys)
    s = set()
    s.add(Key(1))
    out.append(s.__contains__(Key(1)))
    return out


class Holder:
    pass


def held(n):
    # bound methods kept in an instance's attributes: LOAD_METHOD leaves them
    # bound (their __self__ is another object)
    h = Holder()
    a = Acc()
    h.cb = a.add
    h.size = types.MethodType(len, [1, 2, 3])
    h.bad = a.add
    out = []
    for i in range(n):
        out.append(h.cb(i) + h.size())
    try:
        h.bad(1, 2)
    except TypeError as e:
        out.append(str(e))
    return out


def errors():
    items = [Key(1), Key(2)]
    try:
        items.remove(Key(5))
    except ValueError as e:
        print("ValueError", e, sys.exc_info()[0].__name__)
        print(items.index(Key(2)), {}.get(Key(1), "missing"))
        print([(fs.name, fs.line) for fs in traceback.extract_tb(e.__traceback__)])
    try:
        {}.get(Key(None))
    except TypeError as e:
        print("TypeError", e,
              [(fs.name, fs.line) for fs in traceback.extract_tb(e.__traceback__)])


def main():
    for _ in range(3):
        print(shapes(5))
        print(held(4))
        errors()


main()
