# A function called once whose inner loop gets hot while it runs (its frame enters tier 2
# at that loop's header), where the function written from that header does not fit the
# host if/while form (its outer loop written again grows too large) but the function
# from its start does: the frame goes on in the frame-based tier-2 function
# (tier2.lean_osr; it was called with a ``blk`` the structured function does not take)


def work(rounds, n):
    out = []
    r = 0
    while r < rounds:
        r += 1
        k = 0
        while k < n:
            k += 1
        v = r * k
        if v % 2: out.append(1)
        if v % 3: out.append(2)
        if v % 5: out.append(3)
        if v % 7: out.append(4)
        if v % 11: out.append(5)
        if v % 13: out.append(6)
        if v % 17: out.append(7)
        if v % 19: out.append(8)
        if v % 23: out.append(9)
        if v % 29: out.append(10)
        if v % 31: out.append(11)
        if v % 37: out.append(12)
    return len(out), sum(out)


print(work(3, 400))
print(work(2, 10))
