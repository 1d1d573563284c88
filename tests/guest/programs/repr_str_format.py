# __repr__/__str__/__format__ and how print, str, repr, format, f-strings and containers use them.
class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class Fmt:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "":
            return "Fmt(%s)" % self.v
        if spec.endswith("!"):
            return str(self.v).upper() * int(spec[:-1] or 1)
        return format(self.v, spec)
    def __repr__(self):
        return "Fmt!r"
b, r, f = Both(), ReprOnly(), Fmt("ab")
print(b, r, str(b), repr(b), str(r), [b, r], (b,), {"k": b}, "%s %r" % (b, b))
print(f"{b} {b!r} {r} {f} {f:3!} {Fmt(3.14159):.2f} {f!r}", format(f, "2!"), "{:>5}".format(Fmt(7)))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class NoFormat:
    def __str__(self):
        return "nf"
print(format(NoFormat()), f"{NoFormat()}")
try:
    format(NoFormat(), "x")
except TypeError as e:
    print("TypeError:", e)
class Rec:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return "Rec(%r)" % self.children
r1 = Rec(); r1.children.append(Rec())
print(r1)
lst = [1]
lst.append(lst)
d = {"a": 1}
d["self"] = d
print(lst, d)
class StrSub(str):
    def __str__(self):
        return "custom str"
    def __repr__(self):
        return "custom repr"
s = StrSub("raw")
print(s, str(s), repr(s), "%s" % s, f"{s}", s + "!", [s])
