# Function introspection: __name__, __qualname__, __defaults__, __kwdefaults__, __code__, __dict__, __module__.
def outer(a, b=2, *args, c, d=4, **kw):
    """Outer doc."""
    x = a + b
    def inner(y):
        return x + y
    return inner
inner = outer(1, c=3)
for f in (outer, inner):
    co = f.__code__
    print(f.__name__, f.__qualname__, f.__module__, f.__doc__, f.__defaults__, f.__kwdefaults__)
    print("  ", co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_nlocals, co.co_varnames)
    print("  ", co.co_freevars, co.co_cellvars, co.co_flags & 0x0F, co.co_firstlineno, co.co_filename == __file__)
class K:
    def method(self):
        def local():
            pass
        return local
    @staticmethod
    def st():
        pass
    class Inner:
        def deep(self):
            pass
print(K.method.__qualname__, K().method().__qualname__, K.st.__qualname__, K.Inner.deep.__qualname__, (lambda: 0).__qualname__)
def annotated(x: int, y: "str" = "s") -> bool:
    pass
print(annotated.__annotations__)
outer.custom = "attr"
print(outer.__dict__, sorted(vars(outer)))
outer.__name__ = "renamed"
outer.__qualname__ = "Renamed.q"
print(outer.__name__, outer.__qualname__, outer.__code__.co_name)
try:
    outer.__defaults__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    outer.__name__ = None
except TypeError as e:
    print("TypeError:", e)
def gen():
    yield
async def coro():
    pass
print(gen.__code__.co_flags & 0x20 != 0, coro.__code__.co_flags & 0x80 != 0, outer.__code__.co_flags & 0x20)
def with_consts():
    return ("const", 42, None)
print([c for c in with_consts.__code__.co_consts if c is not None], with_consts.__code__.co_names)
print(outer.__globals__ is globals(), inner.__closure__[0].cell_contents, len(inner.__closure__))
print(callable(outer), outer.__call__ is not None, outer.__get__(None, K) is outer)
