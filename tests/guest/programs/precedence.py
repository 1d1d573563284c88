# Operator precedence and associativity, printed for many expressions.
exprs = [
    "2 + 3 * 4", "(2 + 3) * 4", "2 ** 3 ** 2", "(2 ** 3) ** 2", "-2 ** 2", "(-2) ** 2", "2 ** -1",
    "10 - 4 - 3", "100 / 10 / 5", "7 // 2 * 2", "7 % 3 ** 2", "1 + 2 << 3", "1 << 2 + 3", "6 & 3 | 8",
    "6 | 3 & 8", "5 ^ 3 & 1", "~5 + 1", "-~5", "not 1 == 2", "not (1 == 2)", "1 < 2 == 2", "1 if 0 else 2 if 0 else 3",
    "0 or 2 and 3", "(0 or 2) and 3", "1 and 0 or 4", "not 0 and 0", "[1, 2] + [3] * 2", "'a' 'b' * 2",
    "3 in [1, 2] == False", "(3 in [1, 2]) == False", "1 + True * 2", "2 * 3 % 4", "-3 // 2", "-(3 // 2)",
    "2 ** 2 ** -1", "lambda: 1 if True else 2", "(lambda x: x + 1)(2) * 3", "[0, 1, 2][1:][0]", "'%d' % 5 + '!'",
    "'%s-%s' % (1, 2) * 2", "[] is not None", "4 > 3 > 2 > 1", "1 == 1.0 != 2",
]
for e in exprs:
    v = eval(e)
    print("%-34s -> %r" % (e, v if not callable(v) else "<callable returning %r>" % v()))
print(2+3*4**2//5%7-1, (1, 2) + (3,) * 2, -2**-2, +-+-1, not not 0, 3 - - - 3)
