# Generator loops in tier 2's structured form (host if/while): nested loops, continue/break/else, yield from, sends, and generators handed to tier 1 and back mid-loop (osr entries)
import sys
def nest(n):
    i = 0
    while i < n:
        for j in range(i):
            if j == 3:
                break
            yield i, j
        else:
            yield 'else', i
        i += 1
    yield 'done'
def windows(it, size):
    window = []
    for v in it:
        window.append(v)
        if len(window) == size:
            yield sum(window)
            window.pop(0)
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def deleg(k):
    for i in range(k):
        r = yield from range(i)
        yield from (x for x in [i, -i])
        yield r
def cont(n):
    for i in range(n):
        if i % 3 == 0:
            continue
        yield i
        if i > 10:
            return 'early'
    yield 'end'
def loops2(n):
    for i in range(n):
        x = yield i
        for j in range(2):
            y = yield (i, j, x)
    while n:
        n -= 1
        yield n
shapes = [lambda: nest(7), lambda: windows(iter(range(20)), 3), lambda: deleg(5),
          lambda: cont(14), lambda: loops2(4)]
for mk in shapes:
    for k in range(0, 12):
        g = mk()
        first = [x for _, x in zip(range(k), g)]
        sys.settrace(lambda *a: None)
        second = next(g, 'X')
        sys.settrace(None)
        first.append(second)
        print(k, first, list(g), g.gi_frame)
a = acc(); next(a)
for i in range(50):
    a.send(i)
print(a.gi_frame.f_locals, a.send(1))
try:
    a.send(None)
except StopIteration as e:
    print('stop', e.value)
def th(n):
    got = []
    for i in range(n):
        got.append(i)
        x = yield i
        if x is not None:
            got.append(x)
g = th(5)
print(next(g), next(g), g.gi_frame.f_locals, g.gi_frame.f_lineno)
try:
    g.throw(KeyError('k'))
except KeyError as e:
    print('thrown', repr(e), g.gi_frame)
g = th(5); next(g); g.close(); print(g.gi_frame)
g = th(5); next(g); next(g)
print(g.send(7), g.gi_frame.f_locals)
def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno
def w(n):
    for i in range(n):
        if i % 2:
            yield where()
        else:
            yield i, where()
print(list(w(4)))
def boom(n):
    for i in range(n):
        for j in range(i):
            if j == 2:
                x = 1 // (i - j - 1)
            yield i, j
import traceback
try:
    print(list(boom(5)))
except ZeroDivisionError:
    print([(t.name, t.lineno) for t in traceback.extract_tb(sys.exc_info()[2])])
