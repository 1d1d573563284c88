# typing: Generic classes, TypeVar, Protocol, Optional, Union, cast, overload-free generics at run time.
from typing import Generic, TypeVar, Protocol, Optional, Union, Callable, Iterator, cast, runtime_checkable, List, Dict
T = TypeVar("T")
K = TypeVar("K")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
    def __iter__(self) -> Iterator[T]:
        return reversed(self.items)
s: Stack[int] = Stack[int]()
for i in range(4):
    s.push(i * i)
print(s.pop(), list(s), Stack[str].__origin__ is Stack, type(s).__name__)
@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None: ...
class Res:
    def close(self) -> None:
        print("closed")
print(isinstance(Res(), Closeable), isinstance(5, Closeable))
def first(xs: List[T], default: Optional[T] = None) -> Optional[T]:
    return xs[0] if xs else default
print(first([3, 4]), first([], "dflt"), cast(int, "not really an int"))
def apply(f: Callable[[int], int], v: Union[int, str]) -> int:
    return f(int(v))
print(apply(lambda n: n * 3, "14"))
class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T):
        self.k, self.v = k, v
    def swap(self) -> "Pair[T, K]":
        return Pair(self.v, self.k)
p = Pair("a", 1).swap()
print(p.k, p.v, Pair.__parameters__, Dict[str, int], Optional[int], Union[int, str])
print(T.__name__, first.__annotations__["xs"], Stack.__mro__[1].__name__)
