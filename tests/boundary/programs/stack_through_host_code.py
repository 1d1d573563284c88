# Issue 10 point 2: inspect.stack() and traceback.extract_stack() called by a
# guest frame that host code called (contextlib's __enter__, json's encoder,
# sorted's key, a thread's run) list the frames CPython's stack has: guest
# frames and the host frames between them, never the VM's.
import contextlib, inspect, json, sys, threading, traceback

def stack(tag):
    names = [fi.function for fi in inspect.stack()]
    summary = [fs.name for fs in traceback.extract_stack()]
    text = "".join(traceback.format_stack())
    print(tag, names[1:6], summary[::-1][1:6], text.count("File "))
    print(tag, "caller of the frame:", sys._getframe(1).f_code.co_name)

@contextlib.contextmanager
def cm():
    stack("cm")
    yield

def use():
    with cm():
        pass
use()

def default(o):
    stack("json")
    return 1

def dump():
    return json.dumps({"a": object()}, default=default, indent=1)
dump()

def key(x):
    stack("key")
    return x

def sort():
    return sorted([1], key=key)
sort()

def target():
    stack("thread")
t = threading.Thread(target=target)
t.start(); t.join()
