# sys.setprofile profiles the frame that installs it from its next event on: its later C calls, its return and its callers' returns (issue 11).
import sys
events = []
def prof(frame, event, arg):
    name = getattr(arg, "__name__", repr(arg)) if event.startswith("c_") else frame.f_code.co_name
    events.append((event, name, frame.f_lineno))
def show():
    sys.setprofile(None)
    for e in events:
        print(e)
    del events[:]
def f():
    sys.setprofile(prof)
    x = sorted([3, 1])
    return x
f()
sys.setprofile(None)
def h():
    sys.setprofile(prof)
    return 5
def k():
    h()
    return abs(-1)
k()
show()
def leaf():
    sys.setprofile(prof)
    return sum([1, 2])
def mid():
    r = leaf()
    return r + len("x")
def top():
    try:
        mid()
        raise KeyError(1)
    except KeyError:
        pass
    return [max(1, 2), max(3, 4)]
top()
show()
def raiser():
    sys.setprofile(prof)
    int("z")
try:
    raiser()
except ValueError:
    pass
show()
sys.setprofile(prof)
print("module level", len("abc"))
show()
