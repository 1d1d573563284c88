# Issue 10 point 5: sys.exit(text) with sys.stderr deleted: the text goes to the C stderr
import sys
del sys.stderr
sys.exit("msg")
