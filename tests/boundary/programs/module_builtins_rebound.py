# Issue 10 point 5: an exception case CPython handles (see test_exceptions.py)
__builtins__ = {"print": print, "len": lambda x: 42}
def f():
    return len("abc")
print(f())
def g():
    return abs(-1)
try:
    g()
except BaseException as e:
    print(type(e).__name__, e)
