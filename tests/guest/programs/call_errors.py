# TypeError messages of bad calls, caught and printed.
def f(a, b, c=3, *, d, e=5):
    pass
def g(x, /, y):
    pass
def h():
    pass
def v(*args, k):
    pass
class C:
    def m(self, a):
        pass
    @staticmethod
    def s(a):
        pass
    @classmethod
    def cm(cls, a):
        pass
one, text, nothing = 1, 's', None
cases = [
    ("f()", lambda: f()),
    ("f(1)", lambda: f(1)),
    ("f(1, 2)", lambda: f(1, 2)),
    ("f(1, 2, 3, 4, d=1)", lambda: f(1, 2, 3, 4, d=1)),
    ("f(1, 2, d=1, z=2)", lambda: f(1, 2, d=1, z=2)),
    ("f(1, 2, a=1, d=4)", lambda: f(1, 2, a=1, d=4)),
    ("f(1, b=2)", lambda: f(1, b=2)),
    ("g(x=1, y=2)", lambda: g(x=1, y=2)),
    ("g(1, 2, 3)", lambda: g(1, 2, 3)),
    ("h(1)", lambda: h(1)),
    ("h(a=1)", lambda: h(a=1)),
    ("v(1, 2)", lambda: v(1, 2)),
    ("C().m()", lambda: C().m()),
    ("C().m(1, 2)", lambda: C().m(1, 2)),
    ("C.m(1)", lambda: C.m(1)),
    ("C.s()", lambda: C.s()),
    ("C.cm(1, 2)", lambda: C.cm(1, 2)),
    ("f(**{'a': 1}, **{'a': 2})", lambda: f(**{"a": 1}, **{"a": 2})),
    ("f(*1)", lambda: f(*1)),
    ("f(**[1])", lambda: f(**[1])),
    ("f(1, 2, **{1: 2})", lambda: f(1, 2, **{1: 2})),
    ("one()", lambda: one()),
    ("text()", lambda: text()),
    ("nothing()", lambda: nothing()),
    ("len()", lambda: len()),
    ("len(1, 2)", lambda: len(1, 2)),
    ("len(5)", lambda: len(5)),
    ("int(x=1)", lambda: int(x=1)),
    ("(lambda: 0)(1)", lambda: (lambda: 0)(1)),
    ("(lambda a, b: 0)(1)", lambda: (lambda a, b: 0)(1)),
    ("f(1, 2, 3, d=1, **{'d': 2})", lambda: f(1, 2, 3, d=1, **{"d": 2})),
    ("C()(1)", lambda: C()(1)),
    ("C(1)", lambda: C(1)),
    ("object(1)", lambda: object(1)),
    ("dict(1, 2)", lambda: dict(1, 2)),
    ("sorted([3, 1], 1)", lambda: sorted([3, 1], 1)),
    ("[].append()", lambda: [].append()),
    ("'x'.join([1])", lambda: "x".join([1])),
]
for text, call in cases:
    try:
        call()
    except TypeError as exc:
        print("%-32s TypeError: %s" % (text, exc))
    else:
        print(text, "did not fail")
