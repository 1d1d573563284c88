# Issue 10 point 2: what the host hands to guest code or prints shows guest
# frames only: tracebacks of exceptions in __del__, weakref and atexit callbacks
# and thread targets, sys.unraisablehook's object, sys._current_frames().
import sys, threading, weakref, atexit, gc
class A:
    def __del__(self):
        raise ValueError("in del")
a = A()
del a
gc.collect()
class B: pass
b = B()
def cb(r):
    1/0
r = weakref.ref(b, cb)
del b
def target():
    raise KeyError("in thread")
t = threading.Thread(target=target)
t.start(); t.join()
def f():
    fr = sys._current_frames()[threading.get_ident()]
    print(fr.f_code.co_name, fr.f_back.f_code.co_name)
f()
def at():
    raise RuntimeError("at exit")
atexit.register(at)
print("end")
seen = []
def hook(u):
    names = [f.f_code.co_name for f, _ in __import__("traceback").walk_tb(u.exc_traceback)]
    seen.append((u.err_msg, type(u.object).__name__, getattr(u.object, "__qualname__", None),
                 type(u.exc_value).__name__, names))
old = sys.unraisablehook
sys.unraisablehook = hook
a = A()
del a
gc.collect()
sys.unraisablehook = old
print(seen)
def in_thread():
    fr = sys._current_frames()[threading.get_ident()]
    print("thread", fr.f_code.co_name)
t = threading.Thread(target=in_thread)
t.start(); t.join()
