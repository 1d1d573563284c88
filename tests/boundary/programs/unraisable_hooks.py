# Issue 10 point 2: what a hook the guest installs (sys.unraisablehook,
# threading.excepthook) receives is what CPython passes: a __del__ named by its
# function, guest frames only in the traceback (on 3.10 hosts too), and a
# hook's own error reported in CPython's words.
import sys, gc, weakref, traceback, threading
print(sys.unraisablehook is sys.__unraisablehook__,
      threading.excepthook is threading.__excepthook__, type(sys).__name__)

def show(u):
    obj = u.object
    frames = [f.f_code.co_name for f, _ in traceback.walk_tb(u.exc_traceback)]
    print("hook:", u.err_msg, type(obj).__name__, getattr(obj, "__qualname__", None),
          type(u.exc_value).__name__, u.exc_value, frames)

sys.unraisablehook = show
print(sys.unraisablehook is show)

class A:
    def __del__(self):
        raise ValueError("in del")

a = A()
del a
gc.collect()

class B:
    pass

def cb(r):
    1 / 0

b = B()
r = weakref.ref(b, cb)
del b

def gen():
    try:
        yield 1
    finally:
        raise KeyError("in finally")

g = gen()
next(g)
del g

class C:
    def helper(self):
        raise TypeError("deep")
    def __del__(self):
        self.helper()

c = C()
del c

class Hook:
    def __call__(self, u):
        print("callable hook:", type(u.object).__name__, u.object.__qualname__)

sys.unraisablehook = Hook()
a = A()
del a

def bad(u):
    raise RuntimeError("hook broke")
sys.unraisablehook = bad
a = A()
del a
sys.unraisablehook = None
a = A()
del a
del sys.unraisablehook
a = A()
del a
print(hasattr(sys, "unraisablehook"))
sys.unraisablehook = sys.__unraisablehook__
a = A()
del a

def thread_hook(args):
    print("thread hook:", args.exc_type.__name__,
          [f.f_code.co_name for f, _ in traceback.walk_tb(args.exc_traceback)], args.thread.name)
threading.excepthook = thread_hook
def target():
    raise KeyError("t")
t = threading.Thread(target=target, name="T1"); t.start(); t.join()
def thread_hook_fails(args):
    raise RuntimeError("thread hook broke")
threading.excepthook = thread_hook_fails
t = threading.Thread(target=target, name="T2"); t.start(); t.join()
print(threading.excepthook is thread_hook_fails)
print("end")

# atexit callbacks that raise, reported to the guest's hook, then the default
import atexit
sys.unraisablehook = show
def at_exit():
    raise ValueError("at exit")
def at_exit_default():
    sys.unraisablehook = sys.__unraisablehook__
    raise KeyError("at exit, default hook")
atexit.register(at_exit_default)
atexit.register(at_exit)
