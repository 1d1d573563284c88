# match: sequence patterns (fixed, starred, nested), mapping patterns (with **rest).
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return "one: %r" % (a,)
        case [a, b]:
            return "two: %r %r" % (a, b)
        case [first, *middle, last] if len(middle) > 2:
            return "long: %r ... %r (%d in middle)" % (first, last, len(middle))
        case [0, *rest]:
            return "starts with 0, rest %r" % (rest,)
        case [[x1, y1], [x2, y2]]:
            return "two points %s" % ((x1, y1, x2, y2),)
        case (a, b, c):
            return "three %r" % ((a, b, c),)
        case _:
            return "no match"
for v in [[], [1], (1, 2), [0, 5, 6], [1, 2, 3, 4, 5], [[1, 2], [3, 4]], (7, 8, 9), "abc", {"a": 1}, range(3), [1, 2, 3, 4]]:
    print(repr(v), "->", seq(v))
def cmd(c):
    match c:
        case {"action": "move", "to": [x, y]}:
            return "move to %d,%d" % (x, y)
        case {"action": "say", "text": str(text), **rest}:
            return "say %r extra=%r" % (text, sorted(rest))
        case {"action": action}:
            return "unknown action %s" % action
        case {}:
            return "empty mapping-ish"
print([cmd(c) for c in [{"action": "move", "to": [1, 2]}, {"action": "say", "text": "hi", "vol": 3, "a": 0},
                         {"action": "jump"}, {"other": 1}, {"action": "move", "to": "xy"}]])
print(cmd([1]) if False else cmd({}))
def tokens(ts):
    out = []
    while ts:
        match ts:
            case ["let", name, "=", value, *ts]:
                out.append("assign %s=%s" % (name, value))
            case ["print", arg, *ts]:
                out.append("print %s" % arg)
            case [unknown, *ts]:
                out.append("skip %s" % unknown)
    return out
print(tokens("let x = 5 print x ? let y = 6".split()))
match {"a": 1, "b": 2}:
    case {"a": 1, **others}:
        print("others", others)
match "text":
    case [*chars]:
        print("string as sequence?!", chars)
    case str():
        print("strings are not sequences for match")
