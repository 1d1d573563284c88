"""evalframe's own program generator: random, deterministic, 3.10-syntax programs.

Mirrors no CPython file.  hypothesmith's programs are grammatical but rarely
*run* far (most raise a NameError on their first line); these programs are
built to execute the parts of the VM a grammar cannot reach: calls with every
argument kind (positional-only, defaults, ``*args``, keyword-only,
``**kwargs``, unpacking at the call site, and wrong calls for the binder's
exact TypeError texts), closures and ``nonlocal``, exceptions (``finally``,
chaining, custom classes, ``return`` in ``finally``), generators (``send``,
``throw``, ``close``, ``yield from``), classes (``super()``, properties,
dunder methods, class- and static methods, metaclasses, descriptors,
``__slots__``, ``__init_subclass__``), ``match``, ``with``, coroutines and
async generators under asyncio, and string formatting.

Every program is a sequence of independent sections, each printing what it
computes; an exception a section raises is printed and the next one runs,
except that the last section may leave it uncaught (a traceback and exit
status 1 to compare).  ``generate(rng)`` takes any ``random.Random``-like
object, so hypothesis can drive it (``st.randoms()``) and shrink its choices.
"""

import random

NAMES = ("a", "b", "c", "d", "e", "x", "y")


class _Gen:
    def __init__(self, rng):
        self.rng = rng
        self.counter = 0

    def fresh(self, stem):
        self.counter += 1
        return "%s%d" % (stem, self.counter)

    def choice(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p):
        return self.rng.random() < p

    # -- expressions --------------------------------------------------------

    def literal(self):
        kind = self.rng.randrange(7)
        if kind == 0:
            return repr(self.rng.randint(-3, 12))
        if kind == 1:
            return repr(self.choice(["", "ab", "xyz", "h\u00e9", "1"]))
        if kind == 2:
            return repr(self.choice([0.5, -2.0, 1e3, 0.1]))
        if kind == 3:
            return self.choice(["None", "True", "False"])
        if kind == 4:
            return "[%s]" % ", ".join(repr(self.rng.randint(0, 5))
                                      for _ in range(self.rng.randrange(4)))
        if kind == 5:
            return "(%s,)" % repr(self.rng.randint(0, 9))
        return "{%s}" % ", ".join("%r: %d" % (k, self.rng.randint(0, 9))
                                  for k in self.rng.sample(["k", "v", "w"], self.rng.randrange(3)))

    def expr(self, names=(), depth=0):
        if depth > 2 or self.chance(0.3):
            if names and self.chance(0.5):
                return self.choice(list(names))
            return self.literal()
        kind = self.rng.randrange(11)
        sub = lambda: self.expr(names, depth + 1)  # noqa: E731
        if kind == 0:
            return "(%s %s %s)" % (sub(), self.choice(["+", "-", "*", "//", "%", "&", "|", "^"]), sub())
        if kind == 1:
            return "(%s %s %s)" % (sub(), self.choice(["<", "<=", "==", "!=", "in", "is not"]), sub())
        if kind == 2:
            return "(%s %s %s)" % (sub(), self.choice(["and", "or"]), sub())
        if kind == 3:
            return "(%s%s)" % (self.choice(["-", "not ", "~"]), sub())
        if kind == 4:
            return "%s(%s)" % (self.choice(["len", "str", "repr", "bool", "abs", "sorted",
                                            "list", "tuple", "type(%s).__name__ and str" % sub()]),
                               sub())
        if kind == 5:
            return "(%s if %s else %s)" % (sub(), sub(), sub())
        if kind == 6:
            return "[%s for %s in %s]" % (sub(), "i", self.choice(["range(3)", "'ab'", "[1, 2]"]))
        if kind == 7:
            # (no quotes inside: a nested f-string of the same quote is 3.12+ syntax)
            parts = list(names) + ["%d" % self.rng.randint(0, 99), "None", "2.5"]
            return "f'{%s!r:>6}|{%s}'" % (self.choice(parts), self.choice(parts))
        if kind == 8:
            return "%s[%s]" % (self.choice(["[1, 2, 3]", "'abc'", "{'k': 1}", "(4, 5)"]),
                               self.choice(["0", "-1", "1:", "'k'", "5", "::2"]))
        if kind == 9:
            return "(lambda q=%s: q * 2)()" % sub()
        return "(%s ** %d)" % (sub(), self.rng.randint(0, 3))

    # -- sections -------------------------------------------------------------

    def section(self):
        maker = self.choice([self.calls, self.calls, self.closures, self.exceptions,
                             self.generators, self.classes, self.matches, self.withs,
                             self.loops, self.expressions, self.coroutines,
                             self.descriptors, self.formatting])
        return maker()

    def coroutines(self):
        lines = ["import asyncio",
                 "async def leaf(x):",
                 "    await asyncio.sleep(0)",
                 "    if x == %d:" % self.rng.randint(0, 3),
                 "        raise ValueError('leaf %s' % x)",
                 "    return x * 2",
                 "async def agen(n):",
                 "    for i in range(n):",
                 "        yield i",
                 "async def main():",
                 "    out = [await leaf(i) for i in range(%d)]" % self.rng.randint(0, 3),
                 "    out += [i async for i in agen(%d)]" % self.rng.randint(0, 3),
                 "    try:",
                 "        out.append(await asyncio.gather(leaf(1), leaf(%d)))"
                 % self.rng.randint(0, 3),
                 "    except ValueError as e:",
                 "        out.append(str(e))",
                 "    return out",
                 "print(asyncio.run(main()))"]
        return lines

    def descriptors(self):
        lines = ["class Typed:",
                 "    def __set_name__(self, owner, name):",
                 "        self.name = '_' + name",
                 "    def __get__(self, obj, objtype=None):",
                 "        if obj is None:",
                 "            return self",
                 "        return getattr(obj, self.name, %s)" % self.literal(),
                 "    def __set__(self, obj, value):",
                 "        if not isinstance(value, %s):" % self.choice(["int", "str", "(int, str)"]),
                 "            raise TypeError('bad value %r' % (value,))",
                 "        setattr(obj, self.name, value)",
                 "class Meta(type):",
                 "    def __new__(mcls, name, bases, ns, **kw):",
                 "        ns['created_by'] = 'Meta'",
                 "        return super().__new__(mcls, name, bases, ns)",
                 "    def __call__(cls, *a, **k):",
                 "        print('Meta call', cls.__name__, a, k)",
                 "        return super().__call__(*a, **k)",
                 "class Rec(metaclass=Meta):",
                 "    __slots__ = ('_field', 'other')",
                 "    field = Typed()",
                 "    def __init_subclass__(cls, tag=None, **kw):",
                 "        super().__init_subclass__(**kw)",
                 "        cls.tag = tag",
                 "class Sub(Rec, tag=%s):" % self.literal(),
                 "    __slots__ = ()",
                 "r = Sub()",
                 "print(r.field, Sub.tag, Sub.created_by, type(Sub).__name__)",
                 "r.field = %s" % self.literal(),
                 "print(r.field)",
                 "try:",
                 "    r.nope = 1",
                 "except AttributeError as e:",
                 "    print('AttributeError', e)"]
        return lines

    def formatting(self):
        value = self.literal()
        lines = ["v = %s" % value,
                 "print('%%s|%%r|%%5s' %% (v, v, %s))" % self.literal(),
                 "print('{0!r:^9}|{0}'.format(v), format(%s, %r))"
                 % (self.choice(["3.14159", "42", "-7", "1e10"]),
                    self.choice([".2f", ">8", "+d", "x", ",", "e", "08.3f"])),
                 "print(*sorted(map(str, %s)), sep=%r, end=%r)"
                 % (self.choice(["[3, 1, 2]", "'cab'", "{1: 2, 0: 1}", "()"]),
                    self.choice([", ", "", "-"]), self.choice(["\n", "!\n"])),
                 "print(sorted(%s, key=lambda t: (-t[1], t[0])))"
                 % self.choice(["[('a', 2), ('b', 1), ('c', 2)]", "{'x': 1, 'y': 3}.items()"]),
                 "s = %r" % self.choice(["Hello, World", "  padded  ", "a,b,,c", "été"]),
                 "print(s.split(','), s.strip().upper(), s[::-1], s.encode('utf-8'))"]
        return lines

    def expressions(self):
        lines = []
        for _ in range(self.rng.randint(1, 4)):
            name = self.choice(NAMES)
            lines.append("%s = %s" % (name, self.expr()))
            lines.append("print(%r, repr(%s))" % (name, name))
        return lines

    def signature(self):
        """A random parameter list and the names it binds."""
        params, names = [], []
        posonly = self.rng.randrange(3)
        normal = self.rng.randrange(3)
        kwonly = self.rng.randrange(3)
        defaults_from = self.rng.randint(0, posonly + normal)
        index = 0
        for i in range(posonly + normal):
            name = "p%d" % i
            names.append(name)
            if i >= defaults_from:
                params.append("%s=%s" % (name, self.literal()))
            else:
                params.append(name)
            index += 1
            if i == posonly - 1:
                params.append("/")
        star = self.chance(0.5)
        if star:
            params.append("*args")
            names.append("args")
        elif kwonly:
            params.append("*")
        for i in range(kwonly):
            name = "k%d" % i
            names.append(name)
            params.append("%s=%s" % (name, self.literal()) if self.chance(0.5) else name)
        if self.chance(0.5):
            params.append("**kw")
            names.append("kw")
        return ", ".join(params), names

    def call_args(self, names):
        args = []
        for _ in range(self.rng.randrange(4)):
            args.append(self.literal())
        if self.chance(0.3):
            args.append("*%s" % self.choice(["[1, 2]", "()", "'xy'", "range(2)"]))
        keys = sorted(set(names) | {"zz", "p0", "k0", "args"})
        for key in self.rng.sample(keys, self.rng.randrange(3)):
            # (a repeated keyword would make the whole program a SyntaxError)
            args.append("%s=%s" % (key, self.literal()))
        if self.chance(0.3):
            args.append("**%s" % self.choice(["{'k1': 7}", "{}", "{'p1': 0}", "dict(zz=1)"]))
        return ", ".join(args)

    def calls(self):
        fname = self.fresh("f")
        params, names = self.signature()
        shown = ", ".join(names) if names else ""
        lines = ["def %s(%s):" % (fname, params),
                 "    return (%s%s)" % (shown, "," if len(names) == 1 else "")]
        for _ in range(self.rng.randint(1, 4)):
            lines += ["try:",
                      "    print(%s(%s))" % (fname, self.call_args(names)),
                      "except TypeError as exc:",
                      "    print('TypeError:', exc)"]
        if self.chance(0.3):
            lines.append("print(%s.__defaults__, %s.__kwdefaults__, %s.__code__.co_varnames)"
                         % (fname, fname, fname))
        if self.chance(0.3):
            m = self.fresh("M")
            lines += ["class %s:" % m,
                      "    def meth(self, %s):" % (params or "*a"),
                      "        return %r" % fname,
                      "try:",
                      "    print(%s().meth(%s))" % (m, self.call_args(names)),
                      "except TypeError as exc:",
                      "    print('TypeError:', exc)"]
        return lines

    def closures(self):
        outer = self.fresh("outer")
        n = self.rng.randint(0, 5)
        lines = ["def %s(start):" % outer,
                 "    count = start",
                 "    def inc(step=1):",
                 "        nonlocal count",
                 "        count += step",
                 "        return count",
                 "    def peek():",
                 "        return count * %d" % self.rng.randint(1, 3),
                 "    return inc, peek",
                 "inc, peek = %s(%d)" % (outer, n)]
        for _ in range(self.rng.randint(1, 3)):
            lines.append("print(inc(%d), peek())" % self.rng.randint(-2, 4))
        lines += ["fs = [lambda i=i: i * %d for i in range(3)]" % self.rng.randint(1, 4),
                  "gs = [lambda: i for i in range(3)]",
                  "print([f() for f in fs], [g() for g in gs])",
                  "print(inc.__code__.co_freevars, %s.__code__.co_cellvars)" % outer]
        if self.chance(0.5):
            lines += ["def deco(tag):",
                      "    def wrap(fn):",
                      "        def inner(*a, **k):",
                      "            return (tag, fn(*a, **k))",
                      "        return inner",
                      "    return wrap",
                      "@deco(%s)" % self.literal(),
                      "def h(x, y=%s):" % self.literal(),
                      "    return %s" % self.expr(("x", "y")),
                      "print(h(%s))" % self.literal()]
        return lines

    def exceptions(self):
        err = self.fresh("Err")
        raise_what = self.choice(["%s('boom', %s)" % (err, self.literal()),
                                  "ValueError(%s)" % self.literal(),
                                  "KeyError('k')", "ZeroDivisionError"])
        body = self.choice(["raise " + raise_what, "1 / 0", "{}['missing']",
                            "[][%d]" % self.rng.randint(0, 3), "int('x')", "pass",
                            "print(%s)" % self.expr()])
        fin = self.choice(["print('finally')", "pass", "print('cleanup', %s)" % self.literal()])
        lines = ["class %s(Exception):" % err,
                 "    pass",
                 "def risky(n):",
                 "    try:",
                 "        if n:",
                 "            %s" % body,
                 "        return 'ok'",
                 "    except (%s, KeyError) as e:" % err,
                 "        print('caught', type(e).__name__, e.args)",
                 "        raise RuntimeError('wrapped') from e" if self.chance(0.4)
                 else "        return 'handled'",
                 "    else:",
                 "        print('else')",
                 "    finally:",
                 "        %s" % fin]
        if self.chance(0.2):
            lines.append("        return 'from finally'")
        for n in (0, 1):
            lines += ["try:",
                      "    print(risky(%d))" % n,
                      "except Exception as e:",
                      "    print('outer', type(e).__name__, e, type(e.__cause__).__name__,"
                      " type(e.__context__).__name__)"]
        if self.chance(0.4):
            lines += ["for i in range(3):",
                      "    try:",
                      "        if i == %d:" % self.rng.randint(0, 2),
                      "            %s" % self.choice(["break", "continue", "raise ValueError(i)"]),
                      "    except ValueError as e:",
                      "        print('v', e)",
                      "    finally:",
                      "        print('f', i)"]
        return lines

    def generators(self):
        g = self.fresh("gen")
        lines = ["def sub():",
                 "    x = yield 1",
                 "    print('sub got', x)",
                 "    return %s" % self.literal(),
                 "def %s(n):" % g,
                 "    try:",
                 "        for i in range(n):",
                 "            got = yield i",
                 "            if got is not None:",
                 "                print('sent', got)",
                 "        r = yield from sub()",
                 "        print('sub returned', r)",
                 "    except ValueError as e:",
                 "        print('thrown', e)",
                 "        yield 'after throw'",
                 "    finally:",
                 "        print('gen finally')",
                 "it = %s(%d)" % (g, self.rng.randint(0, 3)),
                 "print(next(it, 'done'))"]
        for _ in range(self.rng.randint(1, 4)):
            lines.append(self.choice([
                "print(it.send(%s))" % self.literal(),
                "print(next(it, 'exhausted'))",
                "print(it.throw(ValueError('t')))",
                "it.close()",
            ]))
        lines.append("print(list(%s(%d)), sum(i * i for i in range(%d)))"
                     % (g, self.rng.randint(0, 3), self.rng.randint(0, 5)))
        return lines

    def classes(self):
        base, cls = self.fresh("Base"), self.fresh("Cls")
        lines = ["class %s:" % base,
                 "    kind = %s" % self.literal(),
                 "    def __init__(self, v):",
                 "        self.v = v",
                 "    def describe(self):",
                 "        return 'base %r' % (self.v,)",
                 "    @classmethod",
                 "    def make(cls, v=%s):" % self.literal(),
                 "        return cls(v)",
                 "    @staticmethod",
                 "    def twice(x):",
                 "        return x * 2",
                 "class %s(%s):" % (cls, base),
                 "    def __init__(self, v, w=%s):" % self.literal(),
                 "        super().__init__(v)",
                 "        self.w = w",
                 "    def describe(self):",
                 "        return 'sub ' + super().describe()",
                 "    @property",
                 "    def both(self):",
                 "        return (self.v, self.w)",
                 "    def __repr__(self):",
                 "        return '%s(%%r, %%r)' %% (self.v, self.w)" % cls,
                 "    def __eq__(self, other):",
                 "        return isinstance(other, %s) and self.both == other.both" % cls,
                 "    __hash__ = None",
                 "    def __len__(self):",
                 "        return %d" % self.rng.randint(0, 3),
                 "    def __getitem__(self, i):",
                 "        return (self.v, self.w)[i]",
                 "o = %s(%s)" % (cls, self.literal()),
                 "print(o, o.describe(), o.both, len(o), list(o), bool(o))",
                 "print(%s.make(), %s.twice(%s), %s.kind, %s.__mro__)"
                 % (cls, cls, self.literal(), cls, cls),
                 "print(o == %s(o.v, o.w), o != o, %s.__qualname__)" % (cls, cls)]
        if self.chance(0.5):
            lines.append("o.%s = %s" % (self.choice(["both", "v", "new"]), self.literal()))
            lines.append("print(vars(o))")
        return lines

    def matches(self):
        subject = self.choice([self.literal(), "Point(%d, %d)" % (self.rng.randint(0, 2),
                                                                    self.rng.randint(0, 2)),
                               "[%s]" % ", ".join(self.literal() for _ in range(self.rng.randrange(4))),
                               "{'k': %s, 'v': %s}" % (self.literal(), self.literal())])
        cases = [
            "    case 0 | 1 | 2:\n        print('small int')",
            "    case Point(x=0, y=yy):\n        print('on y axis', yy)",
            "    case Point(xx, yy) if xx == yy:\n        print('diagonal', xx)",
            "    case [first, *rest]:\n        print('seq', first, rest)",
            "    case []:\n        print('empty seq')",
            "    case {'k': kk, **others}:\n        print('map', kk, others)",
            "    case str() as s if len(s) > 1:\n        print('long str', s)",
            "    case (None | True | False) as c:\n        print('const', c)",
            "    case float(f):\n        print('float', f)",
        ]
        self.rng.shuffle(cases)
        lines = ["class Point:",
                 "    __match_args__ = ('x', 'y')",
                 "    def __init__(self, x, y):",
                 "        self.x, self.y = x, y",
                 "match %s:" % subject]
        for case in cases[:self.rng.randint(1, len(cases))]:
            lines.extend(case.split("\n"))
        lines += ["    case _:", "        print('other')"]
        return lines

    def withs(self):
        lines = ["class CM:",
                 "    def __init__(self, name, swallow):",
                 "        self.name, self.swallow = name, swallow",
                 "    def __enter__(self):",
                 "        print('enter', self.name)",
                 "        return self.name",
                 "    def __exit__(self, et, ev, tb):",
                 "        print('exit', self.name, et.__name__ if et else None)",
                 "        return self.swallow",
                 "import contextlib",
                 "@contextlib.contextmanager",
                 "def gcm(v):",
                 "    print('gcm in')",
                 "    try:",
                 "        yield v",
                 "    finally:",
                 "        print('gcm out')",
                 "with CM('a', %s) as a, gcm(%s) as b:" % (self.choice(["True", "False"]),
                                                           self.literal()),
                 "    print('body', a, b)",
                 "    %s" % self.choice(["pass", "raise ValueError('in with')", "1 / 0"]),
                 "print('after with')"]
        return lines

    def loops(self):
        lines = ["total = 0",
                 "for i in range(%d):" % self.rng.randint(0, 6),
                 "    if i %% %d == 0:" % self.rng.randint(1, 3),
                 "        continue",
                 "    total += i",
                 "    if total > %d:" % self.rng.randint(2, 10),
                 "        break",
                 "else:",
                 "    print('no break')",
                 "print('total', total)",
                 "n = %d" % self.rng.randint(0, 5),
                 "while (n := n - 1) > 0:",
                 "    print('n', n)",
                 "a, *b = %s" % self.choice(["[1, 2, 3]", "'xy'", "(1,)", "range(4)"]),
                 "print(a, b, {k: v for k, v in zip('abc', range(3))}, {x % 3 for x in range(7)})"]
        return lines


def generate(rng=None, sections=None):
    """One program (source text) drawn with ``rng`` (a random.Random or st.randoms())."""
    if rng is None:
        rng = random.Random()
    g = _Gen(rng)
    count = sections if sections is not None else rng.randint(2, 6)
    out = []
    last_uncaught = rng.random() < 0.25
    for index in range(count):
        body = g.section()
        if last_uncaught and index == count - 1:
            out.extend(body)
        else:
            out.append("try:")
            out.extend("    " + line for line in body)
            out.append("except Exception as exc:")
            out.append("    print('section %d:', type(exc).__name__, exc)" % index)
    return "\n".join(out) + "\n"


def generate_seeded(seed, index):
    """Program ``index`` of the run with ``seed`` (the same on every machine)."""
    return generate(random.Random("%s-%s" % (seed, index)))
