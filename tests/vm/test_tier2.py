"""Tier 2 (interpreter/tier2.py): whole code objects as generated host functions.

In-process tests translate every eligible code object at its first call
(``tier2.HOT = 0``) and check that the code they exercise really is in tier 2
(``Decoded.t2``), then compare with tier 1 or the host.  Program-level tests
run ``evalframe run`` with EVALFRAME_TIER2=eager against the host CPython
(stdout, stderr with tracebacks, exit status).
"""

import contextlib
import io
import linecache
import os
import sys

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import tier2
from evalframe.interpreter.ceval import run_code
from evalframe.interpreter.decode import decode
from ._diff import host_outcome
from . import _programs


@pytest.fixture
def tier1(monkeypatch):
    monkeypatch.setattr(tier2, "ENABLED", False)


def _run(source):
    """Run ``source`` in the VM: (stdout, its globals)."""
    g = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_code(compile_source(source, "<t2>", "exec"), g)
    return out.getvalue(), g


def _in_tier2(fn):
    return decode(fn.__code__).t2 is not None


def _eager_program(tmp_path, source, monkeypatch, modules=None):
    monkeypatch.setenv("EVALFRAME_TIER2", "eager")
    _programs.assert_same(tmp_path, source, modules)


# -- translation and plain results -----------------------------------------------------

def test_functions_are_translated(eager):
    out, g = _run(
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
        "def loop(n):\n    s = 0\n    for i in range(n):\n        if i % 3:\n            s += i\n"
        "        else:\n            continue\n    return s\n"
        "def gen():\n    yield 1\n"
        "print(fib(15), loop(100), list(gen()))\n")
    assert out == "610 3267 [1]\n"
    assert _in_tier2(g["fib"]) and _in_tier2(g["loop"])
    assert not _in_tier2(g["gen"])          # (not a function: a host generator,
    assert decode(g["gen"].__code__).t2gen is not None     # tier2gen.py)


def test_try_except_finally_with_in_tier2(eager):
    src = (
        "class CM:\n"
        "    def __enter__(self): print('enter'); return self\n"
        "    def __exit__(self, *a): print('exit', a[0].__name__ if a[0] else None); return True\n"
        "def f(xs):\n"
        "    out = []\n"
        "    for x in xs:\n"
        "        try:\n"
        "            out.append(10 // x)\n"
        "        except ZeroDivisionError as e:\n"
        "            out.append(type(e).__name__)\n"
        "        finally:\n"
        "            out.append('f')\n"
        "    with CM():\n"
        "        out.append(1 / 0)\n"
        "    try:\n"
        "        raise KeyError('k')\n"
        "    except (TypeError, KeyError):\n"
        "        out.append(sys.exc_info()[0].__name__)\n"
        "    out.append(sys.exc_info())\n"
        "    return out\n"
        "import sys\n"
        "print(f([1, 0, 5]))\n")
    out, g = _run(src)
    assert _in_tier2(g["f"])
    assert (out, None, None) == host_outcome(src)


# -- exceptions: lines, f_lasti, tracebacks --------------------------------------------

_RAISES = (
    "import sys\n"
    "def inner(d, k):\n"
    "    x = 1\n"
    "    y = d[k]\n"
    "    return x + y\n"
    "def outer(d):\n"
    "    total = 0\n"
    "    for k in 'ab':\n"
    "        total += inner(d, k)\n"
    "    return total\n"
    "try:\n"
    "    outer({'a': 1})\n"
    "except KeyError as e:\n"
    "    tb = e.__traceback__\n"
    "    rows = []\n"
    "    while tb is not None:\n"
    "        rows.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti))\n"
    "        tb = tb.tb_next\n"
    "    print(rows)\n")


def test_exception_lines_and_lasti_match_tier1(monkeypatch):
    monkeypatch.setattr(tier2, "ENABLED", False)
    expected, _ = _run(_RAISES)
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 0)
    got, g = _run(_RAISES)
    assert _in_tier2(g["inner"]) and _in_tier2(g["outer"])
    assert got == expected
    assert "('inner', 4," in got and "('outer', 9," in got


def test_traceback_text_matches_host(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        def parse(s):
            parts = s.split(',')
            return [int(p) for p in parts]
        def total(rows):
            t = 0
            for r in rows:
                t += sum(parse(r))
            return t
        print(total(['1,2', '3']))
        print(total(['1,2', 'x']))
    """, monkeypatch)


def test_frame_lineno_of_running_tier2_frame(eager):
    out, g = _run(
        "import sys\n"
        "def here():\n"
        "    return sys._getframe(1).f_lineno\n"
        "def f():\n"
        "    a = here()\n"
        "    fr = sys._getframe()\n"
        "    b = [1,\n"
        "         here()]\n"
        "    c = fr.f_lineno\n"
        "    return a, b[1], c, fr.f_lasti > 0\n"
        "print(f())\n")
    assert _in_tier2(g["f"])
    assert out == "(5, 8, 9, True)\n"


# -- deoptimisation -----------------------------------------------------------------------

def test_settrace_mid_loop_deoptimises(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import sys
        events = []
        def tracer(frame, event, arg):
            events.append((event, frame.f_code.co_name, frame.f_lineno))
            return tracer
        def helper(i):
            return i * 2
        def main():
            out = []
            for i in range(5):
                if i == 2:
                    sys.settrace(tracer)
                out.append([i, helper(i), i + 1])
            sys.settrace(None)
            return out
        print(main())
        print(events)
    """, monkeypatch)


def test_settrace_keeps_the_value_stack(tmp_path, monkeypatch):
    # the tracer attaches in the middle of building a list and a call's
    # arguments: tier 1 continues with the values already on the stack
    _eager_program(tmp_path, """
        import sys
        seen = []
        def tracer(frame, event, arg):
            seen.append(event)
            return None
        def attach():
            sys.settrace(tracer)
            return 3
        def add(*xs):
            return sum(xs)
        def main():
            return [1, 2, attach(), add(4, 5, attach(), 6), 7]
        print(main())
        sys.settrace(None)
        print(seen)
    """, monkeypatch)


def test_caller_frame_traced_after_deopt(tmp_path, monkeypatch):
    # pdb's way: f_trace set on the running caller, then settrace
    _eager_program(tmp_path, """
        import sys
        lines = []
        def tracer(frame, event, arg):
            if event == 'line':
                lines.append((frame.f_code.co_name, frame.f_lineno))
            return tracer
        def start():
            sys._getframe(1).f_trace = tracer
            sys.settrace(tracer)
        def main():
            x = 1
            start()
            x += 1
            y = x * 2
            return y
        print(main())
        sys.settrace(None)
        print(lines)
    """, monkeypatch)


def test_rebinding_globals_and_builtins(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import builtins
        def scale(x):
            return x * 2
        def main():
            out = []
            for i in range(6):
                out.append((scale(i), len('abc')))
                if i == 2:
                    globals()['scale'] = lambda x: -x
                if i == 3:
                    builtins.len = lambda s: 99
                if i == 4:
                    del builtins.len
                    len = None
            return out
        try:
            print(main())
        except Exception as e:
            print(type(e).__name__, e)
    """, monkeypatch)


def test_type_changed_under_running_code(eager):
    out, g = _run(
        "class A:\n    def v(self): return 1\n"
        "def main(a):\n    r = []\n    for i in range(4):\n        r.append(a.v())\n"
        "        if i == 1:\n            A.v = lambda self: 2\n    return r\n"
        "print(main(A()))\n")
    assert _in_tier2(g["main"])
    assert out == "[1, 1, 2, 2]\n"


# -- recursion ------------------------------------------------------------------------------

def test_recursion_error_in_tier2(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import sys
        def down(n):
            return down(n + 1) + 1
        try:
            down(0)
        except RecursionError as e:
            print('RecursionError', e)
        def deep(n):
            return 0 if n == 0 else 1 + deep(n - 1)
        sys.setrecursionlimit(30000)
        print(deep(20000))
    """, monkeypatch)


# -- frames observed ---------------------------------------------------------------------------

def test_frame_materialised_when_observed(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        import sys, inspect
        def peek():
            caller = sys._getframe(1)
            return sorted(caller.f_locals.items()), caller.f_code.co_name, caller.f_lineno
        def f(a, b=2):
            c = a + b
            first = peek()
            d = [c, locals().copy()]
            second = inspect.currentframe().f_locals['c']
            return first, d, second, inspect.stack()[0].function
        print(f(1))
    """, monkeypatch)


# -- debugging the generated code ----------------------------------------------------------------

def test_generated_code_in_linecache(eager):
    _, g = _run("def f(a):\n    b = a + 1\n    return b * 2\nf(1)\n")
    fn = tier2.frame_based(g["f"].__code__)
    filename = fn.__code__.co_filename
    lines = linecache.getlines(filename)
    assert lines and lines[0].startswith("def make(")
    body = [ln for ln in lines if "# " in ln]
    assert any("BINARY_ADD" in ln for ln in body)
    assert any("RETURN_VALUE" in ln for ln in body)
    # every host line the guest's instructions run on names its instruction
    table = tier2.T2_LINES[id(fn.__code__)]
    for lineno, index in enumerate(table):
        if index >= 0 and lineno > 0 and "if blk <=" not in lines[lineno - 1]:
            text = lines[lineno - 1]
            if "# " in text:
                assert text.split("# ")[-1].startswith("%d " % (2 * index))


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
def test_frame_based_function_made_only_when_needed(eager, monkeypatch):
    # code whose frames all run its lean function never pays for its
    # frame-based translation (tier2._deferred); code with handlers (no lean
    # form) gets it at its first frame
    installed = []
    real = tier2.install

    def counting(code, *args):
        installed.append(code.co_name)
        return real(code, *args)
    monkeypatch.setattr(tier2, "install", counting)
    out, g = _run("def f(a):\n    b = a + 1\n    return b * 2\n"
                  "def loop(n):\n    t = 0\n    for i in range(n):\n        t += f(i)\n    return t\n"
                  "def h(a):\n    try:\n        return 10 // a\n    except ZeroDivisionError:\n"
                  "        return -1\n"
                  "print(loop(5), h(0), h(5))\n")
    assert out == "30 -1 2\n"
    assert _in_tier2(g["f"]) and _in_tier2(g["loop"]) and _in_tier2(g["h"])
    assert "f" not in installed and "loop" not in installed
    assert installed.count("h") == 1


_FAILING = """
import sys
def h(a):
    try:
        return 10 // a
    except ZeroDivisionError:
        return -1

def deep(a):
    try:
        return 10 // (a - 3)
    finally:
        pass

def loop(n):
    t = 0
    for i in range(n):
        t += h(i) + h(i - 2)
    return t

print(loop(6), h(0))
try:
    for i in range(6):
        deep(i)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
"""


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: no fallback runs)
def test_frame_based_translation_failing_runs_in_tier1(eager, monkeypatch):
    # a frame-based translation that fails when its first frame needs it (a
    # host compiler limit) leaves that code to the plain loop (tier2.in_tier1)
    real = tier2.translate

    def refusing(code, d, cls=None, *args, **kwargs):
        if cls is None and code.co_name in ("h", "deep"):
            raise AssertionError("refused")
        return real(code, d, cls, *args, **kwargs)
    monkeypatch.setattr(tier2, "translate", refusing)
    out, g = _run(_FAILING)
    host = io.StringIO()
    with contextlib.redirect_stdout(host):
        exec(compile(_FAILING, "<t2>", "exec"), {"__name__": "__main__"})
    assert out == host.getvalue()
    assert tier2.frame_based(g["h"].__code__) is tier2.in_tier1
    assert tier2.frame_based(g["deep"].__code__) is tier2.in_tier1
    assert tier2.frame_based(g["loop"].__code__) is not tier2.in_tier1


def test_dump_directory(tmp_path):
    import subprocess
    prog = tmp_path / "p.py"
    prog.write_text("def f(x):\n    return x + 1\nprint(f(1))\n")
    env = dict(os.environ, EVALFRAME_TIER2="eager", EVALFRAME_TIER2_DUMP=str(tmp_path / "dump"),
               PYTHONPATH=_programs.ROOT)
    # (untraced in every mode: a tracer runs every frame in tier 1, and tier 2
    # translates a function when it first runs there)
    env.pop("EVALFRAME_SETTRACE_NOOP", None)
    proc = subprocess.run([sys.executable, "-m", "evalframe", "run", str(prog)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout == "2\n", proc.stderr
    dumped = list((tmp_path / "dump").iterdir())
    assert any("-f-1" in p.name for p in dumped)
    text = [p for p in dumped if "-f-1" in p.name][0].read_text()
    assert "BINARY_ADD" in text and "def t2(" in text


def test_cache_is_bounded(monkeypatch, eager):
    monkeypatch.setattr(tier2, "MAX_CODES", tier2._count)
    _, g = _run("def f(x):\n    return x + 1\nf(1)\n")
    assert not _in_tier2(g["f"])          # past the bound: stays in tier 1


def test_generator_loop_hands_over_to_tier1(tmp_path, monkeypatch):
    # a tier-2 FOR_ITER meeting a guest generator continues in tier 1 (which
    # resumes generators inline), with the iterator and the rest of the
    # stack as they were; the generator's exception gets the right traceback
    _eager_program(tmp_path, """
        def gen(n):
            for i in range(n):
                if i == 3:
                    raise ValueError('three')
                yield i * i
        def consume(n):
            total = [0, []]
            try:
                for v in gen(n):
                    total[1].append(v)
                    total[0] += v
            except ValueError as e:
                total.append(str(e))
            return total
        print(consume(3), consume(10))
        def bad():
            return sum(v for v in gen(5))
        bad()
    """, monkeypatch)


def test_bound_methods_and_defaults_call_tier2_directly(eager):
    out, g = _run(
        "class C:\n    def m(self, a, b=10, c=20):\n        return a + b + c\n"
        "def main():\n    c = C()\n    bound = c.m\n"
        "    return [bound(1), bound(1, 2), c.m(1, 2, 3), C.m(c, 5)]\n"
        "print(main())\n")
    assert _in_tier2(g["main"]) and _in_tier2(g["C"].m)
    assert out == "[31, 23, 6, 35]\n"


def test_host_called_tier2_function_under_a_tracer(tmp_path, monkeypatch):
    # host code (sorted's key, a with statement's __enter__) calling a
    # function whose code is in tier 2 while a tracer is attached: the traced
    # loop runs it and its line events carry its own lines
    _eager_program(tmp_path, """
        import sys
        out = []
        def key(v):
            a = v
            return -a
        class CM:
            def __enter__(self):
                x = 1
                return x
            def __exit__(self, *a):
                pass
        def tr(frame, event, arg):
            if frame.f_code.co_name in ('key', '__enter__'):
                out.append((frame.f_code.co_name, event, frame.f_lineno))
            return tr
        for i in range(3):
            sorted([1, 2], key=key)
            with CM():
                pass
        sys.settrace(tr)
        sorted([1], key=key)
        with CM():
            pass
        sys.settrace(None)
        print(out)
    """, monkeypatch)


@pytest.mark.evalframe_untraced     # (tier 2 plumbing: a tracer hands every frame to tier 1)
def test_code_tier2_refuses_keeps_no_loop_counters(monkeypatch):
    # translation refused (here: past the cache bound) after the loop headers
    # started counting: they are put back, tier 1 runs at its own speed
    from evalframe.interpreter import superinstr
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 4)
    monkeypatch.setattr(superinstr, "WARMUP", 0)
    monkeypatch.setattr(tier2, "MAX_CODES", tier2._count)
    out, g = _run("def f(n):\n    t = 0\n    while n:\n        n -= 1\n        t += n\n"
                  "    return t\nprint(f(50))\n")
    assert out == "1225\n" and not _in_tier2(g["f"])
    d = decode(g["f"].__code__)
    assert not [fn for fn, _ in d.instrs if getattr(fn, "__code__", None) is superinstr.HEADER_CODE]


def test_loop_header_with_several_back_edges_reports_its_instruction(monkeypatch):
    # a comprehension's FOR_ITER is the target of two backward jumps (the
    # loop's end and its `if`): counted once, so the fused group's error is
    # placed at its own instruction (COMPARE_OP), as without tier 2
    from evalframe.interpreter import superinstr
    src = ("rows = [[1, 2], [3, None]]\n"
           "try:\n"
           "    s = {x * 2 for row in rows for x in row if x > 1}\n"
           "except TypeError as e:\n"
           "    import traceback\n"
           "    last = traceback.extract_tb(e.__traceback__)[-1]\n"
           "    print(last.name, getattr(last, 'colno', None), getattr(last, 'end_colno', None))\n")
    monkeypatch.setattr(superinstr, "WARMUP", 2)
    monkeypatch.setattr(tier2, "ENABLED", False)
    expected, _ = _run(src)
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 16)
    got, _ = _run(src)
    assert got == expected and expected.startswith("<setcomp> ")
