import sys

log = []

def tracer(frame, event, arg):
    if frame.f_code.co_name == 'target':
        frame.f_trace_opcodes = True
        if event == 'call':
            frame.f_trace_lines = False
        log.append((event, frame.f_lineno, frame.f_lasti))
    return tracer

def target(x):
    y = x + 1
    if y > 1:
        y = y * 2
    return y

old = sys.gettrace()
sys.settrace(tracer)
target(3)
sys.settrace(old)
for entry in log:
    print(entry)
