# sys.addaudithook raises "sys.addaudithook" to the hooks already added; one raising an Exception cancels the add silently, a BaseException propagates; hooks run in order.
import sys
order = []
def first(event, args):
    if event.startswith("t."):
        order.append("first")
    if event == "sys.addaudithook":
        order.append(("add", args))
sys.addaudithook(first)
def second(event, args):
    if event.startswith("t."):
        order.append("second")
sys.addaudithook(second)
sys.audit("t.a")
print(order)
state = {"veto": None}
def veto(event, args):
    if event == "sys.addaudithook" and state["veto"] is not None:
        raise state["veto"]
sys.addaudithook(veto)
def never(event, args):
    if event.startswith("t."):
        order.append("never")
state["veto"] = RuntimeError("no more hooks")
print(sys.addaudithook(never))
state["veto"] = ValueError("not this one either")
print(sys.addaudithook(never))
state["veto"] = KeyboardInterrupt("stop")
try:
    sys.addaudithook(never)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", e)
state["veto"] = None
del order[:]
sys.audit("t.b")
print(order)
