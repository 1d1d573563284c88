# Generator-based coroutines wired into a push pipeline (David Beazley style).
def coroutine(fn):
    def start(*args, **kwargs):
        g = fn(*args, **kwargs)
        next(g)
        return g
    return start
@coroutine
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
@coroutine
def upper(target):
    while True:
        target.send((yield).upper())
@coroutine
def collect(sink):
    try:
        while True:
            sink.append((yield))
    except GeneratorExit:
        sink.append("<closed>")
@coroutine
def broadcast(targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)
out_a, out_b = [], []
pipeline = broadcast([grep("py", upper(collect(out_a))), grep("o", collect(out_b))])
for line in ["python rocks", "ruby", "pypy", "go", "rust", "cobol"]:
    pipeline.send(line)
pipeline.close()
print(out_a, out_b)
c = collect(out_b)
c.close()
print(out_b[-1])
@coroutine
def running_stats():
    n = total = 0
    sq = 0.0
    result = None
    while True:
        x = yield result
        n += 1
        total += x
        sq += x * x
        mean = total / n
        result = (n, mean, round(sq / n - mean * mean, 6))
s = running_stats()
print([s.send(v) for v in [2, 4, 4, 4, 5, 5, 7, 9]])
def tokens(text):
    for word in text.split():
        yield word
def parse(tok_gen):
    stack = []
    for tok in tok_gen:
        if tok.isdigit():
            stack.append(int(tok))
        else:
            b, a = stack.pop(), stack.pop()
            stack.append({"+": a + b, "-": a - b, "*": a * b}[tok])
        yield list(stack)
print(list(parse(tokens("3 4 + 2 * 10 -"))))
