# Issue 10 point 2: sys._current_frames() shows each thread's running guest frame
import sys, threading, time
ready = threading.Event(); stop = threading.Event()
def spin_here():
    ready.set()
    while not stop.is_set():
        time.sleep(0.001)
def worker():
    spin_here()
t = threading.Thread(target=worker); t.start(); ready.wait()
fr = sys._current_frames()
print(fr[threading.get_ident()].f_code.co_name)
f = fr[t.ident]
names = []
while f is not None and len(names) < 3:
    names.append(f.f_code.co_name); f = f.f_back
print(names[:2])
stop.set(); t.join()
