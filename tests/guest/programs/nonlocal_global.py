# global and nonlocal declarations at several depths.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print(bump(), bump(), counter)
def make_global():
    global created_later
    created_later = "made inside"
make_global()
print(created_later)
def level1():
    v = 1
    def level2():
        nonlocal v
        v += 10
        def level3():
            nonlocal v
            v *= 2
            return v
        return level3()
    r = level2()
    return v, r
print(level1())
x = "module"
def shadow():
    x = "local"
    def inner():
        global x
        return x
    return x, inner()
print(shadow())
def read_global_before_assign():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
read_global_before_assign()
def del_global():
    global x
    del x
del_global()
try:
    print(x)
except NameError as e:
    print("NameError:", e)
def nl_loop():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    return total
print(nl_loop())
class K:
    global counter
    counter = 100
    y = counter + 1
print(counter, K.y)
def gen_nonlocal():
    state = []
    def g():
        nonlocal state
        state = state + [len(state)]
        yield state
    for _ in range(3):
        next(g())
    return state
print(gen_nonlocal())
