# sys.setprofile(None) and a new profile function in the middle of a function; setprofile through an alias, with *args, in a class body, a lambda, a with block (issue 11).
import sys
events = []
def prof(frame, event, arg):
    name = getattr(arg, "__name__", repr(arg)) if event.startswith("c_") else frame.f_code.co_name
    events.append((event, name, frame.f_lineno))
def other(frame, event, arg):
    events.append(("other", event))
def show():
    sys.setprofile(None)
    for e in events:
        print(e)
    del events[:]
def f():
    sys.setprofile(prof)
    a = abs(-1)
    sys.setprofile(None)
    b = abs(-2)
    sys.setprofile(prof)
    c = abs(-3)
    sys.setprofile(other)
    d = abs(-4)
    return a + b + c + d
f()
show()
def g():
    p = sys.setprofile
    p(prof)
    x = divmod(7, 2)
    return x
g()
show()
def bad():
    sys.setprofile(prof)
    return int("x")
def main():
    try:
        bad()
    except ValueError as e:
        len(str(e))
    try:
        sys.setprofile(prof)
        [].pop()
    except IndexError:
        pass
main()
show()
class C:
    sys.setprofile(prof)
    x = len("abc")
show()
lam = lambda: sys.setprofile(prof) or abs(-5)
lam()
show()
class CM:
    def __enter__(self):
        return 1
    def __exit__(self, *exc):
        return False
def w():
    with CM() as v:
        sys.setprofile(*[prof])
        len("a")
    return v
w()
show()
