# Sieve of Eratosthenes, segmented counts, prime factorization, totients.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]
primes = sieve(5000)
print(len(primes), primes[:25], primes[-5:])
for lim in [10, 100, 1000, 5000]:
    print(lim, sum(1 for p in primes if p <= lim))
def factorize(n):
    out = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            out.append(p)
            n //= p
    if n > 1:
        out.append(n)
    return out
for n in [2, 360, 9973, 1234567, 600851475143, 2 ** 20 * 3 ** 5]:
    print(n, factorize(n))
def phi(n):
    result = n
    for p in set(factorize(n)):
        result -= result // p
    return result
print([phi(n) for n in range(1, 31)])
twins = [(p, p + 2) for p, q in zip(primes, primes[1:]) if q == p + 2]
print(len(twins), twins[:8])
gaps = {}
for p, q in zip(primes, primes[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print(sorted(gaps.items()))
