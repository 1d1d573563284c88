import sys

results = []

def make_tracer(source_line, target_line):
    done = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name != 'victim':
            return tracer
        if event == 'line' and frame.f_lineno == source_line and not done:
            done.append(1)
            try:
                frame.f_lineno = target_line
                results.append(('jumped', source_line, target_line))
            except ValueError as e:
                results.append(('refused', source_line, target_line, str(e)))
        return tracer
    return tracer

def victim():
    out = []
    out.append(1)
    out.append(2)
    for i in range(2):
        out.append(('loop', i))
    try:
        out.append('try')
    finally:
        out.append('finally')
    out.append(3)
    return out

for src, dst in [(24, 26), (26, 24), (25, 27), (27, 31), (31, 30),
                 (28, 23), (30, 26), (23, 1), (23, 100)]:
    old = sys.gettrace()
    sys.settrace(make_tracer(src, dst))
    try:
        r = victim()
    finally:
        sys.settrace(old)
    results.append(('result', r))

def jump_from_call(frame, event, arg):
    if frame.f_code.co_name == 'victim' and event == 'call':
        try:
            frame.f_lineno = 24
        except ValueError as e:
            results.append(('call refused', str(e)))
    return None

sys.settrace(jump_from_call)
victim()
sys.settrace(None)
for r in results:
    print(r)
