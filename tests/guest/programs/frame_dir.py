# dir() of a frame lists the frame type's attributes and nothing of the VM's:
# a guest frame, a generator's frame, a traceback's frame and a frame seen by a
# trace function all answer as CPython's frame does.
import sys


def names(frame):
    return sorted(dir(frame))


def public(frame):
    return [n for n in names(frame) if not n.startswith("__")]


here = sys._getframe()
print(public(here))
print(names(here) == sorted(set(dir(here))))
print("f_localsplus" in dir(here), "f_init_self" in dir(here), "_lasti" in dir(here))


def gen():
    yield sys._getframe()


g = gen()
gf = next(g)
print(public(gf) == public(here), public(g.gi_frame) == public(here))

try:
    1 / 0
except ZeroDivisionError as e:
    tf = e.__traceback__.tb_frame
print(public(tf) == public(here))


seen = []


def tracer(frame, event, arg):
    if event == "call":
        seen.append(public(frame) == public(here))
    return None


def traced():
    return 1


sys.settrace(tracer)
traced()
sys.settrace(None)
print(seen)
# The dunder names too: what dir() of any frame gives on this host.
print(names(here) == names(sys._getframe(0)))
print([n for n in dir(here) if n.startswith("__")] == [n for n in dir(gf) if n.startswith("__")])
