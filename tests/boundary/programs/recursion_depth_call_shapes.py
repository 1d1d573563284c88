# The depth a guest reaches before RecursionError is the guest's limit, whatever
# shape its calls take (tier 2 runs some shapes through more host frames than
# others: a closure, keyword arguments, defaults, bound methods, *args;
# the host's limit must leave room for all of them)
import sys
sys.setrecursionlimit(2000)


def closure():
    box = [0]
    def r():
        box[0] += 1
        r()
    try:
        r()
    except RecursionError:
        pass
    return box[0]


def keywords():
    box = [0]
    def r(a, b=2):
        box[0] += 1
        r(a=a, b=b)
    try:
        r(1)
    except RecursionError:
        pass
    return box[0]


def defaults():
    box = [0]
    def r(a, b=2, c=3):
        box[0] += 1
        r(a)
    try:
        r(1)
    except RecursionError:
        pass
    return box[0]


def methods():
    class A:
        n = 0
        def r(self):
            A.n += 1
            self.r()
    try:
        A().r()
    except RecursionError:
        pass
    return A.n


def star_args():
    box = [0]
    def r(*args):
        box[0] += 1
        r(*args)
    try:
        r(1, 2)
    except RecursionError:
        pass
    return box[0]


for probe in (closure, keywords, defaults, methods, star_args):
    print(probe.__name__, probe(), probe())
