class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

a = [1, 2, 3]
b = a
b.append(4)
d = {"p": Point(1, 2), "t": (a, "s")}
s = {1, 2}
print(len(a), d["p"].x)
