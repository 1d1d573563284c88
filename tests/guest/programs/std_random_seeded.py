# random with fixed seeds: every call must reproduce exactly.
import random
random.seed(12345)
print(random.random(), random.randint(1, 100), random.randrange(0, 50, 5), random.uniform(1, 2))
items = list(range(20))
random.shuffle(items)
print(items)
print(random.choice("abcdefg"), random.choices(range(10), k=5), random.sample(range(100), 6))
print(random.choices("abc", weights=[10, 1, 1], k=8), random.getrandbits(40))
print(round(random.gauss(0, 1), 12), round(random.normalvariate(10, 2), 12), round(random.expovariate(1.5), 12))
r = random.Random(42)
print([r.randint(0, 9) for _ in range(20)])
state = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(state)
b = [r.random() for _ in range(3)]
print(a == b, a)
random.seed("string seed")
print(random.random())
random.seed(b"bytes")
print(random.randint(0, 10 ** 12))
def monte_carlo_pi(n, seed):
    rng = random.Random(seed)
    inside = 0
    for _ in range(n):
        x, y = rng.random(), rng.random()
        if x * x + y * y <= 1:
            inside += 1
    return 4 * inside / n
print(monte_carlo_pi(2000, 7))
deck = [r + s for r in "A23456789TJQK" for s in "shdc"]
rng = random.Random(2024)
rng.shuffle(deck)
hands = [sorted(deck[i::4][:5]) for i in range(4)]
print(hands)
