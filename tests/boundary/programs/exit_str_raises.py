# Issue 10 point 5: an exception case CPython handles (see test_exceptions.py)
import sys
class X:
    def __str__(self):
        raise ValueError("no str")
sys.exit(X())
