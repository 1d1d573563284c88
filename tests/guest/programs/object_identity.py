# Identity vs equality with guest-created objects (no id() values printed), aliasing and copies.
a = [1, 2, 3]
b = a
c = list(a)
d = a[:]
print(a == b == c == d, a is b, a is c, c is d)
b.append(4)
print(a, c)
x = None
print(x is None, x == None, type(None)() is None)
def f():
    return []
print(f() is f(), f() == f())
t1 = (1, 2)
t2 = tuple(t1)
print(t1 is t2, tuple(t1) is t1, t1[:] is t1)
s1 = "hello"
s2 = s1[:]
print(s1 is s2, str(s1) is s1)
class K:
    pass
k1, k2 = K(), K()
print(k1 is k1, k1 is k2, k1 == k2, k1 != k2, [k1].count(k1), k1 in [k2], k1 in [k1])
nan = float("nan")
lst = [nan]
print(nan == nan, nan in lst, lst == [nan], lst.count(nan), lst.index(nan))
print(True is (1 == 1), (not 0) is True, bool(5) is True)
empty1, empty2 = (), tuple()
print(empty1 is empty2, frozenset() == frozenset(), [] is not [])
m = {"k": a}
m2 = dict(m)
m2["k"].append(5)
print(m["k"], m["k"] is m2["k"])
