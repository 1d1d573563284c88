# match: dotted value patterns, constants from classes and modules, nested class patterns with builtins.
import math
class Status:
    OK = 200
    NOT_FOUND = 404
class Cmd:
    QUIT = "quit"
def handle(code):
    match code:
        case Status.OK:
            return "ok"
        case Status.NOT_FOUND:
            return "missing"
        case math.inf:
            return "infinite"
        case Cmd.QUIT:
            return "bye"
        case float(x) if math.isnan(x):
            return "nan"
        case int(x) | float(x) if x < 0:
            return "negative"
        case _:
            return "unhandled %r" % (code,)
print([handle(c) for c in [200, 404, float("inf"), "quit", float("nan"), -3, -2.5, 7, None]])
def kinds(v):
    match v:
        case bool(b):
            return "bool %s" % b
        case int(i):
            return "int %d" % i
        case str() | bytes():
            return "text"
        case list([int(), int()]):
            return "pair of ints"
        case tuple((x, *_)) if x == "head":
            return "tuple with head"
        case dict({"type": str(t)}):
            return "typed dict " + t
        case set() | frozenset():
            return "a set"
        case _:
            return "other " + type(v).__name__
print([kinds(v) for v in [True, 3, "s", b"b", [1, 2], [1, "x"], ("head", 1), {"type": "t"}, {1}, frozenset(), 1.5]])
