"""A bare ``raise`` with no exception handled, in frame-based tier-2 code
(a try block: its re-raise's bookkeeping written in place, tier2.reraise_here)
and at module level: RuntimeError, the ``finally`` run, the handler's
sys.exc_info()."""
import sys
def f(i):
    try:
        try:
            raise
        finally:
            i += 1
    except RuntimeError as e:
        return str(e), i, sys.exc_info()[0]
def g():
    try:
        raise
    except BaseException as e:
        return type(e).__name__
for i in range(3):
    print(f(i), g())
try:
    raise
except RuntimeError as e:
    import traceback; traceback.print_exc(file=sys.stdout)
