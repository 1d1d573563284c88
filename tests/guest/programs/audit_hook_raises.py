# An exception from a guest audit hook propagates out of sys.audit (and out of open()) and stops the later hooks; hooks cannot be removed.
import sys
calls = []
def strict(event, args):
    if event == "t.forbidden":
        raise PermissionError("forbidden: %r" % (args,))
    if event == "open" and isinstance(args[0], str) and args[0].endswith("no-such-file-audit"):
        raise OSError("open vetoed by the hook")
def later(event, args):
    if event.startswith("t."):
        calls.append(event)
sys.addaudithook(strict)
sys.addaudithook(later)
sys.audit("t.allowed")
try:
    sys.audit("t.forbidden", 1, "two")
except PermissionError as e:
    print(type(e).__name__, e)
print(calls)
try:
    open("/tmp/no-such-file-audit")
except OSError as e:
    print(type(e).__name__, e)
def deep(event, args):
    if event == "t.recurse":
        sys.audit("t.recurse")
sys.addaudithook(deep)
try:
    sys.audit("t.recurse")
except RecursionError as e:
    print("RecursionError", "maximum recursion depth exceeded" in str(e))
print(calls[-2:])
