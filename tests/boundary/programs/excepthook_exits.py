# Issue 10 point 5: a sys.excepthook that raises SystemExit sets the exit status
import sys
def hook(t, v, tb):
    print("hook saw", t.__name__, v)
    sys.exit(3)
sys.excepthook = hook
raise KeyError("orig")
