# for/while with else, break, continue, nested loops, loop variables after the loop.
for i in range(3):
    print("for", i)
else:
    print("for-else runs (no break)", i)
for i in range(10):
    if i == 4:
        print("break at", i)
        break
else:
    print("not printed")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0:
        break
    if n % 2:
        continue
    print("even n", n)
def find(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                break
        else:
            continue
        return r, c
    return None
print(find([[1, 2], [3, 4], [5, 6]], 4), find([[1]], 9))
for x in []:
    print("never")
else:
    print("empty for-else")
primes = []
for cand in range(2, 40):
    for p in primes:
        if cand % p == 0:
            break
    else:
        primes.append(cand)
print(primes)
out = []
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1 and i == 0:
            break
        out.append((i, j))
print(out)
k = 10
for k in range(2):
    pass
print("k after loop", k)
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
    finally:
        print("finally", i)
it = iter(range(10))
for a in it:
    if a == 2:
        print("skip ahead", next(it), next(it))
    print("a", a)
    if a > 6:
        break
count = 0
while count < 100:
    count += 7
    if count % 5 == 0:
        print("multiple of 5:", count)
        break
else:
    print("no multiple found")
lst = [1, 2, 3]
for v in lst:
    if v == 2:
        lst.append(99)
    if len(lst) > 5:
        break
print(lst)
