G = 1

def f():
    global G
    G += 1
    x = [1, 2, 3]
    del x[0]
    assert len(x) == 2, 'length'
    a, *rest = x
    if a == 1:
        pass
    elif a == 2:
        r = 'two'
    else:
        r = 'other'
    return r, rest, 1 < a < 3

print(f())
try:
    assert G == 0, 'G is %d' % G
except AssertionError as e:
    print('assert', e)
