# match: guards, or-patterns binding the same names, as-patterns, nested alternatives, evaluation order.
def classify(v):
    match v:
        case (0, y) | (y, 0):
            return "on axis %s" % y
        case (x, y) as pt if x == y:
            return "diagonal %r" % (pt,)
        case ((1 | 2) as small, _):
            return "small first %d" % small
        case [(str() | bytes()) as s, *_]:
            return "starts with text %r" % (s,)
        case {"k": [1, *_] | (2, *_) as seq}:
            return "mapping with seq %r" % (seq,)
        case _:
            return "other"
for v in [(0, 5), (5, 0), (3, 3), (1, 9), (2, 9), ["s", 1], [b"b"], {"k": [1, 2]}, {"k": (2,)}, (7, 8)]:
    print(v, "->", classify(v))
log = []
def guard(tag, result):
    log.append(tag)
    return result
match (1, 2):
    case (a, b) if guard("first", False):
        pass
    case (a, 3) if guard("second", True):
        pass
    case (a, b) if guard("third", True):
        print("third matched", a, b)
print(log)
def nested(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["take", *items] if items:
            return "taking " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "huh?"
print([nested(c) for c in ["go north", "go up", "take a b", "take", "quit", "exit", ""]])
