# heapq and bisect, including key functions written in the guest.
import heapq, bisect
data = [5, 1, 8, 3, 9, 2, 7]
h = list(data)
heapq.heapify(h)
print(h, [heapq.heappop(h) for _ in range(3)], h)
heapq.heappush(h, 0)
print(heapq.heappushpop(h, 4), heapq.heapreplace(h, 10), sorted(h))
print(heapq.nlargest(3, data), heapq.nsmallest(2, data), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])), list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
tasks = []
for prio, name in [(3, "low"), (1, "urgent"), (2, "mid"), (1, "also urgent")]:
    heapq.heappush(tasks, (prio, name))
while tasks:
    print(heapq.heappop(tasks))
class Job:
    def __init__(self, p, n):
        self.p, self.n = p, n
    def __lt__(self, other):
        return self.p < other.p
    def __repr__(self):
        return "Job(%d,%s)" % (self.p, self.n)
jh = [Job(5, "e"), Job(1, "a"), Job(3, "c")]
heapq.heapify(jh)
print(heapq.heappop(jh), jh[0])
s = [1, 3, 3, 3, 7, 9]
print(bisect.bisect_left(s, 3), bisect.bisect_right(s, 3), bisect.bisect(s, 10), bisect.bisect_left(s, 0))
bisect.insort(s, 5); bisect.insort_left(s, 3); print(s)
def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(sc) for sc in [33, 99, 77, 70, 89, 90, 100]])
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]) if __import__("sys").version_info >= (3, 10) else "n/a")
