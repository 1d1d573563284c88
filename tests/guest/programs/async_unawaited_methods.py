# An async generator's asend/athrow/aclose awaitable freed before it ran:
# CPython 3.13 warns (RuntimeWarning, at the line running when it is freed,
# the generator as its source); 3.10-3.12 say nothing.
async def agen():
    yield 1

a = agen()
a.asend(None)
print("after asend")
a.__anext__()
print("after anext")
a.aclose()
print("after aclose")
x = a.athrow(ValueError)
x.close()            # (closed: no warning)
del x
y = a.asend(None)
try:
    y.throw(KeyError)
except KeyError:
    print("thrown")
del y                # (used: no warning)


def f():
    a.asend(None)


f()
kept = [a.athrow(ValueError)]
kept.clear()
print("cleared")
late = a.athrow(ValueError)     # (freed at exit: '<sys>:0' on 3.13)
print("end")
