# Big-integer algorithms: factorials, digits of pi (spigot), fast Fibonacci, modular exponentiation, Catalan numbers.
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print(pi_digits(120))
def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)
f1000 = fib_pair(1000)[0]
print(len(str(f1000)), str(f1000)[:30], f1000 % 10 ** 9)
def catalan(n):
    c = 1
    for i in range(n):
        c = c * 2 * (2 * i + 1) // (i + 2)
    return c
print([catalan(i) for i in range(15)], catalan(100))
def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2; s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True
mersenne = [p for p in range(2, 130) if is_probable_prime(2 ** p - 1)]
print(mersenne, is_probable_prime(2 ** 127 - 1), is_probable_prime(2 ** 128 + 1))
e_approx = sum(10 ** 60 // __import__("math").factorial(k) for k in range(60))
print(e_approx)
print(sum(int(d) for d in str(2 ** 1000)), sum(int(d) for d in str(__import__("math").factorial(100))))
def isqrt_newton(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x
print(isqrt_newton(2 * 10 ** 100), isqrt_newton(10 ** 40) == 10 ** 20)
