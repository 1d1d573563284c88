def scan(items):
    found = None
    for x in items:
        if x < 0:
            continue
        if x > 10:
            found = x
            break
    else:
        found = 'none'
    return found

print(scan([1, -2, 3]))
print(scan([1, -2, 30, 4]))
i = 0
while True:
    i += 1
    if i == 2:
        continue
    if i > 3:
        break
print(i)
