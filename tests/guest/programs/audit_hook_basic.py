# A guest's sys.addaudithook: its hook sees the guest's sys.audit events (the VM hung: the host called the guest hook for its own events).
import sys
seen = []
def hook(event, args):
    if event == "my.event":
        seen.append(args)
sys.addaudithook(hook)
sys.audit("my.event", 1, 2)
print(seen)
sys.audit("my.event")
sys.audit("other.event", "x")
print(seen)
class Name(str):
    pass
names = []
def second(event, args):
    if event.startswith("my."):
        names.append((type(event).__name__, event, type(args).__name__, args))
sys.addaudithook(second)
sys.audit(Name("my.sub"), [1])
print(names, seen[-1])
