# Exceptions raised inside comprehensions, generator expressions and lambdas, caught outside.
def risky(v):
    if v == 3:
        raise ValueError("no threes: %d" % v)
    return v * 2
for build in (lambda: [risky(v) for v in range(5)],
              lambda: {v: risky(v) for v in range(5)},
              lambda: {risky(v) for v in range(5)},
              lambda: list(risky(v) for v in range(5)),
              lambda: sum(risky(v) for v in range(5))):
    try:
        print(build())
    except ValueError as e:
        print("ValueError:", e)
def partial_results():
    out = []
    try:
        out.extend(risky(v) for v in range(5))
    except ValueError:
        pass
    return out
print(partial_results())
safe = [v for v in range(6) if v != 3]
print([risky(v) for v in safe])
def handle_each(values):
    results = []
    for v in values:
        try:
            results.append(risky(v))
        except ValueError as e:
            results.append(str(e))
    return results
print(handle_each(range(5)))
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    {k: v for k, v in [(1, 2), (3,)]}
except ValueError as e:
    print("ValueError:", e)
try:
    [x for x in 5]
except TypeError as e:
    print("TypeError:", e)
g = (1 // v for v in [1, 0, 2])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(next(g, "generator finished after exception"))
