# Under a do-nothing sys.settrace, objects die when CPython drops them: the traced
# loop must not keep a returned value (or the object a class call made) alive.
import sys
import weakref


def tracer(frame, event, arg):
    return tracer


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  __del__", self.name)


def make(name):
    return Res(name)


def run():
    r = Res("from class call")
    w = weakref.ref(r)
    del r
    print("after del (class call):", w())
    r = make("returned")
    w = weakref.ref(r)
    del r
    print("after del (returned):", w())
    for name in ("loop0", "loop1"):
        w = weakref.ref(make(name))
        print("temporary gone:", w() is None)


sys.settrace(tracer)
run()
sys.settrace(None)
sys.settrace(lambda frame, event, arg: None)
run()
sys.settrace(None)
print("done")
