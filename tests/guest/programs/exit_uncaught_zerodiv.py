# Ends with ZeroDivisionError inside an expression (3.11+ hosts underline the operator).
def ratio(a, b):
    return (a + 1) / (b - b)
def compute(items):
    total = 0
    for i in items:
        total += i
    return ratio(total, len(items))
print("computing")
result = compute([1, 2, 3])
print(result)
