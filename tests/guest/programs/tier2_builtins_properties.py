# Builtins (len, str, isinstance, max...) and property reads called from
# functions that tier 2 runs: guest dunders and getters reached through them,
# frames and tracebacks seen from there, exceptions being handled, builtins
# rebound in globals, and getters that raise.
import sys
import traceback


class Box:
    def __init__(self, items):
        self._items = items

    def __len__(self):
        caller = sys._getframe(1)
        return len(self._items) + (caller.f_code.co_name == "measure")

    def __str__(self):
        return "Box%s" % (self._items,)

    def __lt__(self, other):
        return len(self._items) < len(other._items)

    @property
    def first(self):
        return self._items[0]

    @property
    def seen(self):
        f = sys._getframe()
        return f.f_code.co_name, f.f_back.f_code.co_name, sorted(f.f_locals)

    @property
    def handled(self):
        return repr(sys.exc_info()[1])

    @property
    def size(self):
        return len(self)

    @size.setter
    def size(self, n):
        if n < 0:
            raise ValueError("negative size %d" % n)
        self._items = list(range(n))


def measure(b):
    return len(b), str(b), isinstance(b, Box), max(b, Box([1, 2, 3, 4, 5])).first


def reads(b):
    out = [b.first, b.seen, b.size, b.handled]
    b.size = 3
    out.append(b.size)
    try:
        b.size = -1
    except ValueError as e:
        out.append(str(e))
        out.append(b.handled)
        out.append(len(b))
    return out


def failing(b):
    return b.first


def main():
    for _ in range(3):
        print(measure(Box([7, 8])))
        print(reads(Box([5, 6, 7])))
        print(sorted([Box([1, 2]), Box([1])], key=len)[0])
        try:
            failing(Box([]))
        except IndexError as e:
            print("IndexError", e,
                  [(fs.name, fs.line) for fs in traceback.extract_tb(e.__traceback__)])


main()
len = lambda x: -1
main()
del len
main()
