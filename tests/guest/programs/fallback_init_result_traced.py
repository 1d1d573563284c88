# type_call's check of __init__'s result (TypeError unless None) in every loop:
# the plain loop, and the traced loop a sys.settrace attaches.
import sys


class Bad:
    def __init__(self, v):
        self.v = v
        return v


class Good:
    def __init__(self):
        return None


def make(v):
    try:
        Bad(v)
    except TypeError as e:
        return "TypeError: %s" % e
    return "no error"


def run(label):
    print(label, make(1), make("s"), make(None), type(Good()).__name__)
    try:
        Bad(2.5)
    except TypeError as e:
        print(label, "caught at top:", e)


run("plain")


def local(frame, event, arg):
    return local


sys.settrace(local)
run("traced (local tracer)")
sys.settrace(None)
sys.settrace(lambda frame, event, arg: None)
run("traced (global only)")
sys.settrace(None)
run("plain again")
Bad(3)
