"""Raytrace-lite: a small ray tracer (spheres, a plane, Lambert shading, shadows) rendering a tiny image.

Vector objects with operator overloading, float math, method dispatch.
Size n: image width and height in pixels. Checksum: sum of quantised pixel values.
"""
import sys
import time
import math

SIZES = {"tiny": 6, "quick": 24, "default": 140}


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        m = math.sqrt(self.dot(self))
        return Vec(self.x / m, self.y / m, self.z / m)


class Sphere:
    def __init__(self, center, radius, color):
        self.center, self.radius, self.color = center, radius, color

    def intersect(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        sq = math.sqrt(disc)
        t = -b - sq
        if t > 1e-6:
            return t
        t = -b + sq
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.center).norm()


class Plane:
    def __init__(self, point, normal_vec, color):
        self.point, self.n, self.color = point, normal_vec.norm(), color

    def intersect(self, origin, direction):
        denom = self.n.dot(direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - origin).dot(self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, p):
        return self.n


SCENE = [
    Sphere(Vec(0.0, 1.0, 5.0), 1.0, Vec(1.0, 0.2, 0.2)),
    Sphere(Vec(-1.8, 0.6, 6.0), 0.6, Vec(0.2, 1.0, 0.2)),
    Sphere(Vec(1.6, 0.5, 4.2), 0.5, Vec(0.2, 0.4, 1.0)),
    Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), Vec(0.8, 0.8, 0.8)),
]
LIGHT = Vec(-3.0, 6.0, 1.0)


def trace(origin, direction, depth=0):
    best, hit = None, None
    for obj in SCENE:
        t = obj.intersect(origin, direction)
        if t is not None and (best is None or t < best):
            best, hit = t, obj
    if hit is None:
        return Vec(0.1, 0.1, 0.2)
    p = origin + direction * best
    nrm = hit.normal(p)
    to_light = (LIGHT - p).norm()
    shade = max(0.0, nrm.dot(to_light))
    for obj in SCENE:
        if obj is not hit and obj.intersect(p, to_light) is not None:
            shade *= 0.3
            break
    color = hit.color * (0.1 + 0.9 * shade)
    if depth < 1 and isinstance(hit, Plane):
        refl = direction - nrm * (2 * direction.dot(nrm))
        color = color * 0.7 + trace(p, refl.norm(), depth + 1) * 0.3
    return color


def main(n):
    eye = Vec(0.0, 1.2, 0.0)
    total = 0
    for yy in range(n):
        for xx in range(n):
            d = Vec((xx - n / 2) / n, (n / 2 - yy) / n, 1.0).norm()
            c = trace(eye, d)
            total += int(min(1.0, c.x) * 255) + int(min(1.0, c.y) * 255) * 3 + int(min(1.0, c.z) * 255) * 7
    return total


if __name__ == "__main__":
    arg = sys.argv[1] if len(sys.argv) > 1 else "default"
    n = SIZES[arg] if arg in SIZES else int(arg)
    t0 = time.perf_counter()
    c0 = time.process_time()
    checksum = main(n)
    cpu = time.process_time() - c0
    elapsed = time.perf_counter() - t0
    print("checksum %s" % (checksum,))
    print("elapsed %.6f" % elapsed)
    print("cpu %.6f" % cpu)
