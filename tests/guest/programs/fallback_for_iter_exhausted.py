# FOR_ITER over a guest generator the loop cannot resume inline (finished, or
# already running) goes the ordinary way (ceval._for_iter_next): the iterator is
# popped when it is exhausted, so what the loop leaves on the stack is right.
def gen(n):
    for i in range(n):
        yield i


def drain_twice():
    it = gen(3)
    first = [x for x in it]        # the comprehension returns its list
    second = [x * 2 for x in it]   # a finished generator: the fallback path
    return first, second


for _ in range(3):                 # warm: fused groups run it too
    print(drain_twice())


def nested_sum(it):
    total = 0
    for a in it:
        total += a
    for b in it:                   # finished: ends at once
        total += 100
    return total, "after"


for _ in range(3):
    print(nested_sum(gen(4)))


def self_iterating():
    # the generator is running while its own body iterates over it
    try:
        for x in me:
            yield x
    except ValueError as e:
        yield "ValueError: %s" % e


me = self_iterating()
print(list(me))
print(dict((k, v) for k, v in zip("ab", gen(2))), sorted({x for x in gen(0)}))
