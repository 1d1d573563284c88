# A worker that raises right after q.put() is done() when the consumer wakes, as on CPython
# (more-itertools callback_iter): the VM must not give the GIL away while it builds a traceback.
import concurrent.futures as cf
import queue
import sys

# (a long switch interval: the worker keeps the GIL until it blocks, on every host and
# in every mode, however long the VM takes; what is tested is that nothing on the way
# blocks, e.g. file I/O of an import made while the traceback is built)
sys.setswitchinterval(30.0)
q = queue.Queue()


def worker(i):
    q.put(i)
    raise ValueError("after put %d" % i)


with cf.ThreadPoolExecutor(1) as ex:
    fut = ex.submit(worker, 0)
    print("got", q.get(), "done", fut.done())
    print(type(fut.exception()).__name__, fut.exception())
