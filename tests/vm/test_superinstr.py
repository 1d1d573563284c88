"""Superinstructions (interpreter/superinstr.py) and what the plain loop shows of them.

Fused groups must be invisible: exceptions raised in the middle of a group
report the instruction's own line, a frame reading its own (or its caller's)
f_lineno mid-group sees the current line, and the traced loop still sees every
original instruction.  Programs are compared with the host (outcome, traceback
text) and, for sys.settrace events around EXTENDED_ARG, with CPython 3.10.
"""

import io
import json
import os
import subprocess
import sys
import textwrap

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import superinstr, tier2
from evalframe.interpreter.ceval import run_code
from evalframe.interpreter.decode import decode
from evalframe.runtime.tracebacks import clean_exception
from ._diff import compile_310, host_outcome, vm_outcome
from .test_gen_exc_programs import PROGRAMS as GEN_EXC_PROGRAMS
from .test_tracebacks import _host_stderr


@pytest.fixture(autouse=True)
def eager_fusion(monkeypatch):
    """Fuse every code object's groups at decode time (no warm-up), so that
    the programs below run fused even where they run a function once."""
    monkeypatch.setattr(superinstr, "WARMUP", 0)


def _function_code(source, name):
    g = {"__name__": "__main__"}
    run_code(compile_source(source, "<fuse>", "exec"), g)
    return g[name].__code__


@pytest.mark.evalframe_untraced
def test_warm_up_then_fused(monkeypatch):
    if not superinstr.ENABLED:
        pytest.skip("superinstructions are disabled (EVALFRAME_NO_SUPERINSTRUCTIONS)")
    monkeypatch.setattr(superinstr, "WARMUP", 2)
    monkeypatch.setattr(tier2, "ENABLED", False)    # (tier 1's warm-up is what is tested)
    g = {"__name__": "__main__"}
    run_code(compile_source("def f(a):\n    b = a + 1\n    return b * 2\n"
                            "def loop(n):\n    while n:\n        n -= 1\n    return n\n",
                            "<fuse>", "exec"), g)

    def fused(fn):
        return [h for h, _ in decode(fn.__code__).instrs if id(h.__code__) in superinstr.FUSED_LINES]
    assert g["f"](1) == 4 and not fused(g["f"])      # one call: not compiled
    assert g["f"](2) == 6 and fused(g["f"])          # the second call fuses
    assert g["loop"](5) == 0 and fused(g["loop"])    # a loop fuses while it runs


@pytest.mark.evalframe_untraced
def test_code_bound_for_tier2_is_not_fused_on_the_way(monkeypatch):
    # auto mode: code tier 2 can take counts its HOT events from the start and
    # is translated without its groups being fused first (compiling them cost
    # as much as the translation, for a function fused at its 2nd event and
    # in tier 2 at its 18th); code tier 2 gives up on is fused then
    if not superinstr.ENABLED:
        pytest.skip("superinstructions are disabled (EVALFRAME_NO_SUPERINSTRUCTIONS)")
    monkeypatch.setattr(superinstr, "WARMUP", 2)
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 4)
    g = {"__name__": "__main__"}
    run_code(compile_source("def f(a):\n    b = a + 1\n    return b * 2\n"
                            "def loop(n):\n    while n:\n        n -= 1\n    return n\n"
                            "def refused(a):\n    return a - 1\n",
                            "<fuse>", "exec"), g)

    def fused(fn):
        return [h for h, _ in decode(fn.__code__).instrs
                if id(getattr(h, "__code__", None)) in superinstr.FUSED_LINES]
    for k in range(3):
        assert g["f"](k) == 2 * k + 2 and not fused(g["f"])
    assert decode(g["f"].__code__).t2 is None
    assert g["f"](3) == 8 and decode(g["f"].__code__).t2 is not None
    assert not decode(g["f"].__code__).fused
    assert g["loop"](50) == 0 and decode(g["loop"].__code__).t2 is not None
    assert not decode(g["loop"].__code__).fused
    monkeypatch.setattr(tier2, "compile_code", lambda code, d: False)
    for k in range(4):
        assert g["refused"](k) == k - 1
    d = decode(g["refused"].__code__)
    assert d.t2 is None and d.fused and fused(g["refused"])


def test_groups_are_fused_and_basic_is_not():
    code = _function_code("def f(n):\n    while n > 0:\n        n -= 1\n    return n\n", "f")
    d = decode(code)
    if not superinstr.ENABLED:
        pytest.skip("superinstructions are disabled (EVALFRAME_NO_SUPERINSTRUCTIONS)")
    fused = [fn for fn, _ in d.instrs if id(fn.__code__) in superinstr.FUSED_LINES]
    assert fused, "no group of the countdown loop was fused"
    assert not [fn for fn, _ in d.basic if id(fn.__code__) in superinstr.FUSED_LINES]
    assert len(d.instrs) == len(d.basic) == len(code.co_code) // 2


# -- exceptions in the middle of a group: the instruction's own line --------------------

FAULTS = {
    "second_line": "def f(a, b):\n    x = a + 1\n    y = b[3]\n    return x + y\nf(1, [0])\n",
    "unbound": "def f(c):\n    if c:\n        z = 1\n    w = 2\n    return w + z\nf(0)\n",
    "loop_body": "def f(xs):\n    t = 0\n    for x in xs:\n        t += x\n        t = t * 2\n"
                 "    return t\nf([1, 2, 'a'])\n",
    "multiline": "def f(d):\n    v = 1\n    return (v +\n            d['a'] +\n            d['b'])\n"
                 "f({'a': 1})\n",
    "attribute": "class P:\n    x = 1\ndef f(p):\n    a = p.x\n    b = p.y\n    return a + b\n"
                 "f(P())\n",
    "unpack": "def f(s):\n    n = 1\n    a, b = s\n    return a\nf([1, 2, 3])\n",
    "global": "def f():\n    a = 1\n    return a + missing_name\nf()\n",
    "deleted_argument": "def f(a, b):\n    b = a + 1\n    del b\n    return a + b\nf(1, 2)\n",
    "argument_as_exception_name": "def f(e):\n    try:\n        1 / 0\n    except Exception as e:\n"
                                  "        pass\n    return e\nf(1)\n",
    "cell_argument": "def f(a):\n    def g():\n        return a\n    del a\n    return g()\nf(1)\n",
}


def _vm_stderr(code, path):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        run_code(code, {"__name__": "__main__", "__file__": path})
    except BaseException as exc:
        exc.__traceback__ = exc.__traceback__.tb_next   # this test's own frame
        clean_exception(exc)
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        sys.stdout, sys.stderr = old
    return out.getvalue(), err.getvalue()


def _without_carets(text):
    return "".join(line for line in text.splitlines(True)
                   if not line.strip() or line.strip().strip("^~") != "")


@pytest.mark.parametrize("name", sorted(FAULTS))
@pytest.mark.parametrize("compiler", ["3.10", "evalframe"])
def test_fault_in_group_reports_its_line(name, compiler, tmp_path):
    src = FAULTS[name]
    path = str(tmp_path / (name + ".py"))
    with open(path, "w") as f:
        f.write(src)
    code = compile_310(src, path) if compiler == "3.10" else compile_source(src, path, "exec")
    hout, herr = _host_stderr(path)
    vout, verr = _vm_stderr(code, path)
    assert vout == hout
    assert _without_carets(verr) == _without_carets(herr)


# -- f_lineno of running frames ------------------------------------------------------------

LINENO = {
    "own": "import sys\ndef f():\n    fr = sys._getframe()\n    a = 1\n    b = fr.f_lineno\n"
           "    c = [fr.f_lineno,\n         fr.f_lineno]\n    return a, b, c\nprint(f())\n",
    "caller_from_dunder": "import sys\nclass E:\n    def __eq__(self, o):\n"
                          "        return sys._getframe(1).f_lineno\n"
                          "def f():\n    e = E()\n    x = 1\n    return (x,\n            e == 1)\n"
                          "print(f())\n",
    "caller_from_property": "import sys\nclass P:\n    @property\n    def where(self):\n"
                            "        return sys._getframe(1).f_lineno\n"
                            "def f(p):\n    a = 0\n    a += 1\n    b = p.where\n    return a, b\n"
                            "print(f(P()))\n",
    "module_level": "import sys\nfr = sys._getframe()\nx = 1\ny = 2\nprint(fr.f_lineno, x + y)\n",
}


OPERATORS = """\
def ops(a, b, s, xs):
    r = [a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a << 2, a >> 1, a & b, a | b,
         a ^ b, -a, +a, ~a, not a, a < b, a <= b, a == b, a != b, a > b, a >= b,
         a is b, a is not b, a in xs, a not in xs, xs[1], s % (a,), s * 2]
    c = a
    c += b; c -= 1; c *= 3; c //= 2; c %= 7; c **= 2; c <<= 1; c >>= 1; c &= 255; c |= 8
    c ^= 3; c /= 2
    xs[0] = c
    y, z = xs[0], xs[1]
    t = (a, b, y)
    l = [a, b, z]
    d = xs
    d[1] += 1
    return r, c, y, z, t, l, xs, a if a > b else b, a and b, a or b
print(ops(7, 3, '%d!', [1, 2, 7]))
for bad in ((1, 'x', '', []), (1, 0, '', [0, 0])):
    try:
        ops(*bad)
    except Exception as e:
        print(type(e).__name__, e)
"""


LIFETIMES = """\
class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
def make(n):
    return R(n)
def f():
    print(make(1).n)
    x = make(2)
    y = x
    x = None
    print('a')
    y = None
    print('b')
    v = [make(3)][0].n + len([make(4), make(5)])
    print(v)
    d = {}
    d['k'] = make(6)
    d['k'] = None
    print('c', make(7).n if make(8) else 0)
f()
"""


def test_values_die_when_consumed():
    # a group must not keep a consumed value alive until it returns
    assert vm_outcome(compile_source(LIFETIMES, "<snippet>", "exec")) == host_outcome(LIFETIMES)
    assert vm_outcome(compile_310(LIFETIMES)) == host_outcome(LIFETIMES)


CALLS = """\
def add(a, b):
    return a + b
def kw(a, b=2, *, c=3):
    return a * b + c
def star(*args, **kwargs):
    return len(args) + len(kwargs)
class C:
    def __init__(self, n=0):
        self.n = n
    def bump(self, by=1):
        self.n += by
        return self.n
    @staticmethod
    def twice(v):
        return v * 2
def main():
    c = C()
    bump = c.bump
    out = [add(1, 2), add(b=1, a=2), kw(1), kw(1, 3), kw(1, b=4, c=1), star(1, 2, k=3),
           c.bump(), bump(2), C.twice(3), c.twice(1), max(1, 7), C(n=5).n, len([1, 2])]
    for bad in (lambda: add(1, c=2), lambda: add(1), lambda: add(1, a=1), lambda: kw(1, 2, 3),
                lambda: c.bump(1, 2), lambda: C(m=1)):
        try:
            bad()
        except TypeError as e:
            out.append(str(e))
    return out
print(main())
"""


def test_calls_in_groups():
    assert vm_outcome(compile_source(CALLS, "<snippet>", "exec")) == host_outcome(CALLS)
    assert vm_outcome(compile_310(CALLS)) == host_outcome(CALLS)


BUILDERS = """\
class Fmt:
    def __format__(self, spec):
        return '<' + spec + '>'
    def __repr__(self):
        return 'Fmt()'
def build(a, b, xs, name):
    s = f"{a}-{b!r}:{name:>6}|{a:{b}}|{Fmt()}|{Fmt():x}|{Fmt()!r}|{name!a}"
    t = xs[a:b], xs[::b], xs[a:]
    d = {a: b, 'k': name, b: xs[0]}
    c = {'x': a, 'y': b}
    e = {a, b, a}
    it = iter(xs)
    return s, t, d, c, e, next(it), {}, set(), f"{s}"
print(build(1, 3, [5, 6, 7, 8], 'nm'))
for bad in ((1, 'q', [1], 'n'), (1, 2, 3, 'n')):
    try:
        build(*bad)
    except Exception as ex:
        print(type(ex).__name__, ex)
"""


def test_builders_in_groups():
    assert vm_outcome(compile_source(BUILDERS, "<snippet>", "exec")) == host_outcome(BUILDERS)
    assert vm_outcome(compile_310(BUILDERS)) == host_outcome(BUILDERS)


def test_operators_in_groups():
    assert vm_outcome(compile_source(OPERATORS, "<snippet>", "exec")) == host_outcome(OPERATORS)
    assert vm_outcome(compile_310(OPERATORS)) == host_outcome(OPERATORS)


# bpo-23722: a metaclass keeps the namespace and a later type() call fills the
# __class__ cell; the fused LOAD_DEREF must take the handler's slow path (which
# settles the late-filled cell), not raise the unbound error itself.
LATE_CLASS_CELL = textwrap.dedent(GEN_EXC_PROGRAMS["class_cell_delayed"])


def test_load_deref_late_class_cell_in_group():
    assert vm_outcome(compile_source(LATE_CLASS_CELL, "<snippet>", "exec")) == host_outcome(LATE_CLASS_CELL)
    assert vm_outcome(compile_310(LATE_CLASS_CELL)) == host_outcome(LATE_CLASS_CELL)


@pytest.mark.parametrize("name", sorted(LINENO))
@pytest.mark.parametrize("compiler", ["3.10", "evalframe"])
def test_running_frame_lineno(name, compiler):
    src = LINENO[name]
    code = compile_310(src) if compiler == "3.10" else compile_source(src, "<snippet>", "exec")
    assert vm_outcome(code) == host_outcome(src)


# -- sys.settrace started inside the plain loop ------------------------------------------

HANDOFF = """\
import sys
events = []
def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer
def g(x):
    y = x + 1
    return y
def main():
    sys.settrace(tracer)
    r = g(1)
    sys.settrace(None)
    return r
print(main(), events)
"""


def test_settrace_mid_run_traces_later_calls():
    from evalframe.runtime import settrace
    settrace.install()
    code = compile_source(HANDOFF, "<snippet>", "exec")
    want = host_outcome(HANDOFF)
    assert "('call', 'g'" in want[0]
    assert vm_outcome(code) == want


# -- EXTENDED_ARG under sys.settrace: one event, as 3.10 ----------------------------------

_EXT_BODY = "".join("        t += n\n" for _ in range(80))
EXT_PROGRAM = ("def f(n):\n    t = 0\n    if n:\n" + _EXT_BODY + "    return t\n")

_RECORDER = """
import sys, json
src = sys.stdin.read()
g = {"__name__": "m"}
exec(compile(src, "<ext>", "exec"), g)
events = []
def tracer(frame, event, arg):
    frame.f_trace_opcodes = True
    if frame.f_code.co_name == "f":
        events.append((event, frame.f_lineno, frame.f_lasti))
    return tracer
sys.settrace(tracer)
g["f"](0)
g["f"](1)
sys.settrace(None)
print(json.dumps(events))
"""


def test_extended_arg_traced_like_310():
    from evalframe.reference import reference_python
    from evalframe.runtime import settrace
    ref = reference_python()
    if ref is None:
        pytest.skip("CPython 3.10 is not available (evalframe.reference.reference_python())")
    code = compile_310(EXT_PROGRAM, "<ext>")
    assert 144 in code.co_consts[0].co_code[::2], "the program has no EXTENDED_ARG"
    proc = subprocess.run(list(ref) + ["-c", _RECORDER], input=EXT_PROGRAM, text=True,
                          capture_output=True, env=dict(os.environ, PYENV_VERSION="3.10.13"))
    assert proc.returncode == 0, proc.stderr
    want = [tuple(e) for e in json.loads(proc.stdout)]
    settrace.install()
    # the same recorder, run as guest code by the VM over 3.10's code object
    guest = _RECORDER.replace("src = sys.stdin.read()\n", "").replace(
        'exec(compile(src, "<ext>", "exec"), g)', "exec(CODE, g)")
    out = io.StringIO()
    old = sys.stdout
    sys.stdout = out
    try:
        run_code(compile_source(guest, "<recorder>", "exec"),
                 {"__name__": "__main__", "CODE": code})
    finally:
        sys.stdout = old
    got = [tuple(e) for e in json.loads(out.getvalue())]
    assert got == want


# -- generators resumed inline by FOR_ITER ---------------------------------------------

GENERATORS = {
    "plain": "def g(n):\n    for i in range(n):\n        yield i * i\nprint([x for x in g(5)], sum(1 for _ in g(3)))\n"
             "t = 0\nfor x in g(4):\n    t += x\nprint(t)\n",
    "return_value": "def g():\n    yield 1\n    return 'done'\nfor x in g():\n    print(x)\nprint('after')\n",
    "stopiteration_inside": "def g():\n    yield 1\n    raise StopIteration('x')\n"
                            "try:\n    for x in g():\n        print(x)\nexcept RuntimeError as e:\n"
                            "    print(type(e).__name__, e, repr(e.__cause__), e.__suppress_context__)\n",
    "exception_caught_by_consumer": "def g():\n    yield 1\n    1 / 0\n"
                                    "def use():\n    try:\n        for x in g():\n            print(x)\n"
                                    "    except ZeroDivisionError as e:\n        print('caught', e)\nuse()\n",
    "running_and_back": "import sys\ndef g():\n    me = yield\n    while True:\n"
                        "        yield (me.gi_running, sys._getframe().f_back.f_code.co_name)\n"
                        "def consumer(gen):\n    out = []\n    for x in gen:\n        out.append(x)\n"
                        "        if len(out) == 2:\n            break\n    return out\n"
                        "gen = g()\nnext(gen)\ngen.send(gen)\nprint(consumer(gen), gen.gi_running,"
                        " gen.gi_frame.f_back)\n",
    "break_then_close": "def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n"
                        "        print('closed')\nfor x in g():\n    break\nprint('after break')\n",
    "exc_info_isolation": "import sys\ndef g():\n    yield sys.exc_info()[0]\n    try:\n"
                          "        raise KeyError\n    except KeyError:\n        yield sys.exc_info()[0]\n"
                          "    yield sys.exc_info()[0]\n"
                          "try:\n    raise ValueError\nexcept ValueError:\n    for x in g():\n"
                          "        print(x, sys.exc_info()[0])\n",
    "nested_pipeline": "def src(n):\n    yield from range(n)\ndef ev(it):\n    for v in it:\n"
                       "        if v % 2 == 0:\n            yield v\ndef sq(it):\n    for v in it:\n"
                       "        yield v * v\nprint(list(sq(ev(src(10)))), sum(sq(ev(src(7)))))\n",
    "reentrant": "def g():\n    yield 1\n    yield next(me)\nme = g()\ntry:\n    for x in me:\n"
                 "        print(x)\nexcept ValueError as e:\n    print('ValueError', e)\n",
    "traceback_through": "def inner():\n    yield 1\n    {}['missing']\ndef outer():\n    for v in inner():\n"
                         "        yield v\nfor x in outer():\n    pass\n",
    "yield_from_chain": "def tree(d):\n    if d == 0:\n        yield 1\n        return 'leaf'\n    yield d\n"
                        "    r = yield from tree(d - 1)\n    yield r\n    return 'node'\n"
                        "print(list(tree(3)), sum(tree(5)))\n",
    "yield_from_send": "def inner():\n    got = []\n    while len(got) < 3:\n        got.append((yield len(got)))\n"
                       "    return got\ndef outer():\n    r = yield from inner()\n    yield ('result', r)\n"
                       "g = outer()\nprint(next(g), g.send('a'), g.send('b'), g.send('c'))\n",
    "yield_from_throw": "def inner():\n    try:\n        yield 1\n        yield 2\n    except KeyError:\n"
                        "        yield 'handled'\ndef outer():\n    yield from inner()\n    yield 'outer'\n"
                        "g = outer()\nprint(next(g), g.throw(KeyError), next(g))\n"
                        "for x in outer():\n    print(x, end=' ')\nprint()\n",
    "yield_from_errors": "def bad():\n    yield 1\n    raise StopIteration\ndef outer():\n"
                         "    try:\n        yield from bad()\n    except RuntimeError as e:\n"
                         "        yield ('caught', str(e), type(e.__cause__).__name__)\n"
                         "print(list(outer()))\ndef boom():\n    yield 1\n    1 / 0\n"
                         "def mid():\n    yield from boom()\ntry:\n    for x in mid():\n        print(x)\n"
                         "except ZeroDivisionError as e:\n    print('zde', e)\n",
    "yield_from_fresh_send": "def inner():\n    yield 1\ndef outer():\n    it = inner()\n"
                             "    yield from it\ng = outer()\nprint(next(g))\n"
                             "def outer2():\n    x = yield\n    yield from inner()\n"
                             "g = outer2()\nnext(g)\nprint(g.send(5))\n",
    "yield_from_yieldfrom_attr": "def inner():\n    yield me.gi_yieldfrom is not None\n"
                                 "    yield me.gi_running\ndef outer():\n    yield from inner()\n"
                                 "me = outer()\nprint(list(me))\n",
}


@pytest.mark.parametrize("name", sorted(GENERATORS))
@pytest.mark.parametrize("compiler", ["3.10", "evalframe"])
def test_inline_generators(name, compiler):
    src = GENERATORS[name]
    code = compile_310(src) if compiler == "3.10" else compile_source(src, "<snippet>", "exec")
    assert vm_outcome(code) == host_outcome(src)


def test_inline_generator_traceback(tmp_path):
    src = GENERATORS["traceback_through"]
    path = str(tmp_path / "gen_tb.py")
    with open(path, "w") as f:
        f.write(src)
    hout, herr = _host_stderr(path)
    vout, verr = _vm_stderr(compile_source(src, path, "exec"), path)
    assert "inner" in herr and vout == hout
    assert _without_carets(verr) == _without_carets(herr)


def test_settrace_inside_inline_generator():
    from evalframe.runtime import settrace
    settrace.install()
    src = ("import sys\nevents = []\ndef tr(frame, event, arg):\n"
           "    events.append((event, frame.f_code.co_name))\n    return tr\n"
           "def h():\n    return 1\ndef g():\n    sys.settrace(tr)\n    yield h()\n    yield h()\n"
           "out = [x for x in [0]]\nfor x in g():\n    h()\nsys.settrace(None)\n"
           "print(sorted(set(events)))\n")
    code = compile_source(src, "<snippet>", "exec")
    got = vm_outcome(code)
    assert got[1] is None, got
    assert "('call', 'h')" in got[0]
