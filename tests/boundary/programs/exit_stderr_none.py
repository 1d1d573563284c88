# Issue 10 point 5: sys.exit(obj) with sys.stderr = None: str(obj) goes to the C stderr
import sys
class C:
    def __str__(self): return "custom"
sys.stderr = None
sys.exit(C())
