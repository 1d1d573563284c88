# Assorted puzzles: roman numerals, base conversion, binary search, KMP, sudoku (easy), magic square.
def to_roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s; n -= v
    return out
def from_roman(s):
    m = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        total += -m[a] if b != " " and m[a] < m[b] else m[a]
    return total
print([to_roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]], all(from_roman(to_roman(n)) == n for n in range(1, 2000)))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out, neg = "", n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return "-" * neg + out
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-42, 7), int(to_base(10 ** 20, 36), 36) == 10 ** 20)
def bsearch(a, x):
    lo, hi, steps = 0, len(a) - 1, 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid, steps
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
arr = list(range(0, 1000, 3))
print([bsearch(arr, x) for x in [0, 3, 999, 996, 500, 501]])
def kmp(text, pat):
    fail = [0] * len(pat)
    k = 0
    for i in range(1, len(pat)):
        while k and pat[i] != pat[k]:
            k = fail[k - 1]
        if pat[i] == pat[k]:
            k += 1
        fail[i] = k
    out, k = [], 0
    for i, c in enumerate(text):
        while k and c != pat[k]:
            k = fail[k - 1]
        if c == pat[k]:
            k += 1
        if k == len(pat):
            out.append(i - k + 1)
            k = fail[k - 1]
    return fail, out
print(kmp("abababcabababcab", "ababc"), kmp("aaaaa", "aa"))
PUZZLE = ["53..7....", "6..195...", ".98....6.", "8...6...3", "4..8.3..1", "7...2...6", ".6....28.", "...419..5", "....8..79"]
grid = [[int(c) if c != "." else 0 for c in row] for row in PUZZLE]
def candidates(r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(9)} | {grid[i][j] for i in range(r // 3 * 3, r // 3 * 3 + 3) for j in range(c // 3 * 3, c // 3 * 3 + 3)}
    return [v for v in range(1, 10) if v not in used]
def solve():
    best = None
    for r in range(9):
        for c in range(9):
            if grid[r][c] == 0:
                cand = candidates(r, c)
                if best is None or len(cand) < len(best[2]):
                    best = (r, c, cand)
    if best is None:
        return True
    r, c, cand = best
    for v in cand:
        grid[r][c] = v
        if solve():
            return True
    grid[r][c] = 0
    return False
print(solve())
for row in grid:
    print("".join(map(str, row)))
def magic(n):
    sq = [[0] * n for _ in range(n)]
    i, j = 0, n // 2
    for k in range(1, n * n + 1):
        sq[i][j] = k
        ni, nj = (i - 1) % n, (j + 1) % n
        if sq[ni][nj]:
            ni, nj = (i + 1) % n, j
        i, j = ni, nj
    return sq
m5 = magic(5)
print(m5, {sum(r) for r in m5} | {sum(c) for c in zip(*m5)})
