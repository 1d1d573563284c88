def countdown(n):
    steps = []
    while n > 0:
        steps.append(n)
        n -= 1
    else:
        steps.append('done')
    return steps

print(countdown(3))
