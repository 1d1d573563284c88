# A guest audit hook that opens a file on every "open" event recurses into RecursionError (the VM must not hang); hooks run untraced unless __cantrace__ is true; sys.settrace raises "sys.settrace".
import sys
count = [0]
def reopen(event, args):
    if event == "open" and count[0] >= 0:
        count[0] += 1
        open(__file__).close()
sys.addaudithook(reopen)
try:
    open(__file__).close()
except RecursionError as e:
    print("RecursionError", count[0] > 50)
count[0] = -1
print(sys.getrecursionlimit())
traced = set()
def tracer(frame, event, arg):
    if event == "call":
        traced.add(frame.f_code.co_name)
def inner():
    pass
def quiet(event, args):
    if event == "t.q":
        inner()
def loud(event, args):
    if event == "t.q":
        inner()
loud.__cantrace__ = True
settrace_events = []
def watch(event, args):
    if event in ("sys.settrace", "sys.setprofile"):
        settrace_events.append((event, args))
sys.addaudithook(quiet)
sys.addaudithook(loud)
sys.addaudithook(watch)
sys.settrace(tracer)
sys.audit("t.q")
sys.settrace(None)
print(sorted(traced))
sys.setprofile(None)
print(settrace_events)
profiled = []
def profiler(frame, event, arg):
    if event == "call":
        profiled.append(frame.f_code.co_name)
def quiet_p(event, args):
    if event == "t.p":
        inner()
sys.addaudithook(quiet_p)
sys.setprofile(profiler)
sys.audit("t.p")
sys.setprofile(None)
print(profiled)
