# match: literals, captures, wildcard, value patterns, singletons.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case -1.5:
            return "negative float"
        case 1j:
            return "imaginary"
        case True:
            return "true"
        case None:
            return "none"
        case Color.RED:
            return "red"
        case str() as s if len(s) > 3:
            return "long string %r" % s
        case other:
            return "other %r" % (other,)
for v in [0, 2, "hello", b"raw", -1.5, 1j, True, None, Color.RED, Color.GREEN, "words", "ab", 99, 1.0, False]:
    print(repr(v), "->", describe(v))
def http(status):
    match status:
        case 200 | 201 | 204:
            return "ok"
        case 301 | 302 as code:
            return "redirect %d" % code
        case 404:
            return "not found"
        case _ if 500 <= status < 600:
            return "server error"
        case _:
            return "unknown"
print([http(s) for s in [200, 204, 302, 404, 503, 418]])
x = 5
match x:
    case y:
        print("capture binds", y)
print(y)
