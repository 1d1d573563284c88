# Augmented assignment on names, attributes, subscripts and slices; mutability semantics.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
s = "ab"
s *= 3
print(s)
class C:
    def __init__(self):
        self.count = 0
        self.items = []
c = C()
c.count += 5
c.items += ["x"]
c.count **= 2
print(c.count, c.items)
d = {"k": 1, "lst": []}
d["k"] -= 10
d["lst"] += [1, 2]
d.setdefault("new", 0)
d["new"] |= 6
print(d)
m = [[1, 2], [3, 4]]
m[1][0] *= 100
m[0] += [5]
print(m)
nums = list(range(10))
nums[2:5] = [0]
nums[::2] = [-1] * len(nums[::2])
print(nums)
try:
    tpl = ([1],)
    tpl[0] += [2]
except TypeError as e:
    print("TypeError:", e, tpl)
class Logged:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("  __iadd__", o)
        self.v += o
        return self
    def __add__(self, o):
        print("  __add__", o)
        return Logged(self.v + o)
lg = Logged(1)
orig = lg
lg += 2
print(lg.v, lg is orig)
lg = lg + 3
print(lg.v, lg is orig)
x = 7
x //= 2; x <<= 3; x %= 5; x ^= 0b111; x |= 16; x &= ~1; x >>= 1
print(x)
f = 1.5
f /= 4; f -= 0.125; f *= 8
print(f)
st = {1, 2}
st2 = st
st |= {3}; st &= {1, 3, 5}; st -= {1}; st ^= {9}
print(st, st is st2)
fs = frozenset({1})
fs2 = fs
fs |= {2}
print(fs, fs2, fs is fs2)
