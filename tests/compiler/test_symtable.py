"""evalframe.compiler.symtable against CPython 3.10's own symbol table.

The reference is CPython 3.10's ``_symtable`` / ``symtable`` modules run in a
subprocess: for every scope we compare the name, block type, line, nesting,
varnames, children, and every symbol's raw flags (def/use bits and the scope
at SCOPE_OFFSET) plus the ``symtable.Symbol`` predicates derived from them.
Flags that only the compiler sees (generator, coroutine, varargs, __class__
cell...) are checked against the code objects CPython 3.10 compiles.
"""

import ast
import json
import os
import subprocess
import sys
import warnings

import pytest

from evalframe.compiler import symtable as S
from evalframe.reference import reference_python, _ref_env


def _ref_or_skip():
    cmd = reference_python()
    if cmd is None:
        pytest.skip("CPython 3.10 is not available (set EVALFRAME_REF_PYTHON or install "
                    "it with pyenv)")
    return cmd


# Runs in CPython 3.10: reads [[filename, source], ...] as JSON, answers with
# one dump per source: the scope tree with raw flags and symtable.Symbol's
# predicates, or the SyntaxError.
_DUMPER_310 = r'''
import json, sys, symtable
PREDICATES = ("is_referenced", "is_imported", "is_parameter", "is_global",
              "is_declared_global", "is_local", "is_annotated", "is_free",
              "is_assigned", "is_nonlocal", "is_namespace")
def dump(t):
    raw = t._table
    return {"name": raw.name, "type": raw.type, "lineno": raw.lineno,
            "nested": raw.nested, "varnames": list(raw.varnames),
            "symbols": [[k, v] for k, v in raw.symbols.items()],
            "predicates": {s.get_name(): [bool(getattr(s, p)()) for p in PREDICATES]
                           for s in t.get_symbols()},
            "children": [dump(c) for c in t.get_children()]}
out = []
for fn, src in json.load(sys.stdin):
    try:
        out.append(["ok", dump(symtable.symtable(src, fn, "exec"))])
    except SyntaxError as e:
        out.append(["error", e.msg, e.lineno, e.offset])
json.dump(out, sys.stdout)
'''

# The same predicates, computed from our flags as Lib/symtable.py (3.10) does.
_PREDICATES = ("is_referenced", "is_imported", "is_parameter", "is_global",
               "is_declared_global", "is_local", "is_annotated", "is_free",
               "is_assigned", "is_nonlocal", "is_namespace")


def _predicates(ste, name, flags):
    scope = (flags >> S.SCOPE_OFFSET) & S.SCOPE_MASK
    assert scope == S.get_scope(ste, name)
    namespace = any(c.ste_name == name for c in ste.ste_children)
    module_bound = ste.ste_name == "top" and bool(flags & S.DEF_BOUND)
    return [bool(flags & S.USE), bool(flags & S.DEF_IMPORT), bool(flags & S.DEF_PARAM),
            scope in (S.GLOBAL_IMPLICIT, S.GLOBAL_EXPLICIT) or module_bound,
            scope == S.GLOBAL_EXPLICIT,
            scope in (S.LOCAL, S.CELL) or module_bound, bool(flags & S.DEF_ANNOT),
            scope == S.FREE,
            bool(flags & S.DEF_LOCAL), bool(flags & S.DEF_NONLOCAL), namespace]


def _dump(ste):
    return {"name": ste.ste_name, "type": ste.ste_type, "lineno": ste.ste_lineno,
            "nested": ste.ste_nested, "varnames": list(ste.ste_varnames),
            "symbols": [[k, v] for k, v in ste.ste_symbols.items()],
            "predicates": {k: _predicates(ste, k, v) for k, v in ste.ste_symbols.items()},
            "children": [_dump(c) for c in ste.ste_children]}


def _normalise(d):
    """Compare symbols as a dict, and their order too, except for names a block
    only holds because a child needs them free: CPython adds those while
    iterating a set, in an order that depends on string hashing."""
    free_only = S.FREE << S.SCOPE_OFFSET
    return {"name": d["name"], "type": d["type"], "lineno": d["lineno"],
            "nested": d["nested"], "varnames": d["varnames"],
            "symbols": dict((k, v) for k, v in d["symbols"]),
            "order": [k for k, v in d["symbols"] if v != free_only],
            "predicates": d["predicates"],
            "children": [_normalise(c) for c in d["children"]]}


def _parse(source, filename="<unknown>"):
    # Old stdlib files have invalid escapes: the host's parser warns about them.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(source, filename)


def _ours(filename, source):
    tree = _parse(source, filename)
    try:
        ff = S.future_from_ast(tree, filename)
        st = S.build_symtable(tree, filename, ff)
    except SyntaxError as e:
        return ["error", e.msg, e.lineno, e.offset]
    return ["ok", _dump(st.st_top)]


def _reference_dumps(cmd, sources):
    proc = subprocess.run(cmd + ["-c", _DUMPER_310], input=json.dumps(sources),
                          capture_output=True, text=True, env=_ref_env())
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _compare(ours, ref):
    assert ours[0] == ref[0], (ours if ours[0] != "ok" else "ok",
                               ref if ref[0] != "ok" else "ok")
    if ours[0] == "ok":
        assert _normalise(ours[1]) == _normalise(ref[1])
    else:
        assert ours == ref


# -- a corpus of tricky scoping ---------------------------------------------

SNIPPETS = {
    "closure": """
def outer(a, *args, b=1, **kw):
    x = 1
    def inner(c):
        nonlocal x
        x += c
        return a + x + y
    return inner
y = 2
""",
    "closure_chain": """
def f():
    v = 1
    def g():
        def h():
            return v
        return h
    return g
""",
    "cell_param": """
def f(a, b):
    def g():
        return a
    return g
""",
    "class_method_super": """
class C(Base, metaclass=M):
    attr = 1
    def method(self):
        return super().method()
    def other(self):
        return __class__
    def plain(self):
        return attr
    @staticmethod
    def s():
        pass
""",
    "class_free_class": """
def f():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
        y = x
    return C
""",
    "class_global_free": """
def f():
    x = 1
    class C:
        global x
        def m(self):
            return x
    return C
""",
    "nested_class_super": """
def deco(f): return f
class A:
    class B:
        def m(self):
            super()
            def inner():
                return __class__
            return inner
    def n(self):
        return [super() for _ in range(2)]
""",
    "comprehensions": """
def f(xs, ys):
    a = [x * y for x in xs for y in ys if x]
    b = {x: y for x, y in zip(xs, ys)}
    c = {x for x in xs}
    d = (x for x in xs)
    e = [[x + z for z in ys] for x in xs]
    return a, b, c, d, e
g = [i for i in range(3)]
""",
    "comprehension_class": """
class C:
    xs = [1, 2]
    ys = [x for x in xs]
    zs = [x for x in range(3) if xs]
    ws = [y for x in range(3) for y in xs]
""",
    "lambdas": """
f = lambda x, *a, y=1, **k: (x, a, y, k, z)
def g(p):
    return lambda q=p: lambda: p + q
h = lambda: (yield)
""",
    "globals": """
x = 1
def f():
    global x, y
    x = 2
    y = 3
    def g():
        return x + y
    return g
def h():
    global z
    def i():
        z = 1
        def j():
            return z
        return j
""",
    "nonlocal_deep": """
def f():
    a = 1
    def g():
        def h():
            nonlocal a
            a = 2
        return h
    return g
""",
    "walrus": """
def f(xs):
    if (n := len(xs)) > 2:
        pass
    ys = [y := x for x in xs]
    zs = [[w := 1 for _ in xs] for _ in xs]
    return n, y, w
zs = [last := x for x in range(3)]
def g():
    global gg
    [gg := 1 for _ in range(2)]
def h():
    k = 0
    def i():
        [k := 1 for _ in range(2)]
    return i
""",
    "walrus_lambda": """
def f():
    return [lambda: (t := 1) for _ in range(3)]
""",
    "imports": """
import os.path
import a.b.c as d
from x import y as z, w
def f():
    import json
    from q import r
    import p.q
    return json, r, p
""",
    "star_import": """
from os import *
""",
    "annotations": """
x: int = 1
y: List[int]
(z): float = 2.0
a.b: int = 3
def f(p: P, *args: A, q: Q = 1, **kw: K) -> R:
    loc: L = 2
    other: O
    return loc
class C:
    attr: T
    val: V = 1
""",
    "future_annotations": """
from __future__ import annotations
x: int = 1
def f(p: P, *args: A, q: Q = 1, **kw: K) -> R:
    loc: L = 2
    return loc
class C:
    attr: List[int]
    def m(self) -> C: pass
""",
    "decorators_defaults": """
def deco(arg):
    return lambda f: f
def outer():
    d = 1
    v = 2
    @deco(d)
    def inner(a=v, *, b=v):
        return a
    @deco(d)
    class K(v):
        pass
    return inner
""",
    "generators_async": """
def gen():
    yield 1
    yield from gen()
async def coro():
    await x
    async with a as b:
        pass
    async for c in d:
        pass
    return [e async for e in f]
async def agen():
    yield 1
    return
def genexp():
    return (x for x in range(3))
async def acomp():
    return [await z for z in w]
""",
    "try_with_match": """
def f(v):
    try:
        pass
    except ValueError as e:
        g = e
    except (TypeError, KeyError):
        pass
    else:
        h = 1
    finally:
        i = 2
    with open(v) as fh, open(v) as (a, b):
        pass
    match v:
        case [1, *rest]:
            pass
        case {"k": val, **others}:
            pass
        case Point(x=px, y=py) as pt:
            pass
        case (1 | 2) as alt:
            pass
        case str() if guard:
            pass
        case _:
            pass
    return rest, val, others, px, py, pt, alt
""",
    "mangling": """
class Foo:
    __private = 1
    __dunder__ = 2
    def __m(self, __arg, _plain):
        __local = self.__private
        import __mod
        global __g
        return __arg, __local, __mod.x
    def m2(self):
        def __inner(): pass
        return [__c for __c in range(3)]
class __Under:
    __x = 1
class ___:
    __y = 1
""",
    "del_and_augassign": """
def f():
    x = 1
    del x
    y += 1
    z[0] += 1
    a.b = 2
    del c[0], d.e
""",
    "debug_and_builtins": """
def f():
    return __debug__, len, print
""",
    "class_in_function_nested": """
def f():
    class A:
        def m(self):
            class B:
                def n(self):
                    return A, B, self
            return B
    return A
""",
    "fstrings": """
def f(a, b):
    return f"{a!r:>{b}} {a=} {{}} {b:{a}.{b}}"
""",
    "comprehension_scopes_names": """
def f():
    return [(lambda: i) for i in range(3)], {k: [k for _ in v] for k, v in d}
""",
    "deleted_free": """
def f():
    x = 1
    def g():
        nonlocal x
        del x
    return g
""",
    "module_level_statements": """
if a:
    b = 1
elif c:
    d = 2
else:
    e = 3
while f:
    break
else:
    pass
for i, (j, k) in items:
    continue
assert m, n
raise Err from cause
""",
    "class_kwarg_use_after": """
class A:
    x = 1
    def f(self, y=x):
        return y
    def g(self):
        return [x for _ in range(1)]
""",
    "nested_comprehension_free": """
def f():
    n = 3
    return [[j * n for j in range(i)] for i in range(n)]
""",
    "globals_in_class_method": """
class C:
    def m(self):
        global C2
        class C2:
            pass
""",
}


@pytest.fixture(scope="module")
def reference_snippets():
    cmd = _ref_or_skip()
    names = sorted(SNIPPETS)
    dumps = _reference_dumps(cmd, [["<snippet %s>" % n, SNIPPETS[n]] for n in names])
    return dict(zip(names, dumps))


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_scopes_match_cpython310(name, reference_snippets):
    ref = reference_snippets[name]
    assert ref[0] == "ok", "the corpus must compile on 3.10: %r" % (ref,)
    _compare(_ours("<snippet %s>" % name, SNIPPETS[name]), ref)


# -- the flags only the compiler sees, against 3.10's code objects ------------

CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200

_CODE_NAMES = {"top": "<module>", "lambda": "<lambda>", "genexpr": "<genexpr>",
               "listcomp": "<listcomp>", "setcomp": "<setcomp>",
               "dictcomp": "<dictcomp>"}


def _code_objects(code):
    yield code
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            yield from _code_objects(c)


def _entries(ste):
    yield ste
    for c in ste.ste_children:
        yield from _entries(c)


def _expected_code_facts(ste):
    """What compile.c derives from an entry: flags, cellvars, freevars."""
    cells = sorted(n for n in ste.ste_symbols if S.get_scope(ste, n) == S.CELL)
    if ste.ste_needs_class_closure:
        assert not cells
        cells = ["__class__"]
    frees = sorted(n for n, f in ste.ste_symbols.items()
                   if S.get_scope(ste, n) == S.FREE or f & S.DEF_FREE_CLASS)
    flags = 0
    if ste.ste_type == S.FunctionBlock:
        if ste.ste_nested:
            flags |= CO_NESTED
        if ste.ste_generator and not ste.ste_coroutine:
            flags |= CO_GENERATOR
        if not ste.ste_generator and ste.ste_coroutine:
            flags |= CO_COROUTINE
        if ste.ste_generator and ste.ste_coroutine:
            flags |= CO_ASYNC_GENERATOR
        if ste.ste_varargs:
            flags |= CO_VARARGS
        if ste.ste_varkeywords:
            flags |= CO_VARKEYWORDS
    return flags, tuple(cells), tuple(frees)


_CODE_FLAG_SNIPPETS = ["closure", "cell_param", "class_method_super", "class_free_class",
                       "class_global_free", "nested_class_super", "comprehensions",
                       "lambdas", "globals", "nonlocal_deep", "walrus", "generators_async",
                       "decorators_defaults", "class_in_function_nested",
                       "comprehension_scopes_names", "nested_comprehension_free",
                       "mangling"]


@pytest.mark.parametrize("name", _CODE_FLAG_SNIPPETS)
def test_compiler_facts_match_cpython310_code(name):
    _ref_or_skip()
    from evalframe.reference import compile_reference
    source = SNIPPETS[name]
    code = compile_reference(source, "<snippet>", "exec")
    by_key = {}
    for c in _code_objects(code):
        by_key.setdefault((c.co_name, c.co_firstlineno), []).append(c)
    tree = ast.parse(source)
    st = S.build_symtable(tree, "<snippet>", S.future_from_ast(tree))
    checked = 0
    for ste in _entries(st.st_top):
        key = (_CODE_NAMES.get(ste.ste_name, ste.ste_name),
               ste.ste_lineno if ste.ste_type != S.ModuleBlock else 1)
        candidates = by_key.get(key, [])
        if len(candidates) != 1:
            continue        # two lambdas on one line: ambiguous, skip
        c = candidates[0]
        flags, cells, frees = _expected_code_facts(ste)
        mask = (CO_VARARGS | CO_VARKEYWORDS | CO_NESTED | CO_GENERATOR | CO_COROUTINE
                | CO_ASYNC_GENERATOR)
        assert (c.co_flags & mask) == flags, (key, hex(c.co_flags), hex(flags))
        assert tuple(c.co_cellvars) == cells, key
        assert tuple(c.co_freevars) == frees, key
        if ste.ste_type == S.FunctionBlock:
            assert tuple(c.co_varnames[:len(ste.ste_varnames)]) == tuple(ste.ste_varnames)
        checked += 1
    assert checked >= 2


# -- over the real standard library ---------------------------------------------

def _stdlib_files(root, step):
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        for f in sorted(filenames):
            if f.endswith(".py"):
                files.append(os.path.join(dirpath, f))
    return files[::step]


def _ref_stdlib_root(cmd):
    proc = subprocess.run(cmd + ["-c", "import os; print(os.path.dirname(os.__file__))"],
                          capture_output=True, text=True, env=_ref_env())
    return proc.stdout.strip()


def test_stdlib_sample_matches_cpython310():
    """Every 5th file of 3.10's Lib (about 340 files) gives the same tables."""
    cmd = _ref_or_skip()
    files = _stdlib_files(_ref_stdlib_root(cmd), 5)
    sources = []
    for fn in files:
        with open(fn, "rb") as f:
            data = f.read()
        try:
            sources.append([fn, data.decode("utf-8")])
        except UnicodeDecodeError:
            continue
    refs = _reference_dumps(cmd, sources)
    compared = 0
    for (fn, src), ref in zip(sources, refs):
        try:
            _parse(src, fn)
        except SyntaxError:
            assert ref[0] == "error", fn     # both refuse (lib2to3 data, badsyntax)
            continue
        _compare(_ours(fn, src), ref)
        compared += 1
    assert compared > 250


def test_host_stdlib_sample_does_not_crash():
    """The host's own Lib (newer syntax included) either builds or raises SyntaxError."""
    root = os.path.dirname(os.__file__)
    built = 0
    for fn in _stdlib_files(root, 7):
        with open(fn, "rb") as f:
            data = f.read()
        try:
            tree = _parse(data, fn)
        except (SyntaxError, ValueError):
            continue
        try:
            ff = S.future_from_ast(tree, fn)
            st = S.build_symtable(tree, fn, ff)
        except SyntaxError:
            continue        # e.g. 3.12 type parameters: 3.10 has no such syntax
        assert st.lookup(tree) is st.st_top
        built += 1
    assert built > 100


# -- the API the code generator relies on -------------------------------------

def test_constants_match_cpython310():
    cmd = _ref_or_skip()
    proc = subprocess.run(cmd + ["-c", "import _symtable, json; print(json.dumps("
                                 "{k: v for k, v in vars(_symtable).items() "
                                 "if isinstance(v, int)}))"],
                          capture_output=True, text=True, env=_ref_env())
    ref = json.loads(proc.stdout)
    ours = {"USE": S.USE, "DEF_GLOBAL": S.DEF_GLOBAL, "DEF_NONLOCAL": S.DEF_NONLOCAL,
            "DEF_LOCAL": S.DEF_LOCAL, "DEF_PARAM": S.DEF_PARAM, "DEF_FREE": S.DEF_FREE,
            "DEF_FREE_CLASS": S.DEF_FREE_CLASS, "DEF_IMPORT": S.DEF_IMPORT,
            "DEF_BOUND": S.DEF_BOUND, "DEF_ANNOT": S.DEF_ANNOT,
            "TYPE_FUNCTION": S.FunctionBlock, "TYPE_CLASS": S.ClassBlock,
            "TYPE_MODULE": S.ModuleBlock, "LOCAL": S.LOCAL,
            "GLOBAL_EXPLICIT": S.GLOBAL_EXPLICIT, "GLOBAL_IMPLICIT": S.GLOBAL_IMPLICIT,
            "FREE": S.FREE, "CELL": S.CELL, "SCOPE_OFF": S.SCOPE_OFFSET,
            "SCOPE_MASK": S.SCOPE_MASK}
    assert ours == ref
    assert S.DEF_COMP_ITER == 2 << 8


def test_lookup_by_node_and_entry_attributes():
    src = ("class C:\n"
           "    def m(self, *a, **k):\n"
           "        return super().m(), (lambda: 1), [i for i in a], {i for i in a},"
           " {i: i for i in a}, (i for i in a)\n"
           "async def co():\n"
           "    await x\n")
    tree = ast.parse(src)
    st = S.build_symtable(tree, "<t>", 0)
    assert st.st_filename == "<t>" and st.st_future == 0
    top = st.lookup(tree)
    assert top is st.st_top and top.ste_name == "top" and top.ste_type == S.ModuleBlock
    cls = tree.body[0]
    c = st.lookup(cls)
    assert c.ste_type == S.ClassBlock and c.ste_needs_class_closure
    assert c.ste_id is cls and c.ste_lineno == 1 and c.ste_col_offset == 0
    m = st.lookup(cls.body[0])
    assert m.ste_varnames == ["self", "a", "k"] and m.ste_varargs and m.ste_varkeywords
    assert m.ste_returns_value and not m.ste_nested
    assert S.get_scope(m, "__class__") == S.FREE
    assert S.get_scope(m, "super") == S.GLOBAL_IMPLICIT
    assert S.get_scope(m, "missing") == 0
    ret = cls.body[0].body[0].value.elts
    lam, lc, sc, dc, ge = (st.lookup(n) for n in ret[1:])
    assert lam.ste_name == "lambda" and lam.ste_nested
    for e, kind, name in ((lc, S.ListComprehension, "listcomp"),
                          (sc, S.SetComprehension, "setcomp"),
                          (dc, S.DictComprehension, "dictcomp"),
                          (ge, S.GeneratorExpression, "genexpr")):
        assert e.ste_name == name and e.ste_comprehension == kind
        assert e.ste_varnames == [".0"]
        assert e.ste_generator == (kind == S.GeneratorExpression)
    assert m.ste_children == [lam, lc, sc, dc, ge]
    co = st.lookup(tree.body[1])
    assert co.ste_coroutine and not co.ste_generator
    with pytest.raises(KeyError):
        st.lookup(ret[0])


def test_mangle():
    assert S.mangle(None, "__x") == "__x"
    assert S.mangle("C", "__x") == "_C__x"
    assert S.mangle("_C", "__x") == "_C__x"
    assert S.mangle("__", "__x") == "__x"
    assert S.mangle("C", "__x__") == "__x__"
    assert S.mangle("C", "__") == "__"
    assert S.mangle("C", "_x") == "_x"
    assert S.mangle("C", "__a.b") == "__a.b"
    assert S.mangle("C", "x") == "x"


def test_future_from_ast():
    tree = ast.parse('"doc"\nfrom __future__ import annotations, division\n'
                     'from __future__ import barry_as_FLUFL\nx = 1\n')
    ff = S.future_from_ast(tree, "<t>")
    assert ff.ff_features == S.CO_FUTURE_ANNOTATIONS | S.CO_FUTURE_BARRY_AS_BDFL
    assert ff.ff_lineno == 3
    assert S.future_features(tree) == ff.ff_features
    # Not at the top: not a future statement here (the code generator
    # reports it, comparing with ff_lineno).
    late = S.future_from_ast(ast.parse("x = 1\nfrom __future__ import annotations\n"))
    assert late.ff_features == 0 and late.ff_lineno == -1
    assert S.future_from_ast(ast.parse("1", mode="eval")).ff_features == 0
    st = S.build_symtable(tree, "<t>", ff)
    assert st.st_future == ff.ff_features


def test_recursion_limit_like_cpython():
    deep = ast.parse("x = " + "-" * 2500 + "1\n")
    S.build_symtable(deep, "<deep>", 0)
    assert sys.getrecursionlimit() < 10000      # restored


def test_unsupported_newer_syntax_is_a_syntax_error():
    if sys.version_info < (3, 12):
        pytest.skip("type parameters need a 3.12+ host parser")
    for src in ("def f[T](x): pass\n", "class C[T]: pass\n", "type X = int\n"):
        with pytest.raises(SyntaxError):
            S.build_symtable(ast.parse(src), "<new>", 0)


def test_trystar_is_scoped_like_try():
    if sys.version_info < (3, 11):
        pytest.skip("except* needs a 3.11+ host parser")
    tree = ast.parse("def f():\n    try:\n        pass\n    except* E as eg:\n"
                     "        y = eg\n")
    st = S.build_symtable(tree, "<t>", 0)
    f = st.lookup(tree.body[0])
    assert S.get_scope(f, "eg") == S.LOCAL and S.get_scope(f, "y") == S.LOCAL
    assert S.get_scope(f, "E") == S.GLOBAL_IMPLICIT
