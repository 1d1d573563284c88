def grid(n, m):
    cells = []
    for i in range(n):
        for j in range(m):
            if (i + j) % 2:
                cells.append((i, j))
    return cells

print(grid(2, 3))
