# Reading and changing a function's __code__, __defaults__ and __kwdefaults__
# raises the object.__getattr__ / __setattr__ / __delattr__ audit events
# (funcobject.c), with the function, the name and the new value; setting
# __defaults__ or __kwdefaults__ to None is audited as a deletion.  A hook that
# raises refuses the access.  Other attributes raise no event.
import sys

events = []
refuse = set()


def hook(event, args):
    if event.startswith("object."):
        events.append((event, args[0].__name__ if callable(args[0]) else "?", args[1],
                       len(args)))
        if (event, args[1]) in refuse:
            raise RuntimeError("refused: %s %s" % (event, args[1]))


sys.addaudithook(hook)


def f(a=1, *, b=2):
    return a, b


def g():
    return "g"


c = f.__code__
d = f.__defaults__
k = f.__kwdefaults__
f.__code__ = g.__code__
print(f())
f.__code__ = c
f.__defaults__ = (3,)
f.__kwdefaults__ = {"b": 4}
print(f())
del f.__defaults__
del f.__kwdefaults__
f.__defaults__ = None
f.__kwdefaults__ = None
try:
    f.__defaults__ = [1]
except TypeError as e:
    print("TypeError", e)
try:
    f.__code__ = 5
except TypeError as e:
    print("TypeError", e)
gl = f.__globals__
cl = f.__closure__
f.__doc__ = "x"
f.__name__ = "f"
f.__qualname__ = "f"
f.__annotations__ = {}
for e in events:
    print(e)
events.clear()

refuse.add(("object.__getattr__", "__code__"))
try:
    f.__code__
except RuntimeError as e:
    print("RuntimeError", e)
refuse.add(("object.__setattr__", "__defaults__"))
try:
    f.__defaults__ = (9,)
except RuntimeError as e:
    print("RuntimeError", e)
print(f.__defaults__)
refuse.clear()
print(events)
