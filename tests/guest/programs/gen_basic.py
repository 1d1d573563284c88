# Generators: lazy evaluation order, state, multiple generators, generator attributes.
def numbers(n):
    print("  start")
    for i in range(n):
        print("  yielding", i)
        yield i
    print("  end")
g = numbers(3)
print("created")
print(next(g))
print(list(g))
print(next(g, "exhausted"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def interleave(*gens):
    gens = [iter(x) for x in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave("abc", [1, 2], (True,))))
def gen_with_locals():
    x = 1
    yield x
    x += 10
    yield x
gl = gen_with_locals()
print(gl.__name__, gl.__qualname__, gl.gi_running, gl.gi_frame is not None, gl.gi_code.co_name)
print(next(gl), gl.gi_frame.f_locals, next(gl), gl.gi_frame.f_locals)
print(list(gl), gl.gi_frame)
def empty():
    return
    yield
print(list(empty()))
def windows(seq, k):
    for i in range(len(seq) - k + 1):
        yield seq[i:i + k]
print(list(windows("abcdef", 3)), sum(1 for _ in windows(range(10), 4)))
def running():
    g = yield_self_ref()
    return next(g)
def yield_self_ref():
    try:
        yield next(me)
    except ValueError as e:
        yield "ValueError: %s" % e
me = yield_self_ref()
print(next(me))
import inspect
def states():
    yield 1
s = states()
print(inspect.getgeneratorstate(s), next(s), inspect.getgeneratorstate(s), list(s), inspect.getgeneratorstate(s))
