# Deep recursion (3000 frames) under a raised recursion limit, and RecursionError caught.
import sys
sys.setrecursionlimit(10000)
def count_down(n):
    if n == 0:
        return 0
    return 1 + count_down(n - 1)
print(count_down(3000))
def sum_list(lst, i=0):
    if i == len(lst):
        return 0
    return lst[i] + sum_list(lst, i + 1)
print(sum_list(list(range(2500))))
class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
head = None
for i in range(3000):
    head = Node(i, head)
print(head.length(), head.v)
def mutual_a(n):
    return n if n <= 0 else mutual_b(n - 1)
def mutual_b(n):
    return mutual_a(n - 1)
print(mutual_a(3000))
sys.setrecursionlimit(200)
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
