# Issue 10 point 5: an exception case CPython handles (see test_exceptions.py)
class E(Exception):
    @property
    def __traceback__(self):
        return None
try:
    raise E("x")
except E as e:
    print("caught", e)
def f():
    raise E("y")
f()
