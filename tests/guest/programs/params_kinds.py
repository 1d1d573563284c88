# Every parameter kind, defaults and how arguments bind.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(a=1, c=2, b=3, z=0))
print(f(*[1, 2, 3], **{"c": 4, "x": 5}))
def po(a, b, /, c, *, d):
    return a, b, c, d
print(po(1, 2, 3, d=4), po(1, 2, c=3, d=4))
def po_kw(a, /, **kw):
    return a, kw
print(po_kw(1, a=2, b=3))
def kwonly(*, x, y=0):
    return x, y
print(kwonly(x=1), kwonly(y=2, x=3))
def defaults_eval(v=[]):
    v.append(len(v))
    return v
print(defaults_eval(), defaults_eval(), defaults_eval([9]), defaults_eval())
counter = 0
def side():
    global counter
    counter += 1
    return counter
def g(x=side(), y=side()):
    return x, y
print(g(), g(), counter)
def all_star(*args, **kwargs):
    return args, kwargs
print(all_star(), all_star(1), all_star(k=1), all_star(*(), **{}), all_star(*"ab", *"c", **{"d": 1}, e=2))
def forward(*args, **kwargs):
    return f(*args, **kwargs)
print(forward(10, c=20), forward(1, 2, 3, c=4, d=5, e=6))
print(f.__defaults__, f.__kwdefaults__, po.__code__.co_posonlyargcount, po.__code__.co_kwonlyargcount, f.__code__.co_flags & 0x0C)
f.__defaults__ = (100,)
print(f(1, c=0))
def annotated(a: int, b: "str" = "x", *args: float, **kw: bool) -> list:
    return [a, b]
print(annotated.__annotations__, annotated(1))
def keyword_named_like_builtins(list=None, dict=None, type=None):
    return list, dict, type
print(keyword_named_like_builtins(type=1, list=2))
