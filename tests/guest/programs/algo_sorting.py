# Sorting algorithms written in the guest, checked against sorted().
import random
def bubble(a):
    a = list(a)
    for i in range(len(a)):
        swapped = False
        for j in range(len(a) - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a
def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        key, j = a[i], i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(a):
    if len(a) <= 1:
        return list(a)
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
def quick(a):
    if len(a) <= 1:
        return list(a)
    pivot = a[len(a) // 2]
    return quick([x for x in a if x < pivot]) + [x for x in a if x == pivot] + quick([x for x in a if x > pivot])
def heap_sort(a):
    a = list(a)
    n = len(a)
    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return
    for start in range(n // 2 - 1, -1, -1):
        sift(start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a
def counting(a):
    lo, hi = min(a), max(a)
    counts = [0] * (hi - lo + 1)
    for x in a:
        counts[x - lo] += 1
    return [i + lo for i, c in enumerate(counts) for _ in range(c)]
def shell(a):
    a = list(a)
    gap = len(a) // 2
    while gap:
        for i in range(gap, len(a)):
            t, j = a[i], i
            while j >= gap and a[j - gap] > t:
                a[j] = a[j - gap]
                j -= gap
            a[j] = t
        gap //= 2
    return a
rng = random.Random(7)
for size in [0, 1, 2, 10, 57]:
    data = [rng.randint(-50, 50) for _ in range(size)]
    expected = sorted(data)
    results = {f.__name__: f(data) == expected for f in (bubble, insertion, merge_sort, quick, heap_sort, shell)}
    if data:
        results["counting"] = counting(data) == expected
    print(size, results, expected[:8])
words = "delta Alpha charlie bravo echo Foxtrot golf".split()
print(merge_sort(words), sorted(words, key=str.casefold), sorted(words, key=lambda w: (len(w), w)))
recs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(recs, key=lambda r: r[1]), sorted(sorted(recs), key=lambda r: r[1], reverse=True))
