# Issue 10 point 5: memory exhaustion is one MemoryError with the guest's
# frames, caught or printed as CPython does (address space limited here)
import resource
resource.setrlimit(resource.RLIMIT_AS, (600 * 2**20, resource.RLIM_INFINITY))
def big(n):
    return [0] * n
for make in (lambda: big(10**12), lambda: ' ' * 2**62, lambda: bytearray(2**40)):
    try:
        make()
    except MemoryError as e:
        print("caught", type(e).__name__, e.args, e.__context__)
b = bytearray()
def grow():
    while True:
        b.extend(b'x' * 2**20)
try:
    grow()
except MemoryError:
    print("caught growth", len(b) > 0)
b = None
def f():
    s = []
    try:
        while True:
            s.append(bytearray(10**7))
    finally:
        print("finally", len(s) > 0)
f()
