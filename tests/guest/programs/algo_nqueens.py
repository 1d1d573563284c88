# N-queens: count all solutions for n = 1..7 and print the first board for n = 6.
def solve(n):
    solutions = []
    cols, d1, d2 = set(), set(), set()
    board = []
    def place(r):
        if r == n:
            solutions.append(list(board))
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); board.append(c)
            place(r + 1)
            cols.remove(c); d1.remove(r - c); d2.remove(r + c); board.pop()
    place(0)
    return solutions
for n in range(1, 8):
    s = solve(n)
    print(n, len(s), s[:2])
first = solve(6)[0]
for r in range(6):
    print("".join("Q" if first[r] == c else "." for c in range(6)))
def count_bits(n, row=0, cols=0, ld=0, rd=0):
    if row == n:
        return 1
    total = 0
    avail = ~(cols | ld | rd) & ((1 << n) - 1)
    while avail:
        bit = avail & -avail
        avail -= bit
        total += count_bits(n, row + 1, cols | bit, (ld | bit) << 1, (rd | bit) >> 1)
    return total
print([count_bits(n) for n in range(1, 9)])
