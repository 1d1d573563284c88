# A frame an exception passed through lets its locals go when it returns (the stand-in it keeps for the next exception is dropped when the frame is parked for reuse).
import weakref


class Obj:
    pass


refs = []


def work(n):
    o = Obj()
    refs.append(weakref.ref(o))
    try:
        raise ValueError(n)
    except ValueError:
        pass
    return n


for i in range(3):
    work(i)
    print(i, refs[-1]() is None)
