# format() and str.format with every kind of spec.
values = [0, 7, -42, 3.14159, -0.5, 1e10, 123456789, 2 ** 40]
specs = ["", "5", "<8", ">8", "^9", "*^9", "+", " ", "08", "x", "X", "#x", "o", "#o", "b", "#b", ",", "_", ".2f", ".3e", ".4g", "%", "10.1f", "+.1e", "=+10"]
for v in values:
    out = []
    for spec in specs:
        try:
            out.append(format(v, spec))
        except ValueError as e:
            out.append("ValueError(%s)" % e)
    print(v, out)
for s in ["abc", "", "hello world"]:
    print([format(s, spec) for spec in ["", "5", "<6", ">6", "^7", "-^7", ".2", "10.3"]])
print("{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0[1]} {1[k]}".format([9, 8], {"k": "v"}))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{:{w}.{p}f}".format(3.14159, w=10, p=3), "{{literal}}".format())
class P:
    def __init__(self):
        self.x, self.y = 3, 4
print("{p.x},{p.y}".format(p=P()), "{:>{}}".format("r", 4), "{0:^{1}}".format("c", 5))
print(format(True, ""), format(True, "d"), format(None), format(1.0), format(1e-5), format(1e16), format(12.0, "n"))
import string
print(string.Formatter().format("{a}+{b}={c}", a=1, b=2, c=3), list(string.Formatter().parse("x{a:>3}y{b!r}")))
for bad in ["{", "}", "{0:z}", "{:d}"]:
    try:
        print(bad.format(1.5))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
