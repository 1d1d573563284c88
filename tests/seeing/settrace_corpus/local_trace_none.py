import sys

log = []

def local(frame, event, arg):
    log.append(('local', event, frame.f_code.co_name, frame.f_lineno))
    if event == 'line' and frame.f_lineno == 19:
        return None
    return local

def glob(frame, event, arg):
    log.append(('global', event, frame.f_code.co_name, frame.f_lineno))
    if frame.f_code.co_name == 'untraced':
        return None
    return local

def traced():
    a = 1
    b = 2
    return a + b

def untraced():
    c = 3
    return c

old = sys.gettrace()
sys.settrace(glob)
traced()
untraced()
sys.settrace(old)
print(sys.gettrace() is old)
for entry in log:
    print(entry)
