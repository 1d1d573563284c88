# Issue 10 point 5: runaway recursion through C code under a very high
# recursion limit ends in one RecursionError, never a host crash or a broken VM
# (3.12+: before the host's fixed C recursion limit fails inside the VM;
# CPython 3.10/3.11 overflow the C stack and crash here)
import sys
sys.setrecursionlimit(10**6)
class A:
    def __repr__(self): return repr(self)
try:
    repr(A())
except RecursionError as e:
    print("RecursionError")
