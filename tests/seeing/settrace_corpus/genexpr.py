def squares(n):
    return sum(x * x for x in range(n) if x % 2)

print(squares(5))
