# Python 3.10 additions: zip(strict=True), int.bit_count, parenthesized context managers, aiter/anext.
print(list(zip("ab", [1, 2], strict=True)))
try:
    list(zip("abc", [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip("a", [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
print((255).bit_count(), (-7).bit_count(), (0).bit_count())
import contextlib
with (contextlib.nullcontext(1) as a, contextlib.nullcontext(2) as b):
    print(a + b)
import asyncio
async def gen():
    for i in range(3):
        yield i
async def main():
    it = aiter(gen())
    print(await anext(it), await anext(it), await anext(it), await anext(it, "default"))
asyncio.run(main())
print(int | str, isinstance(5, int | str), isinstance(None, int | None))
import dataclasses
@dataclasses.dataclass(slots=True, kw_only=True)
class P:
    x: int
    y: int = 0
p = P(x=1)
print(p, hasattr(p, "__dict__"), P.__slots__)
