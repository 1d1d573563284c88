# sys.audit's argument checks (sysmodule.c sys_audit): before any hook exists only a missing event is an error; then a non-str event and a surrogate too.
import sys
def attempt(*args, **kwargs):
    try:
        print(repr(sys.audit(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)
attempt()
attempt(1)
attempt("ok", 1)
attempt(event="x")
attempt(b"bytes")
seen = []
sys.addaudithook(lambda event, args: seen.append(event) if event.startswith("e.") else None)
attempt()
attempt(1)
attempt(None, 2)
attempt(b"bytes")
attempt(event="x")
attempt("e.\udc80")
attempt("e.fine", x=1)
attempt("e.fine")
try:
    sys.addaudithook()
except TypeError as e:
    print(e)
print(seen)
for args, kwargs in [((), {}), ((1, 2), {}), ((), {"x": 1}), ((1,), {"hook": 1})]:
    try:
        sys.addaudithook(*args, **kwargs)
    except TypeError as e:
        print(e)
sys.addaudithook(hook=lambda event, args: seen.append("kw") if event == "e.kw" else None)
sys.audit("e.kw")
print(seen)
