import sys

calls = []

def bad(frame, event, arg):
    calls.append((event, frame.f_code.co_name))
    if event == 'line':
        raise RuntimeError('tracer failed')
    return bad

def work():
    a = 1
    return a

old = sys.gettrace()
sys.settrace(bad)
try:
    work()
except RuntimeError as e:
    calls.append(('caught', str(e)))
print(sys.gettrace() is None)
sys.settrace(old)
print(calls)
