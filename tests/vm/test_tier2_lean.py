"""Lean tier-2 calls (interpreter/tier2.py, interpreter/t2frames.py): a guest
call of a tier-2 function makes no Frame; frames are materialised when observed.

Program-level tests run ``evalframe run`` with EVALFRAME_TIER2=eager against
the host CPython (stdout, stderr with tracebacks, exit status); in-process
tests check that the calls they exercise really took the lean path.
"""

import contextlib
import io

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import tier2
from evalframe.interpreter.ceval import run_code
from . import _programs


def _run(source):
    g = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_code(compile_source(source, "<lean>", "exec"), g)
    return out.getvalue(), g


def _same_as_host(source):
    """_run, its output checked against the host's exec of the same source."""
    out, g = _run(source)
    host = io.StringIO()
    with contextlib.redirect_stdout(host):
        exec(compile(source, "<lean>", "exec"), {"__name__": "__main__"})
    assert out == host.getvalue()
    return out, g


def _eager_program(tmp_path, source, monkeypatch):
    monkeypatch.setenv("EVALFRAME_TIER2", "eager")
    _programs.assert_same(tmp_path, source)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_calls_of_each_arity_are_lean(eager):
    out, g = _run(
        "def a0(): return 1\n"
        "def a1(x): return x + a0()\n"
        "def a2(x, y): return a1(x) * y\n"
        "def a3(x, y, z=5): return a2(x, y) - z\n"
        "def a4(w, x, y, z): return a3(w, x) + a3(y, z, 1)\n"
        "class C:\n"
        "    def m(self, k): return a4(k, k, k, k)\n"
        "def top(n):\n"
        "    c = C()\n"
        "    return [a0(), a1(n), a2(n, 2), a3(n, 2), a3(n, 2, 0), c.m(n)]\n"
        "print(top(3))\n")
    assert out == "[1, 4, 8, 3, 8, 18]\n"
    for name in ("a0", "a1", "a2", "a3", "a4"):
        assert g[name]._lean is not None, name
    assert g["C"].__dict__["m"]._lean is not None


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_code_with_handlers_is_not_lean(eager):
    out, g = _run(
        "def h(x):\n"
        "    try:\n"
        "        return 1 // x\n"
        "    except ZeroDivisionError:\n"
        "        return 'zero'\n"
        "def outer(x):\n"
        "    def inner(): return x\n"
        "    return inner()\n"
        "def top():\n"
        "    return h(0), h(1), outer(4)\n"
        "print(top())\n")
    assert out == "('zero', 1, 4)\n"
    # (cells of its own are lean since 2026-12-03: made in the prologue)
    assert g["h"]._lean is None and g["outer"]._lean is not None


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_closures_are_lean_bound_per_function(eager):
    # code with free variables (no cells of its own) is lean: its lean entry
    # is bound to the function's cells, so two closures of one code each get
    # their own; zero-argument super() (a __class__ cell) is lean too: it
    # reads the first argument and the cell, no Frame (builtins.lean_super)
    out, g = _run(
        "def make_adder(n):\n"
        "    def add(x): return x + n\n"
        "    return add\n"
        "def deco(fn):\n"
        "    def wrapper(a, b): return fn(a, b) * 2\n"
        "    return wrapper\n"
        "@deco\n"
        "def plus(a, b): return a + b\n"
        "class A:\n"
        "    def m(self): return 1\n"
        "class B(A):\n"
        "    def m(self): return super().m() + 1\n"
        "def top():\n"
        "    a, b = make_adder(1), make_adder(100)\n"
        "    return [a(1), b(1), a(2), plus(3, 4), B().m()]\n"
        "a1, a100 = make_adder(1), make_adder(100)\n"
        "print(top())\n")
    assert out == "[2, 101, 3, 14, 2]\n"
    assert g["plus"]._lean is not None
    assert g["B"].__dict__["m"]._lean is not None
    code = g["plus"]._code
    assert tier2.lean_for(code, g, g["plus"]._builtins) is None     # (no cells given)
    a1, a100 = g["a1"], g["a100"]
    assert tier2.bind_lean(a1) is not None and tier2.bind_lean(a100) is not None
    assert a1._lean is not a100._lean
    assert (a1._lean(tier2.get_tstate(), 5), a100._lean(tier2.get_tstate(), 5)) == (6, 105)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_keyword_only_and_star_parameters_are_lean(eager):
    # the binder (call.bind_args) or a keyword plan fills the parameters'
    # slots and the lean function takes them: no Frame
    source = (
        "def kwonly(a, *, c=3, d): return a, c, d\n"
        "def dflt(a, *, c=3): return a + c\n"
        "def star(a, *rest): return a, rest\n"
        "def star_kw(a, *rest, flag=False, **extra): return a, rest, flag, sorted(extra)\n"
        "def only_kw(**kw): return sorted(kw.items())\n"
        "def top():\n"
        "    return [kwonly(1, d=2), kwonly(1, c=0, d=2), dflt(1), dflt(1, c=1), star(1),\n"
        "            star(1, 2, 3), star_kw(1, 2, flag=True, z=3), only_kw(), only_kw(x=1)]\n"
        "print(top())\n")
    out, g = _same_as_host(source)
    for name in ("kwonly", "dflt", "star", "star_kw", "only_kw"):
        assert g[name]._lean is not None, name


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_functions_and_classes_made_in_lean_code(eager):
    # MAKE_FUNCTION and LOAD_BUILD_CLASS take their derived templates, which
    # read the lean function's bound globals_ and builtins_: no frame materialised
    source = (
        "import sys\n"
        "def make(n):\n"
        "    class K:\n"
        "        v = 5\n"
        "    f = lambda x, y=n: x * y + 5\n"
        "    return (K.__name__, K.__qualname__, K.__module__, f(3), f.__qualname__,\n"
        "            f.__globals__ is globals(), f.__defaults__)\n"
        "def top():\n"
        "    r = [make(i) for i in range(3)]\n"
        "    return r, sys._getframe().f_code.co_name\n"
        "print(top())\n")
    out, g = _same_as_host(source)
    assert "make.<locals>.<lambda>', True, (2,)" in out
    assert g["make"]._lean is not None


def test_frame_identity_and_back_chain(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import sys
        def names(f):
            out = []
            while f is not None and f.f_code.co_name != '<module>':
                out.append(f.f_code.co_name)
                f = f.f_back
            return out
        def leaf(n):
            f = sys._getframe()
            assert f is sys._getframe() and f.f_back is sys._getframe(1)
            return names(f)
        def mid(n):
            return leaf(n)
        def key(x):
            return len(names(sys._getframe()))
        def viahost(xs):
            return sorted(xs, key=key), list(map(mid, xs[:1]))
        def gen():
            yield names(sys._getframe())
        def withgen():
            return next(gen())
        def top():
            print(mid(1))
            print(viahost([3, 1, 2]))
            print(withgen())
            print(leaf(0) == names(sys._getframe()) [:0] + ['leaf', 'top'])
        top()
        for i in range(3):
            print(mid(i))
    """, monkeypatch)


def test_f_locals_and_lineno_after_return(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import sys
        def f(a, b):
            c = a + b
            d = [c]
            fr = sys._getframe()
            d.append(fr.f_lineno)
            return fr
        def g():
            fr = f(1, 2)
            loc = dict(fr.f_locals)
            loc.pop('fr')
            print(sorted(loc.items()), fr.f_lineno, fr.f_lasti >= 0, fr.f_code.co_name)
            print(fr.f_back.f_code.co_name, fr.f_back is sys._getframe())
            def inner_locals(x):
                y = x * 3
                return locals()
            print(inner_locals(5))
        g()
    """, monkeypatch)


def test_tracebacks_through_lean_frames(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import sys, traceback
        def boom(n):
            m = n * 2
            return 10 // (n - n)
        def mid(n):
            k = n + 1
            return boom(k) + 1
        def top():
            try:
                mid(3)
            except ZeroDivisionError as e:
                tb = e.__traceback__
                while tb is not None:
                    fl = tb.tb_frame.f_locals
                    print(tb.tb_frame.f_code.co_name, tb.tb_lineno,
                          sorted(k for k in fl if k != 'tb' and k != 'e' and k != 'fl'))
                    tb = tb.tb_next
                traceback.print_exc(file=sys.stdout)
            def raiser(x):
                raise ValueError(x)
            def call(x):
                return raiser(x)
            try:
                call('v')
            except ValueError as e:
                print(repr(e), e.__traceback__.tb_next.tb_frame.f_code.co_name)
        top()
        def unbound(flag):
            if flag:
                x = 1
            return x
        def outer():
            return unbound(False)
        outer()
    """, monkeypatch)


def test_recursion_limit_in_lean_code(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import sys
        def down(n):
            return down(n + 1) + 1
        def count(n):
            if n == 0:
                return 0
            return count(n - 1) + 1
        def top():
            try:
                down(0)
            except RecursionError as e:
                print('caught', e)
            sys.setrecursionlimit(5000)
            print(count(3000))
            sys.setrecursionlimit(100)
            try:
                count(200)
            except RecursionError as e:
                print('caught again', e)
            sys.setrecursionlimit(1000)
        top()
        down(0)
    """, monkeypatch)


def test_settrace_mid_call_deoptimises(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import sys
        events = []
        def tracer(frame, event, arg):
            if frame.f_code.co_filename == __file__:
                events.append((frame.f_code.co_name, event, frame.f_lineno))
            return tracer
        def start():
            sys.settrace(tracer)
            return 1
        def work(n):
            a = n + start()
            b = a * 2
            return a + b
        def caller(n):
            x = work(n)
            y = x + 1
            return y
        def top():
            r = caller(2)
            sys.settrace(None)
            return r
        print(top())
        for e in events:
            print(e)
    """, monkeypatch)


def test_generator_loop_and_del_timing_in_lean_code(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import sys
        class D:
            def __init__(self, name): self.name = name
            def __del__(self): print('del', self.name)
        def gen(n):
            for i in range(n):
                yield i
        def total(n):
            s = 0
            for x in gen(n):
                s += x
            return s
        def observed():
            d = D('observed')
            sys._getframe()
            return 1
        def plain():
            d = D('plain')
            return 2
        def top():
            print(total(5))
            print(observed())
            print('after observed')
            print(plain())
            print('after plain')
        top()
    """, monkeypatch)


def test_frame_started_by_the_plain_loop_continues_lean(tmp_path, monkeypatch):
    # called from module level: the plain loop's Frame is the lean call's frame
    # (tier2.osr_entry); its line and locals must follow the lean code
    _eager_program(tmp_path, """
        import sys
        def where():
            return sys._getframe(1).f_lineno
        def body():
            y = 7
            a = where()
            exec("print('exec sees', y)")
            b = where()
            z = y + 1
            print(sorted(locals().items()))
            return a, b, eval("y + z")
        print(body())
        print(body())
    """, monkeypatch)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_declared_opcodes_in_lean_code(eager):
    # the lean translation derives these from bytecodes.py's declarations:
    # a local read pushed in place and then rebound before it is consumed
    # (spilled), a deleted local, star calls (LIST_TO_TUPLE, DICT_MERGE with
    # its duplicate-keyword error), a builtin and a global, jumps
    source = (
        "def kw(**k): return sorted(k.items())\n"
        "def pos(*a): return a\n"
        "def spill(x):\n"
        "    y = x + (x := 2) + x\n"
        "    x, y = y, x\n"
        "    return x, y\n"
        "def delete(n):\n"
        "    v = n * 2\n"
        "    del v\n"
        "    try_ = len([n])\n"
        "    return try_\n"
        "def unbound(n):\n"
        "    v = n\n"
        "    del v\n"
        "    return v\n"
        "def star(a, b):\n"
        "    return pos(*a, *b), kw(**{'x': 1}, **{'y': 2})\n"
        "def dup(a):\n"
        "    return kw(**a, **a)\n"
        "def loop(n):\n"
        "    s = 0\n"
        "    while n:\n"
        "        n -= 1\n"
        "        if n % 2: continue\n"
        "        s += n\n"
        "    return s if s else -1\n"
        "def top():\n"
        "    print(spill(5), delete(3), star([1], (2, 3)), loop(7))\n"
        "    try:\n"
        "        dup({'z': 0})\n"
        "    except TypeError as e:\n"
        "        print('TypeError', e)\n"
        "    try:\n"
        "        unbound(1)\n"
        "    except UnboundLocalError as e:\n"
        "        print('UnboundLocalError', e)\n"
        "top()\n")
    out, g = _same_as_host(source)
    assert "got multiple values" in out and "UnboundLocalError" in out
    for name in ("spill", "delete", "unbound", "star", "dup", "loop"):
        assert g[name]._lean is not None, name


def test_nested_host_entry_from_lean_code(tmp_path, monkeypatch):
    # set() calls the guest __hash__ from host code; inside it a property's
    # getter is a nested host->guest entry, whose C recursion checks
    # (runtime/cdepth) ask which instruction of the calling guest frame made
    # the call: a lean call has no Frame (was: AttributeError '_LeanMarker'
    # object has no attribute '_lasti', bench/programs/class_model.py)
    _eager_program(tmp_path, """
        class R:
            def __init__(self, w):
                self._w = w
            @property
            def area(self):
                return self._w * 2
            def __hash__(self):
                return hash(self.area)
            def __eq__(self, other):
                return self.area == other.area
            def __repr__(self):
                return 'R(%r)' % (self.area,)
        def main():
            rs = [R(i % 3) for i in range(5)]
            print(len(set(rs)), sorted(set(rs), key=lambda r: r.area))
            def deep(n):
                return repr(R(n)) if n == 0 else deep(n - 1)
            print(deep(50))
        main()
    """, monkeypatch)


_METHOD_CALLS = """
class K:
    @staticmethod
    def st(x):
        return x + 1
    def m(self, x):
        return x * 2
class S(K):
    def m(self, x):
        return super().m(x) + 1
def calls(n):
    seen = set()
    out = []
    k = S()
    for i in range(n):
        seen.add(i % 3)             # a builtin container's method
        out.append(k.st(i))         # a static method: LOAD_METHOD leaves NULL
        out.append(k.m(i))          # a guest method, unbound
        out.append("ab".upper())    # a builtin method of a type call_host runs
        try:
            raise KeyError(i)
        except KeyError:
            seen.add(-1)            # (in an except block: through call_any)
    return sorted(seen), out[-4:]
print(calls(5))
"""


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_call_method_tests_builtin_methods_first(eager):
    # CALL_METHOD with LOAD_METHOD's NULL tests a builtin container's method
    # (set.add, list.append: the commonest) before a guest function or a bound
    # method where the method's name is a builtin's (nqueens: 11% fewer host
    # instructions per solution step), and the bound guest method first
    # elsewhere (richards): the types are exclusive, so only the order of the
    # tests changes
    import linecache
    import re
    from evalframe import opcodes
    out, g = _same_as_host(_METHOD_CALLS)
    code = g["calls"].__code__
    fn = tier2.frame_based(code)
    # the name of the LOAD_METHOD each CALL_METHOD (by offset) calls
    names, pending = {}, []
    raw = code.co_code
    for at in range(0, len(raw), 2):
        if raw[at] == opcodes.LOAD_METHOD:
            pending.append(code.co_names[raw[at + 1]])
        elif raw[at] == opcodes.CALL_METHOD:
            names[at] = pending.pop()
    first = {}
    for ln in linecache.getlines(fn.__code__.co_filename):
        m = re.search(r"# (\d+) CALL_METHOD", ln)
        if m and ln.lstrip().startswith("if ") and "tracer" not in ln:
            first[names[int(m.group(1))]] = ln
    for name in ("add", "upper"):
        assert "is BuiltinFunctionType" in first[name].split(" and ")[0], first[name]
    for name in ("st", "m"):
        if name in first and " is not NULL and " not in first[name]:
            assert "is MethodType" in first[name].split(" and ")[0], first[name]
    assert " is not NULL and " not in first["st"]


@pytest.fixture
def call_any_calls(monkeypatch):
    """The names of the callees generated code passes to call_any, in order."""
    calls = []
    ns = tier2._namespace()
    real = ns["call_any"]

    def counting(tstate, func, *args):
        calls.append(getattr(func, "__name__", func))
        return real(tstate, func, *args)
    monkeypatch.setitem(ns, "call_any", counting)
    return calls


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_math_functions_are_called_directly(eager, call_any_calls):
    # math's functions are plain callables (call.plain_callables): a tier-2
    # call of one is a host call, not call_any -> call_push -> call_host
    import sys
    if sys.version_info < (3, 11):
        pytest.skip("direct builtin calls need a 3.11+ host")
    out, _ = _same_as_host(
        "import math\nfrom math import sin, sqrt\n"
        "def f(n):\n    t = 0.0\n    for i in range(n):\n"
        "        t += sin(i) + sqrt(i) + math.floor(i / 3) + math.hypot(i, 2)\n"
        "    return round(t, 9)\n"
        "print(f(50))\n")
    assert call_any_calls == []


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_class_calls_made_at_the_call_site(eager, call_any_calls):
    # a class call whose __init__ takes exactly the arguments (lean entry
    # bound) is made at the call site (tier2._class_call), not through
    # call_any -> _init_call; the first call binds the lean entry there
    out, _ = _same_as_host(
        "class V:\n    def __init__(self, x, y):\n        self.s = x + y\n"
        "def f(n):\n    t = 0\n    for i in range(n):\n        t += V(i, 2).s\n    return t\n"
        "print(f(50))\n")
    assert call_any_calls.count("V") <= 1, call_any_calls


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_frame_based_function_called_through_its_entry(eager):
    # code with handlers has no lean function: after its first call through
    # call_any its call sites of that arity call its frame-based function's
    # call form (tier2.bound_call: no t2entry.frame_entry host frame), not
    # call_any
    out, g = _same_as_host(
        "def h(a, b):\n"
        "    try:\n"
        "        return a // b\n"
        "    except ZeroDivisionError:\n"
        "        return None\n"
        "def top(n):\n"
        "    return [h(i, i % 3) for i in range(n)][-4:]\n"
        "print(top(50))\n")
    assert out == "[46, 23, None, 49]\n"
    entry = g["h"]._lean2
    t2 = tier2.frame_based(g["h"].__code__)
    assert entry is not None and entry.__code__.co_filename == t2.__code__.co_filename
    assert entry.__code__ is not t2.__code__
    assert g["h"]._lean is None         # (no lean function: the entry is not one)


_DROPS = (
    "class P:\n"
    "    def __init__(self, w):\n        self._w = w\n"
    "    @property\n    def w(self):\n        return self._w\n"
    "class F:\n"
    "    def __init__(self, v):\n        self.v = v\n"
    "    def __del__(self):\n        print('del', self.v)\n"
    "    def __add__(self, o):\n        return F(self.v + o.v)\n"
    "def kw(a, b=0):\n    return a - b\n"
    "def f(p, x, y, n):\n"
    "    t = 0\n"
    "    for i in range(n):\n"
    "        t += p.w * (x - y) + kw(i, b=x) + len(str(i * y))\n"
    "    s = F(x) + F(y)\n"
    "    print('sum', s.v)\n"
    "    return t\n"
    "def top():\n"
    "    print(f(P(3), 5, 2, 4))\n"
    "    print(f(P(2.5), 1.5, 0.5, 3))\n"
    "top()\n")


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_stack_values_dropped_by_del(eager):
    # lean code drops a consumed stack value by ``del tN`` (one DELETE_FAST,
    # tier2.drop_text), a site's guard temporary (a walrus in a test that may
    # short-circuit, so possibly never set) by assignment: a del of it would
    # raise UnboundLocalError on the first path that skips it (the property
    # site before it recorded, the keyword call's entry test)
    import linecache
    out, g = _same_as_host(_DROPS)
    assert "del 5\ndel 2\nsum 7\ndel 7\n" in out
    src = "".join(linecache.getlines(g["f"]._lean.__code__.co_filename))
    dels = [ln for ln in src.splitlines() if ln.lstrip().startswith("del t")
            or "; del t" in ln]
    assert dels, src
    guards = set()
    for ln in src.splitlines():
        # (``(tN := None)``: an argument moved into a call, not a guard)
        guards.update(__import__("re").findall(r"\((t\d+) := (?!None\))", ln))
    for ln in dels:
        named = __import__("re").findall(r"\bdel ((?:t\d+(?:, )?)+)", ln)[0].split(", ")
        assert not guards & set(named), ln


_FUSED_COMPARE = (
    "import sys\n"
    "class R:\n"
    "    def __init__(self, v, boom=False):\n        self.v = v\n        self.boom = boom\n"
    "    def __bool__(self):\n"
    "        f = sys._getframe(1)\n"
    "        print('bool', f.f_code.co_name, f.f_lasti, f.f_lineno)\n"
    "        if self.boom:\n            raise ValueError('no truth')\n"
    "        return self.v\n"
    "    def __del__(self):\n"
    "        try:\n            f = sys._getframe(1)\n"
    "        except ValueError:\n            return\n"
    "        if f.f_code.co_name in ('pick', 'loop'):\n"
    "            print('del', f.f_code.co_name, f.f_lasti, f.f_lineno)\n"
    "class K:\n"
    "    def __init__(self, k, boom=False):\n        self.k = k\n        self.boom = boom\n"
    "    def __lt__(self, o):\n        return R(self.k < o, self.boom)\n"
    "def pick(a, b):\n"
    "    if a < b:\n"
    "        return 'lt'\n"
    "    return 'ge'\n"
    "def loop(a, n):\n"
    "    i = 0\n"
    "    while a < n:\n"
    "        i += 1\n"
    "        a = K(a.k + 1)\n"
    "    return i\n"
    "def top():\n"
    "    print(pick(1, 2), pick(3, 2), pick(K(1), 2), pick(K(5), 2))\n"
    "    print(loop(K(0), 3))\n"
    "    try:\n"
    "        pick(K(1, True), 2)\n"
    "    except ValueError as e:\n"
    "        tb = e.__traceback__.tb_next\n"
    "        print('tb', tb.tb_frame.f_code.co_name, tb.tb_lasti, tb.tb_lineno)\n"
    "top()\n"
    "top()\n")


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_fused_compare_jump_shows_the_jump(eager, monkeypatch):
    # ``if a < b:`` is one host line in lean code (t2peep._bool_jumps'
    # COMPARE_OP form): a guest __bool__ of the compare's result, its
    # finalizer and a traceback made there see the jump's instruction (3.10's
    # offset 6 in pick, 40 in loop), as with the compare's result in a
    # temporary tested on the jump's own line (the line table maps the host
    # jump, t2frames._offset_table).  (Tier 1 agrees since the seventeenth
    # session: a fused group releases the jump's condition before it returns,
    # tests/guest/programs/finalize_jump_condition.py.)
    if not tier2._FUSE_COMPARE:
        pytest.skip("the fused form is made on 3.11 and 3.12 hosts")
    # The traceback ``top`` keeps in ``tb`` is a cycle through top's frame:
    # the failing R it holds dies in whichever collection comes next, and a
    # collection started inside pick printed one more 'del pick' in one of
    # the two runs (CI, eager-fusion).  With the collector off during the
    # runs every finalizer here runs where the reference count drops.
    import gc
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        out, g = _run(_FUSED_COMPARE)
        import linecache
        src = "".join(linecache.getlines(g["pick"]._lean.__code__.co_filename))
        assert "if not (l0 < l1):" in src or "if (l0 < l1):" in src, src
        monkeypatch.setattr(tier2, "_FUSE_COMPARE", False)
        unfused, g = _run(_FUSED_COMPARE)
    finally:
        if was_enabled:
            gc.enable()
    src = "".join(linecache.getlines(g["pick"]._lean.__code__.co_filename))
    assert "l0 < l1):" not in src, src
    assert out == unfused
    for seen in ("bool pick 6 26", "del pick 6 26", "tb pick", "bool loop 40 31",
                 "del loop 40 31"):
        assert seen in out, out
    # (the results a traceback kept die here, not in a later in-process test)
    out = unfused = g = None
    gc.collect()


_SITES = (
    "class V:\n"
    "    __slots__ = ('x',)\n"
    "    def __init__(self, x):\n        self.x = x\n"
    "    def __mul__(self, o):\n        return V(self.x * (o.x if type(o) is V else o))\n"
    "    def __repr__(self):\n        return 'V(%r)' % (self.x,)\n"
    "    def get(self):\n        return self.x\n"
    "class P:\n"
    "    def __init__(self, w):\n        self._w = w\n"
    "    @property\n    def w(self):\n        return self._w\n"
    "    @w.setter\n    def w(self, v):\n        self._w = v + 1\n"
    "class Q:\n"
    "    def __init__(self, w):\n        self.w = w\n"
    "    def get(self):\n        return -self.w\n"
    "class R:\n"
    "    def __init__(self):\n        self.get = lambda: 7\n"
    "def mul(a, b):\n    return a * b\n"
    "def read(o):\n    return o.w\n"
    "def write(o, v):\n    o.w = v\n    return o.w\n"
    "def call(o):\n    return o.get()\n"
    "def top():\n"
    "    out = []\n"
    "    for a, b in [(1.5, 2.0), (3, 4), (V(2), 3), (V(2), V(5)), (2.5, 2), ('ab', 2),\n"
    "                 (V(3), 1.5)]:\n"
    "        out.append(mul(a, b))\n"
    "    print(out)\n"
    "    print([mul(V(k), k) for k in range(4)], mul(2.0, 4.0))\n"
    "    print([read(o) for o in (P(1), Q(2), P(3), Q(4))])\n"
    "    print([write(o, 5) for o in (P(1), Q(2), P(3), Q(4))])\n"
    "    print([call(o) for o in (V(1), Q(2), V(3), R(), V(5))])\n"
    "top()\n"
    "for k in range(70):\n"
    "    read(Q(k)), write(Q(k), k), call(Q(k)), mul(k, 2)\n"
    "top()\n")


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_sites_disarmed_are_empty_lists(eager):
    # an attribute, method or operator site tests whether it is armed by the
    # truth of its list (t2attr._disarm empties it): ``if not pN: r = a * b``,
    # ``if not pN: r = o.w``, ``if pN and (...)``, one subscript fewer per
    # execution than ``pN[0]`` (raytrace's float arithmetic, class_model's
    # properties); operands of every kind before and after each site was
    # disarmed (by its misses: 70 calls with a plain instance or an int)
    import linecache
    import re
    out, g = _same_as_host(_SITES)

    def src(name):
        return "".join(linecache.getlines(g[name]._lean.__code__.co_filename))
    assert re.search(r"if not p\d+: t\d+ = l0 \* l1", src("mul")), src("mul")
    assert re.search(r"if not p\d+: t\d+ = l0\.w", src("read")), src("read")
    assert re.search(r"if not p\d+: l0\.w = ", src("write")), src("write")
    assert re.search(r"if p\d+ and \(", src("call")), src("call")



_FUSED_METHODS = """
import sys, traceback, weakref
class D(dict):
    def get(self, k, d=None):
        return ('D', k)
class L(list):
    def append(self, x):
        list.append(self, ('L', x))
class H:
    def __hash__(self):
        raise ValueError('no hash')
def fresh(log):
    s = set()
    log.append(weakref.ref(s, lambda r: print('set gone', sys._getframe(1).f_lineno)))
    return s
def missing(lst):
    return lst.get(1)
def hashed(d, h):
    return d.get(h, 0)
def handling(d):
    try:
        raise KeyError(1)
    except KeyError:
        return d.get(1, 'x')
def calls(d, lst, log):
    out = []
    for i in range(3):
        out.append(d.get(i, 0))
        lst.append(i)
        fresh(log).add(i)
        print('added', i)
    return out, lst
def rebinds(lst):
    old = lst
    lst.append(len(lst))
    lst.append((lst := [9]))
    return old, lst
def top(d, lst):
    print(calls(d, lst, []))
    print(handling(d))
    print(rebinds([1]), rebinds(L()))
    try:
        missing(lst)
    except AttributeError as e:
        print(type(e).__name__, e, [(t.name, t.lineno) for t in traceback.extract_tb(e.__traceback__)])
    try:
        print(hashed(d, H())[0])
    except ValueError as e:
        print(type(e).__name__, e, [(t.name, t.lineno) for t in traceback.extract_tb(e.__traceback__)])
top({1: 'a'}, [])
top(D(), L())
top({}, [])
"""


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_builtin_methods_called_on_their_receiver(eager, monkeypatch):
    # a builtin container's method read and called with nothing between
    # (``d.get(i, 0)``, ``lst.append(i)``) is the host's method call on the
    # receiver when its type is exactly one whose method that is
    # (tier2._method_read): no bound method made and tested; a subclass, a
    # missing method (its AttributeError at the read), a raising __hash__, a
    # call in an except block and a temporary receiver (which dies after the
    # call, as CPython's stack keeps it) behave as on the host
    import linecache
    import re
    from evalframe.interpreter import t2attr
    # (a method name of a class with __slots__ another test made is an
    # armed site's, t2attr.METHOD_NAMES, not a plain read)
    monkeypatch.setattr(t2attr, "METHOD_NAMES", set())
    out, g = _same_as_host(_FUSED_METHODS)
    assert "set gone" in out and "no hash" in out and "AttributeError" in out
    src = "".join(linecache.getlines(g["calls"]._lean.__code__.co_filename))
    # (``l1.append(i)`` of a local: the pure form, tier2._pure_call: no
    # handled test, no tracer test after it)
    assert re.search(r"if type\(l1\) is list_: t\d+ = l1\.append\(l\d+\)", src), src
    for call in (r"l0\.get\(l\d+, \(0\)\)",
                 r"t\d+\.add\(l\d+\); del t\d+",
                 # (the argument computed between the read and the call: the
                 # receiver, a local nothing rebinds, tested at the call)
                 r"l3\.append\(t\d+\)"):
        assert re.search(r"if type\((l0|l1|l3|t\d+)\) in p\d+ and not handled_\[0\]: t\d+ = "
                         + call, src), (call, src)
    # (a local the code between names, here rebound, is not read at the call)
    src = "".join(linecache.getlines(g["rebinds"]._lean.__code__.co_filename))
    assert not re.search(r"if type\(l0\) in p\d+", src), src


_SUPER_FIRST = """
class A:
    def w(self):
        return 1
class B(A):
    def w(self):
        return super().w() + 1
    def gone(self, x):
        if x:
            del self
        return super().w()
def top():
    out = [B().w(), B().gone(0)]
    try:
        B().gone(1)
    except (RuntimeError, UnboundLocalError) as e:
        out.append(str(e))
    return out
print(top(), top())
"""


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_zero_arg_super_tested_first(eager):
    # ``super()`` read by the name super tests the builtin super first (a
    # guest function second), and the first argument is not tested for NULL
    # where nothing deletes it (tier2._zero_arg_super); where it may be
    # deleted the test stays (CPython's RuntimeError; on 3.12+ hosts, where
    # ``super().w`` is LOAD_SUPER_ATTR, the UnboundLocalError of its load of
    # the argument, builtins.lean_super_attr)
    import linecache
    import re
    import sys
    out, g = _same_as_host(_SUPER_FIRST)
    if sys.version_info >= (3, 12):
        assert "cannot access local variable 'self'" in out and "arg[0]" not in out
    else:
        assert "arg[0] deleted" in out

    def src(name):
        return "".join(linecache.getlines(
            g["B"].__dict__[name]._lean.__code__.co_filename))
    w = src("w")
    assert re.search(r"\n\s+if t\d+ is super_: t\d+ = \(super_\(l1\.ob_ref, l0\) if type", w), w
    assert "l0 is not NULL" not in w
    assert "l0 is not NULL" in src("gone")
    assert ("lean_super_attr(l0, " in src("gone")) == (sys.version_info >= (3, 12))


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_lean_prologue_and_epilogue_of_a_lean_call(eager):
    # a call made by lean code (frame0 None) sets no ``back``: the prologue
    # writes it only where it saves the caller's frame, and t2frames reads a
    # missing ``back`` as LEAN (f_back of a frame observed two lean calls
    # deep is its lean caller's frame); the epilogue restores the depth by an
    # assignment (no COPY and SWAP of ``-=``): host bytecodes of every call
    import linecache
    out, g = _same_as_host(
        "import sys\n"
        "def inner(n):\n    f = sys._getframe()\n"
        "    return (f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_back.f_code.co_name, n)\n"
        "def mid(n):\n    return inner(n + 1)\n"
        "def top():\n    return mid(1)\n"
        "print(top(), top())\n")
    assert "('inner', 'mid', 'top', 2)" in out
    src = "".join(linecache.getlines(g["mid"]._lean.__code__.co_filename))
    assert "back = LEAN" not in src and "back = tstate.frame" in src, src
    assert "tstate.depth = tstate.depth - 1" in src and "depth -= 1" not in src, src


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_except_clause_names_only_temporaries_the_code_uses(eager):
    # the lean function's except clause drops the temporaries the code
    # names, not every one the translation made: one made and rewritten away
    # (the compare's result fused into ``if not (l0 < (2)):``) would be a
    # host local more, made and cleared with every call
    import linecache
    import re
    out, g = _same_as_host(
        "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"
        "print(fib(12), fib(13))\n")
    src = "".join(linecache.getlines(g["fib"]._lean.__code__.co_filename))
    lines = src.splitlines()
    # (the clause's first line takes the exception, the next drops them)
    at = [k for k, ln in enumerate(lines) if "e = host_exception_()" in ln][-1]
    dropped = re.findall(r"\bt\d+\b", lines[at + 1])
    assert dropped, src
    rest = "\n".join(lines[:at])
    for t in dropped:
        assert re.search(r"\b%s\b" % t, rest), (t, src)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_empty_branch_of_a_jump_is_inverted(eager):
    # a conditional jump whose own path writes nothing was ``if c:`` /
    # ``pass`` / ``else:`` <the other path>: the path through ``pass`` ran a
    # NOP and a jump over the else branch; it is ``if not (c):`` (``(x)``
    # for ``not (x)``), whose ``not`` the host compiles into the jump
    # (tier2._invert_empty_ifs): fib's recursive calls, richards' ``is None``
    import linecache
    out, g = _same_as_host(
        "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"
        "def first(x, d):\n    if x is None:\n        return d\n    return x\n"
        "def count(xs):\n    k = 0\n    for x in xs:\n        if x in (2, 3):\n            k += 1\n"
        "        else:\n            k -= 1\n    return k\n"
        "def top():\n"
        "    return fib(12), first(None, 1), first(2, 1), count(range(6))\n"
        "print(top(), top())\n")
    for name in ("fib", "first", "count"):
        src = linecache.getlines(g[name]._lean.__code__.co_filename)
        code = [ln.split("  #")[0].strip() for ln in src]
        for k, ln in enumerate(code[:-1]):
            assert not (ln == "pass" and code[k + 1] == "else:"), "".join(src)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in the traced loop)
def test_returns_leave_without_a_host_finally_unless_a_line_names_return(eager):
    # (eighteenth session: each return puts the depth and frame back itself
    # and the except clause takes sys.exception(), no host ``finally`` nor
    # ``as e``; a body line naming ``return`` in a form _lean_returns does not
    # know, here inside a string, keeps the old tail, and both behave alike)
    import linecache
    out, g = _same_as_host(
        "def plain(x):\n    if x:\n        return x + 1\n    return 0\n"
        "def odd(x):\n    if x == 'return':\n        return x + ' return '\n    return x + '!'\n"
        "def call(fn, x):\n    try:\n        return fn(x)\n    except TypeError as e:\n"
        "        return type(e).__name__\n"
        "print([call(plain, 1), call(plain, 0), call(plain, 'a'), call(odd, 'return'),\n"
        "       call(odd, 'a'), call(odd, 1)])\n")
    plain = "".join(linecache.getlines(g["plain"]._lean.__code__.co_filename))
    odd = "".join(linecache.getlines(g["odd"]._lean.__code__.co_filename))
    assert "\n        finally:\n" not in plain and "except BaseException:\n" in plain, plain
    assert "e = host_exception_()" in plain and "as e:" not in plain, plain
    assert "\n        finally:\n" in odd and "except BaseException as e:" in odd, odd
