# inspect.signature and friends applied to guest functions.
import inspect
def f(a, b: int = 2, /, c=3, *args, d, e: str = "x", **kw) -> None:
    pass
sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind.name, p.default if p.default is not p.empty else "-", p.annotation if p.annotation is not p.empty else "-")
print(sig.return_annotation)
ba = sig.bind(1, 2, 3, 4, 5, d=6, z=7)
print(ba.arguments, ba.args, ba.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
class C:
    def method(self, x, y=1):
        "Method doc."
    @classmethod
    def cm(cls, z):
        pass
    def __init__(self, q, *, r=0):
        pass
print(inspect.signature(C.method), inspect.signature(C(1).method), inspect.signature(C.cm), inspect.signature(C))
print(inspect.signature(lambda *a, **k: 0), inspect.signature(lambda x, /, y: 0))
print(inspect.getdoc(C.method), inspect.isfunction(f), inspect.ismethod(C(1).method), inspect.isclass(C))
def g():
    yield 1
async def h():
    pass
print(inspect.isgeneratorfunction(g), inspect.iscoroutinefunction(h), inspect.isgeneratorfunction(f))
print(inspect.getfullargspec(f))
print([name for name, _ in inspect.getmembers(C, inspect.isfunction)])
def src_fn(x):
    return x + 1
print(inspect.getsource(src_fn), end="")
print(inspect.getsourcelines(src_fn)[1], inspect.getmodule(src_fn).__name__)
