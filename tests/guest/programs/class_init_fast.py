# Class calls with a guest __init__ (tier 2 calls __init__ directly, without a
# frame for type_call): results, errors, tracebacks, frames and the cases that
# must keep CPython's general path (a guest __new__, a metaclass, builtin bases).
import sys
import traceback

class P:
    def __init__(self, x, y=5):
        self.x = x
        self.y = y

class Bad:
    def __init__(self):
        return 42

class Raises:
    def __init__(self, v):
        if v > 3:
            raise ValueError("v=%d" % v)
        self.v = v

class Looks:
    def __init__(self):
        f = sys._getframe()
        self.seen = (f.f_code.co_name, sorted(f.f_locals), f.f_back.f_code.co_name)

class WithNew:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, a):
        self.a = a

class Meta(type):
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)

class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a

class D(dict):
    def __init__(self, k):
        super().__init__(k=k)

class NotMine:
    def __init__(self):
        pass
    def __new__(cls):
        return 17

def run():
    out = []
    for i in range(30):
        p = P(i)
        q = P(i, y=i)
        out.append((p.x, p.y, q.y))
        for call in (lambda: Bad(), lambda: P(), lambda: P(1, 2, 3), lambda: Raises(i)):
            try:
                call()
            except (TypeError, ValueError) as e:
                if i in (0, 29):
                    out.append("%s: %s" % (type(e).__name__, e))
        out.append(Looks().seen)
    print(out[:6], out[-6:])
    print(WithNew(1).a, M(2).a, D(3), NotMine())
    try:
        Raises(9)
    except ValueError:
        traceback.print_exc(file=sys.stdout)
    c = P.__new__(P)
    print(type(c).__name__, hasattr(c, "x"))

run()
