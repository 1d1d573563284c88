# Issue 10 point 5: sys.excepthook = None is a hook that fails ("Error in sys.excepthook:"),
# not a missing one
import sys
sys.excepthook = None
raise ValueError("v")
