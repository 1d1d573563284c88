# A generator resumed by a hot loop of a lean tier-2 function
# (tier2gen.gen_next) sees that function's frame as its f_back, made once
# per call and found again at each resumption (the Frame materialised last,
# when it belongs to the resuming host frame): the caller's frame must be
# the right one when the loop recurses, when two loops of different calls
# take turns resuming generators, after the caller was observed from
# elsewhere, and its line must follow the loop.
import sys


def gen(n, seen):
    for i in range(n):
        back = sys._getframe().f_back
        seen.append((back.f_code.co_name, back.f_lineno, back.f_locals.get("depth")))
        yield i


def consume(n, depth, seen):
    t = 0
    for x in gen(n, seen):
        t += x
        if depth and x == n // 2:
            t += consume(n, depth - 1, seen)
    return t


def consume_two(n, seen):
    a = gen(n, seen)
    b = gen(n, seen)
    t = 0
    for x in a:
        t += x + next(b)
    return t


def observed(n, seen):
    t = 0
    me = None
    for x in gen(n, seen):
        if x == n // 2:
            me = sys._getframe()
        t += x
    return t, me.f_code.co_name


def inner_loop(g):
    t = 0
    for x in g:
        t += x
    return t


def handed_over(n, seen):
    # (the same generator resumed by two different lean calls in turn)
    g = gen(n, seen)
    t = 0
    for x in g:
        t += x + inner_loop(iter([x]))
        if x == n // 3:
            t += inner_loop(g)
    return t


for rounds in range(30):
    seen = []
    r1 = consume(40, 2, seen)
    s1 = list(seen)
    seen = []
    r2 = consume_two(40, seen)
    s2 = list(seen)
    seen = []
    r3 = observed(40, seen)
    s3 = list(seen)
    seen = []
    r4 = handed_over(40, seen)
    s4 = list(seen)

print(r1, s1[::7])
print(r2, s2[::9])
print(r3, s3[::9])
print(r4, s4[::5])
