# Issue 10 point 5: a very low recursion limit at module level and in a
# function (3.10/3.11 count the builtin's own call in the depth)
import sys
def h(n):
    try:
        sys.setrecursionlimit(n)
    except RecursionError as e:
        print(type(e).__name__, e)
for n in (1, 2, 3, 4):
    h(n)
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(1)
except RecursionError as e:
    print(e)
sys.setrecursionlimit(2)
