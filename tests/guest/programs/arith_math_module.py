# The math module with floats from guest computations.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
for x in [0.5, 1.0, 2.0, 10.0]:
    print(x, math.sqrt(x), math.log(x), math.log2(x), math.log10(x), math.exp(x), math.sin(x), math.cos(x), math.atan2(x, 1))
print(math.factorial(20), math.gcd(84, 36, 60), math.lcm(4, 6, 10), math.prod([1, 2, 3, 4]), math.prod(range(1, 8), start=2))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.copysign(3, -0.0))
print(math.floor(3.7), math.ceil(3.2), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(-7, 3))
print(math.degrees(math.pi), math.radians(180), math.isfinite(1e308), math.isinf(1e309))
print(math.comb(10, 3), math.perm(5), math.isqrt(99), math.erf(0.5), math.gamma(5), math.lgamma(10))
print([round(math.sin(math.pi * k / 6), 10) for k in range(13)])
print(math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0), math.remainder(10, 3), math.expm1(1e-10), math.log1p(1e-10))
