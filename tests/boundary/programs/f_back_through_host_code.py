# Issue 10 point 2: a guest frame that host Python code called has that host
# frame as f_back, as on CPython: a thread's run, contextlib's __enter__,
# functools.total_ordering's comparison, json's encoder, heapq.merge resuming a
# generator, asyncio's event loop stepping a coroutine.  Across C callers
# (sorted's key, map) f_back is the calling guest frame.  The VM's own frames
# never show.
import asyncio, contextlib, functools, heapq, json, os, sys, threading

def chain(tag, f=None):
    f = sys._getframe(1) if f is None else f
    names = []
    while f is not None and len(names) < 12:
        names.append("%s:%s" % (os.path.basename(f.f_code.co_filename), f.f_code.co_name))
        f = f.f_back
    print(tag, names)
    return names

def target():
    chain("thread")
    f = sys._getframe()
    print("thread back is a frame:", type(f.f_back).__name__, f.f_back.f_lineno > 0,
          "self" in f.f_back.f_locals)
t = threading.Thread(target=target)
t.start(); t.join()

@contextlib.contextmanager
def cm():
    chain("cm enter")
    import inspect, traceback
    # host tools walking f_back from a guest frame
    print([fi.function for fi in inspect.getouterframes(sys._getframe())])
    print([fs.name for fs in traceback.extract_stack(sys._getframe())])
    yield
    chain("cm exit")

def use():
    with cm():
        pass
use()

@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __lt__(self, other):
        chain("lt")
        return self.v < other.v

def compare():
    return V(1) > V(2)
compare()

def default(o):
    chain("json default")
    return 1

def dump():
    return json.dumps({"a": object()}, default=default)
dump()

def gen(xs):
    for x in xs:
        chain("merged gen")
        yield x

def merge():
    return list(heapq.merge(gen([1]), gen([2])))
merge()

def key(x):
    chain("sorted key")
    return x

def sort():
    return sorted([1], key=key)
sort()

async def coro():
    chain("coroutine")

asyncio.run(coro())

def outer():
    frames = []
    def inner():
        frames.append(sys._getframe())
    inner()
    # a finished frame keeps its caller
    chain("finished", frames[0])
outer()

def gen2():
    yield sys._getframe()
g = gen2()
f = next(g)
print("suspended generator back:", f.f_back)
