# A frame observed by a finalizer that runs while the same frame is being made (GH-97002)
import gc
import sys

seen = []


class Cyc:
    def __del__(self):
        # runs from the collector, wherever an allocation triggered it
        seen.append(sys._getframe(1))


def make_garbage():
    a = Cyc()
    a.self = a


def inner(k):
    x = k * 2
    return sys._getframe()


def outer(t):
    gc.collect()
    gc.disable()
    make_garbage()
    gc.set_threshold(t)
    del seen[:]
    gc.enable()
    # the next collection runs at the t-th allocation from here: for some t,
    # inside the making of inner's frame object
    f = inner(t)
    same = all(s is f for s in seen if s.f_code is inner.__code__)
    ok = f.f_code.co_name == "inner" and f.f_locals == {"k": t, "x": 2 * t}
    return same, ok


old = gc.get_threshold()
results = []
for rounds in range(3):
    for t in range(1, 120):
        results.append(outer(t))
gc.set_threshold(*old)
gc.collect()
del seen[:]
print("calls", len(results))
print("frame identity kept", all(same for same, ok in results))
print("frames and locals right", all(ok for same, ok in results))
