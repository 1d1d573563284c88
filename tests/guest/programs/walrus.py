# Assignment expressions.
import re
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
while (item := data.pop()) != 1:
    print("popped", item)
print(data, item)
print([y for x in range(10) if (y := x * x) % 2], y)
lines = ["a=1", "junk", "b=22"]
parsed = {m.group(1): int(m.group(2)) for line in lines if (m := re.match(r"(\w)=(\d+)", line))}
print(parsed)
def f(x):
    return (total := x + 1) * total
print(f(4))
print((z := 10), z + 1)
values = iter([1, 2, 3, None, 4])
results = []
while (v := next(values)) is not None:
    results.append(v)
print(results)
print(any((hit := x) > 5 for x in [1, 7, 3]), hit)
stack = [1, [2, [3]]]
depth = 0
while isinstance(stack := stack[-1] if isinstance(stack, list) else stack, list):
    depth += 1
print(depth, stack)
