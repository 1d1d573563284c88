# from __future__ import annotations: annotations kept as strings.
from __future__ import annotations
import typing
def f(a: int, b: list[str] | None = None) -> dict[str, int]:
    return {}
print(f.__annotations__)
class Node:
    next: Node | None
    value: int = 0
    def link(self, other: Node) -> Node:
        return other
print(Node.__annotations__, Node.link.__annotations__)
print(typing.get_type_hints(Node.link))
x: undefined_name_is_fine = 3
print(__annotations__, x)
