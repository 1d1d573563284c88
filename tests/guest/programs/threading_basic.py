# threading with deterministic results: workers with a lock, join, thread-local data, exceptions via excepthook.
import threading
counter = 0
lock = threading.Lock()
def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
threads = [threading.Thread(target=work, args=(500,), name="worker-%d" % i) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter, [t.name for t in threads], any(t.is_alive() for t in threads))
results = {}
def square(i):
    results[i] = i * i
ts = [threading.Thread(target=square, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
local = threading.local()
seen = []
def use_local(v):
    local.value = v
    seen.append(local.value * 10)
lt = [threading.Thread(target=use_local, args=(i,)) for i in range(3)]
for t in lt:
    t.start()
    t.join()
print(seen, hasattr(local, "value"))
caught = []
threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
def fails():
    raise ValueError("failure inside thread")
bad = threading.Thread(target=fails, name="bad-thread")
bad.start()
bad.join()
print(caught)
class Worker(threading.Thread):
    def __init__(self, items):
        super().__init__(name="subclassed")
        self.items, self.total = items, 0
    def run(self):
        for it in self.items:
            self.total += it
w = Worker(range(100))
w.start()
w.join()
print(w.total, w.name)
ev = threading.Event()
order = []
def waiter():
    ev.wait()
    order.append("waiter woke")
wt = threading.Thread(target=waiter)
wt.start()
order.append("main sets event")
ev.set()
wt.join()
print(order)
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(lambda v: v ** 3, range(8))))
    fut = ex.submit(sum, [1, 2, 3])
    print(fut.result())
