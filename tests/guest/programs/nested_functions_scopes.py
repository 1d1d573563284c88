# LEGB resolution through several nesting levels, class scopes in between, and default-argument capture.
x = "global"
def outer():
    x = "enclosing"
    def middle():
        def inner():
            return x
        return inner()
    class Between:
        x = "class-level"
        def method(self):
            return x
        captured = x
    return middle(), Between().method(), Between.captured
print(outer())
def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count, counts
count, counts = counter_factory()
for w in "a b a c a b".split():
    count(w)
print(counts)
def make_multipliers():
    return [lambda v, k=k: v * k for k in range(1, 4)]
print([m(10) for m in make_multipliers()])
def builtin_via_enclosing():
    len = lambda s: 42
    def inner():
        return len("abc")
    return inner()
print(builtin_via_enclosing(), len("abc"))
def deep(n):
    def level(i):
        if i == 0:
            return [n]
        def next_level():
            return level(i - 1) + [i]
        return next_level()
    return level(n)
print(deep(5))
def rebinding():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    i = 100
    return [f() for f in fns]
print(rebinding())
def class_in_function(param):
    class Inner:
        attr = param
        def get(self):
            return param, Inner.attr
    return Inner().get()
print(class_in_function("p"))
def global_in_nested():
    def setter():
        global x
        x = "changed by nested"
    setter()
    return x
print(global_in_nested(), x)
