# A tracer attached between calls of functions hot enough for tier 2's lean calls: the
# next call of each (from traced code, from a builtin's callback, at any depth) must run
# traced, its call, line and return events seen, and the calls after the tracer is
# removed run untraced again.  (Lean prologues find an attached tracer through their one depth comparison,
# tstate.t2_room kept at 0 while a tracer is attached: tier2.lean_room.)
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("leaf", "middle"):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    return tracer


def leaf(i):
    j = i * 2
    return j + 1


def middle(i, depth):
    if depth:
        return middle(i, depth - 1)
    return leaf(i)


def run(n, depth):
    t = 0
    for i in range(n):
        t += middle(i, depth)
    return t


print(run(200, 3))
sys.settrace(tracer)
print(run(2, 1))
sys.settrace(None)
print(len(events), events[:8])
del events[:]
print(run(200, 3), events)
# deep: the room looked at again below and above the depth where the tracer attached
print(run(5, 150))
sys.settrace(tracer)
print(run(1, 130))
sys.settrace(None)
print(len(events), events[-3:])
# called back by builtins (their host code enters the lean function directly)
print(sorted(range(300), key=leaf)[:3], list(map(leaf, range(300)))[-1])
sys.settrace(tracer)
print(sorted(range(3), key=leaf), list(map(leaf, range(2))), max(range(2), key=leaf))
sys.settrace(None)
print(len(events), events[-4:])
