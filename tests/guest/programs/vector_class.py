# A 2-D vector class with a full set of dunders, used in a small physics loop.
import math
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x=0.0, y=0.0):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%g, %g)" % (self.x, self.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return math.hypot(self.x, self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and tuple(self) == tuple(o)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __format__(self, spec):
        return "<%s, %s>" % (format(self.x, spec), format(self.y, spec))
a, b = Vec(3, 4), Vec(1, -2)
print(a + b, a - b, a * 2, 3 * a, a / 2, -a, abs(a), a @ b, a == Vec(3, 4), bool(Vec()), a[1], list(a))
x, y = a
print(x, y, f"{a:.2f}", {a, Vec(3, 4), b} == {a, b}, max([a, b], key=abs))
pos, vel, g = Vec(0, 10), Vec(2, 0), Vec(0, -9.8)
dt = 0.05
for step in range(60):
    vel = vel + g * dt
    pos = pos + vel * dt
    if pos.y < 0:
        pos = Vec(pos.x, -pos.y)
        vel = Vec(vel.x, -vel.y * 0.8)
    if step % 10 == 0:
        print(step, f"{pos:.3f}", f"{vel:.3f}")
print(f"{pos:.6f}", round(abs(vel), 6))
