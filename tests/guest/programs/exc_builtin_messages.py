# Messages of the built-in exceptions the interpreter raises itself.
class Obj:
    __slots__ = ()
five, pair = 5, [1, 2]
cases = {
    "NameError": lambda: undefined_name,
    "AttributeError obj": lambda: Obj().missing,
    "AttributeError module": lambda: __import__("math").nope,
    "AttributeError None": lambda: None.foo,
    "AttributeError set": lambda: setattr(Obj(), "x", 1),
    "KeyError": lambda: {"a": 1}["b"],
    "KeyError tuple": lambda: {}[(1, 2)],
    "IndexError list": lambda: [1][5],
    "IndexError tuple": lambda: ()[0],
    "IndexError str": lambda: ""[0],
    "IndexError pop": lambda: [].pop(),
    "TypeError subscript": lambda: five[0],
    "TypeError not iterable": lambda: list(5),
    "TypeError unhashable": lambda: {[]: 1},
    "TypeError concat": lambda: "a" + 1,
    "TypeError concat list": lambda: [1] + (1,),
    "TypeError unsupported": lambda: {} + {},
    "TypeError str assign": lambda: exec("s = 'abc'; s[0] = 'x'"),
    "TypeError del": lambda: exec("t = (1,); del t[0]"),
    "TypeError compare": lambda: 1 < "a",
    "TypeError not callable": lambda: pair(),
    "TypeError bad operand": lambda: -[],
    "TypeError int()": lambda: int([]),
    "ValueError int": lambda: int("12a"),
    "ValueError unpack": lambda: exec("a, b = [1, 2, 3]"),
    "ValueError list.index": lambda: [1, 2].index(3),
    "ValueError str.index": lambda: "abc".index("z"),
    "ValueError chr": lambda: chr(0x110000),
    "ZeroDivisionError int": lambda: 5 // 0,
    "ZeroDivisionError float": lambda: 5.0 / 0,
    "ZeroDivisionError mod": lambda: 5 % 0,
    "OverflowError": lambda: 10.0 ** 400,
    "StopIteration": lambda: next(iter([])),
    "UnboundLocalError": lambda: exec("def f():\n    print(x)\n    x = 1\nf()"),
    "ModuleNotFoundError": lambda: __import__("no_such_module_xyz"),
    "ImportError": lambda: exec("from math import nope"),
    "AssertionError": lambda: exec("assert 1 == 2, 'msg %d' % 3"),
    "AssertionError bare": lambda: exec("assert False"),
    "LookupError base": lambda: {}.__getitem__("zz"),
    "FileNotFoundError": lambda: open("/nonexistent/dir/file.txt"),
    "UnicodeDecodeError": lambda: b"\xff\xfe\xfa".decode("utf-8"),
    "UnicodeEncodeError": lambda: "é".encode("ascii"),
}
for name, fn in cases.items():
    try:
        result = fn()
    except BaseException as e:
        print("%-24s %s: %s" % (name, type(e).__name__, e))
        print("%-24s args=%r" % ("", e.args))
    else:
        print("%-24s no error: %r" % (name, type(result).__name__))
e = None
try:
    {}["missing"]
except KeyError as exc:
    e = exc
print(isinstance(e, LookupError), type(e).__mro__[1].__name__)
try:
    [].nosuch
except AttributeError as exc:
    print(exc.name, type(exc.obj).__name__)
try:
    undefined_again
except NameError as exc:
    print(exc.name)
