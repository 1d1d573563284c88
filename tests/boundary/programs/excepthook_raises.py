# Issue 10 point 5: an exception case CPython handles (see test_exceptions.py)
import sys
def hook(t, v, tb):
    raise ValueError("hook broke")
sys.excepthook = hook
raise KeyError("orig")
