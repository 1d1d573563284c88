# Keyword calls of simple functions, bound methods and defaults, run often
# enough for tier 2 (call_kw's ordered-arguments path), and every error the
# binder must still report with CPython's words.
def f(a, b=2, c=3):
    return (a, b, c)

def g(a, /, b, c=30):
    return (a, b, c)

def closure_maker(k):
    def h(x, y=1):
        return x * k + y
    return h

class C:
    def m(self, x, y=10):
        return (self.__class__.__name__, x, y)

h = closure_maker(7)
c = C()
total = []
for i in range(40):
    total.append(f(i, c=5))
    total.append(f(a=i, b=1))
    total.append(f(i, 2, c=9))
    total.append(f(c=1, b=2, a=i))
    total.append(g(i, b=4))
    total.append(g(i, c=1, b=2))
    total.append(h(i, y=3))
    total.append(h(x=i))
    total.append(c.m(i, y=1))
    total.append(c.m(x=i))
    total.append(C.m(c, x=i, y=2))
print(len(total), total[:11], total[-11:])

for i in range(20):
    # the same call sites, failing: the binder's messages
    for thunk in (lambda: f(1, a=2), lambda: f(b=1), lambda: f(1, d=4),
                  lambda: g(a=1, b=2), lambda: g(1, 2, 3, b=4), lambda: c.m(y=2),
                  lambda: c.m(1, x=2), lambda: h(1, 2, y=3), lambda: f(1, 2, 3, c=4)):
        try:
            thunk()
        except TypeError as e:
            if i == 19:
                print(e)
