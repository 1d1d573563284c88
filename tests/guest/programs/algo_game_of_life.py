# Conway's Game of Life on a small torus, printing generations and population counts.
def step(cells, w, h):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % w, (y + dy) % h)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in cells)}
def show(cells, w, h):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(w)) for y in range(h))
W, H = 12, 10
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
blinker = {(8, 1), (8, 2), (8, 3)}
cells = glider | blinker
for gen in range(4):
    print("gen", gen, "pop", len(cells))
    print(show(cells, W, H))
    cells = step(cells, W, H)
history = []
for gen in range(4, 40):
    history.append(len(cells))
    cells = step(cells, W, H)
print(history)
print(show(cells, W, H))
r_pentomino = {(5, 4), (6, 4), (4, 5), (5, 5), (5, 6)}
pops = []
for _ in range(30):
    pops.append(len(r_pentomino))
    r_pentomino = step(r_pentomino, 16, 16)
print(pops)
