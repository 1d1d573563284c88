# sys.setprofile from guest code: call/return/c_call/c_return/c_exception events for guest functions and built-ins, never the VM's frames.
import sys
events = []
def prof(frame, event, arg):
    name = frame.f_code.co_name
    if event.startswith("c_"):
        events.append((event, name, getattr(arg, "__qualname__", repr(arg))))
    else:
        events.append((event, name, frame.f_lineno, repr(arg) if event == "return" else None))
def helper(x):
    return len([x]) + x
def gen():
    yield 1
    yield 2
def boom():
    raise ValueError("b")
class K:
    def m(self):
        return sorted([3, 1], key=abs)
sys.setprofile(prof)
helper(2)
list(gen())
try:
    boom()
except ValueError:
    pass
K().m()
[].append(1)
try:
    int("x")
except ValueError:
    pass
sys.setprofile(None)
for e in events:
    print(e)
print(sys.getprofile())
