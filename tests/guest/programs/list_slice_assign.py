# Slice assignment and deletion on lists.
a = list(range(10))
a[2:5] = ["a", "b"]; print(a)
a[:0] = [-1, -2]; print(a)
a[len(a):] = [100]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
a[1:3] = []; print(a)
a[-2:] = "xyz"; print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
b = list(range(8))
b[5:2:-1] = ["p", "q", "r"]; print(b)
del b[::-2]; print(b)
b[1:1] = range(3); print(b)
c = [1, 2, 3]
c[:] = c + c; print(c)
c[1:-1] = [c[0]]; print(c)
s = slice(0, 2)
c[s] = ["s", "t"]; print(c)
m = [[1, 2], [3, 4]]
m[0][:] = [9]; print(m)
x = [0, 1, 2, 3, 4, 5]
x[10:20] = [6]; print(x)
x[-100:1] = ["start"]; print(x)
