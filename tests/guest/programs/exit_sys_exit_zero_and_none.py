# sys.exit(None) and SystemExit(0) statuses; the code attribute; exit inside with and atexit.
import sys, atexit
atexit.register(print, "atexit handler runs at shutdown")
for code in [None, 0, 2, "text", (1, 2)]:
    try:
        sys.exit(code)
    except SystemExit as e:
        print("SystemExit code=%r args=%r" % (e.code, e.args))
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("__exit__ sees", exc[0].__name__)
        return False
with CM():
    sys.exit(None)
