# String indexing and slicing with every sign and step.
s = "abcdefghij"
for i in range(-12, 12, 3):
    try:
        print(i, s[i])
    except IndexError as e:
        print(i, "IndexError:", e)
for start in [None, 0, 2, -3, 20]:
    for stop in [None, 5, -1, -20]:
        for step in [None, 1, 2, -1, -3]:
            print(start, stop, step, repr(s[start:stop:step]))
print(s[::-1], s[::2], s[1::2], s[-1:-4:-1], s[slice(2, 8, 2)])
sl = slice(1, 9, 3)
print(sl.start, sl.stop, sl.step, sl.indices(len(s)), s[sl], repr(sl))
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
