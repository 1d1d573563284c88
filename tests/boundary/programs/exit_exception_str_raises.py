# Issue 10 point 5: sys.exit(exc) whose str() and repr() raise: the error is
# printed at shutdown (3.12+), by 3.13's C traceback printer without carets
class E(Exception):
    def __repr__(self): raise RuntimeError("no repr")
    def __str__(self): raise RuntimeError("no str")
import sys
sys.exit(E())
