"""Generators in tier 2 (interpreter/tier2gen.py): host generators running
guest generator frames, and their deoptimisation to tier 1.

In-process tests translate every eligible code object at its first call and
check that the generators really run as host generators (``_hg``), then
compare with tier 1; program-level tests run ``evalframe run`` with
EVALFRAME_TIER2=eager against the host CPython, with a tracer attaching
between two resumptions of a tier-2 generator and in the middle of one.
"""

import pytest

from evalframe.interpreter import tier2, tier2gen
from evalframe.interpreter.decode import decode
# (the eager fixture, the in-process run, the program-level comparison)
from .test_tier2 import _run, _eager_program


_SUSPENDED = (
    "def leaf():\n    yield 1\n    yield 2\n"
    "def mid():\n    x = 5\n    yield from leaf()\n    yield x\n"
    "m = mid()\nnext(m)\n"
    "inner = m.gi_yieldfrom\n"
    "print(m.gi_frame.f_lasti, m.gi_frame.f_lineno, inner.gi_frame.f_lasti,\n"
    "      inner.gi_frame.f_lineno, m.gi_frame.f_locals, m.gi_running,\n"
    "      m.gi_frame.f_back, inner.gi_frame.f_back)\n"
    "print(list(m), m.gi_frame, m.gi_yieldfrom)\n"
)


def test_generators_run_as_host_generators(eager):
    out, g = _run(_SUSPENDED)
    assert decode(g["leaf"].__code__).t2gen is not None
    assert decode(g["mid"].__code__).t2gen is not None
    assert decode(g["leaf"].__code__).t2 is None     # (never called as a function)
    assert g["m"]._hg is None                         # (finished)
    assert out == "12 6 4 2 {'x': 5} False None None\n[2, 5] None None\n"


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_suspended_generator_state_matches_tier1(eager, monkeypatch):
    out2, g = _run(_SUSPENDED + "k = mid()\nnext(k)\n")
    assert g["k"]._hg is not None and g["k"]._yf is g["k"].gi_yieldfrom
    g["k"].close()      # (not left to a collection during a later in-process test)
    monkeypatch.setattr(tier2, "ENABLED", False)
    out1, _ = _run(_SUSPENDED)
    assert out1 == out2


def test_throw_hands_the_chain_to_tier1(eager):
    out, g = _run(
        "def leaf():\n    try:\n        yield 1\n    except KeyError:\n        yield 'caught'\n"
        "def mid():\n    yield from leaf()\n"
        "m = mid()\nnext(m)\ninner = m.gi_yieldfrom\n"
        "print(m.throw(KeyError))\n")
    assert out == "caught\n"
    assert g["m"]._hg is None and g["inner"]._hg is None     # (both deoptimised)
    assert g["m"].gi_yieldfrom is g["inner"]
    g["m"].close()


def test_settrace_between_resumptions(tmp_path, monkeypatch):
    # the tracer attaches while the tier-2 generators are suspended: the
    # next resumption continues in tier 1, traced, at the exact instruction
    # with the exact value stack (a for loop's iterator, a pending list)
    _eager_program(tmp_path, """
        import sys
        events = []
        def tracer(frame, event, arg):
            if frame.f_code.co_name in ('leaf', 'mid'):
                events.append((event, frame.f_code.co_name, frame.f_lineno))
            return tracer
        def leaf(n):
            for i in range(n):
                got = yield [i, i * 2]
                if got:
                    print('leaf got', got)
        def mid():
            total = [0]
            r = yield from leaf(4)
            yield ['mid', r, total]
        m = mid()
        print(next(m), next(m))
        sys.settrace(tracer)
        print(m.send('hello'), list(m))
        sys.settrace(None)
        print(events)
    """, monkeypatch)


def test_settrace_inside_a_generator_body(tmp_path, monkeypatch):
    # pdb's way, inside the innermost generator of a chain: f_trace set on
    # the generator's frames, then settrace; the rest of the body is traced
    _eager_program(tmp_path, """
        import sys
        lines = []
        def tracer(frame, event, arg):
            if event == 'line':
                lines.append((frame.f_code.co_name, frame.f_lineno))
            return tracer
        def start():
            # (the guest functions' frames: a module body running in the
            # plain loop is handed over at its next guest call only)
            f = sys._getframe(1)
            while f.f_code.co_name != '<module>':
                f.f_trace = tracer
                f = f.f_back
            sys.settrace(tracer)
        def leaf():
            yield 1
            start()
            x = 2
            yield x
            yield x + 1
        def mid():
            yield from leaf()
            yield 'mid'
        def main():
            r = list(mid())
            r.append('main')
            return r
        print(main())
        sys.settrace(None)
        print(lines)
    """, monkeypatch)


def test_generator_exception_traceback_matches_host(tmp_path, monkeypatch):
    _eager_program(tmp_path, """
        def leaf(n):
            yield n
            raise ValueError(n)
        def mid(n):
            yield from leaf(n)
        def top():
            for v in mid(3):
                yield v
        print(sum(top()))
    """, monkeypatch)


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_generator_made_before_its_code_was_hot_continues_in_tier2(monkeypatch):
    # auto mode: the code becomes hot (its loop header counted) while a
    # generator made before runs in tier 1; at its next resumption, suspended
    # at a yield, it continues as a host generator with tier 1's value stack
    # (the for loop's iterator) and locals (tier2gen.osr)
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 4)
    src = ("def counter(n):\n    total = 0\n    for i in range(n):\n        total += i\n"
           "        got = yield total\n        if got:\n            total = got\n"
           "g = counter(100)\nfirst = [next(g) for _ in range(30)]\nlate = g.send(1000)\n")
    host = {}
    exec(src + "suspended = dict(g.gi_frame.f_locals)\nrest = sum(g)\n", host)
    out, g = _run(src)
    assert decode(g["counter"].__code__).t2gen is not None
    gen = g["g"]
    assert gen._hg is not None                  # (continued in tier 2)
    assert (g["first"], g["late"]) == (host["first"], host["late"])
    assert gen.gi_frame.f_locals == host["suspended"]
    assert sum(gen) == host["rest"]


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_generator_suspended_in_yield_from_continues_in_tier2(monkeypatch):
    # a generator made while its code was cold, suspended in a YIELD_FROM of
    # a generator in tier 2, continues as a host generator delegating by a
    # host ``yield from`` once its code is hot (osr at the YIELD_FROM)
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 4)
    src = ("def inner(k):\n    for i in range(k):\n        yield i\n    return 'ret'\n"
           "def outer(it):\n    r = yield from it\n    yield r\n"
           "for _ in range(6):\n    list(inner(3))\n"
           "it = inner(50)\no = outer(it)\nfirst = [next(o), next(o)]\n"
           "for _ in range(6):\n    list(outer(iter([1])))\n"
           "third = next(o)\n")
    host = {}
    exec(src + "rest = list(o)\n", host)
    out, g = _run(src)
    o = g["o"]
    assert decode(g["outer"].__code__).t2gen is not None
    assert o._hg is not None and o._yf is g["it"]     # (delegating in tier 2)
    assert (g["first"], g["third"]) == (host["first"], host["third"])
    assert o.gi_yieldfrom is g["it"] and o.gi_frame.f_lineno == 6
    assert list(o) == host["rest"]


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_tier2_calls_make_generators_directly(eager, monkeypatch):
    # a tier-2 call of a plain generator function of the fast shape makes the
    # generator itself (tier2gen.new_generator), its host generator attached;
    # code without handlers leaves its exc_info item unlinked (GenBase._xl)
    made = []
    real = tier2.new_generator

    def counting(tstate, func, args):
        gen = real(tstate, func, args)
        made.append((func._name, gen is not None))
        return gen
    monkeypatch.setattr(tier2, "new_generator", counting)
    out, g = _run(
        "def plain(n):\n    for i in range(n):\n        yield i\n"
        "def handles(n):\n    try:\n        yield n\n    except KeyError:\n        pass\n"
        "def use():\n    a = plain(3)\n    b = handles(4)\n    return a, b, sum(plain(4))\n"
        "use()\na, b, s = use()\nprint(next(a), next(b), s)\n")
    assert out == "0 4 6\n"
    # (the first call decodes, and translates, the code: the general path;
    # the first generator made then gives the function its call entry, which
    # makes the later ones: the second use() makes none through call_any)
    assert [m for m in made if m[1]] == [("plain", True), ("handles", True)]
    for name in ("plain", "handles"):
        entry = g[name]._lean1
        assert entry is not None and entry.__code__.co_filename.endswith("<tier2 gen entry>")
    a, b = g["a"], g["b"]
    assert a._hg is not None and a._xl is False
    assert b._hg is not None and b._xl is True
    # (no exc_info item is made for code without handlers: tier 1 makes it
    # when it resumes such a generator)
    assert a._exc_state is None and b._exc_state.previous_item is None
    a.close()
    b.close()


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_generator_without_item_resumed_by_tier1(eager):
    # a generator tier 2 made without an exc_info item (code without
    # handlers), handed to tier 1 (throw(): deopt) and resumed there gets
    # one; sys.exc_info() inside it sees the handler around the resumer's
    out, g = _run(
        "import sys\n"
        "def plain(n):\n    for i in range(n):\n        yield sys.exc_info()[0]\n"
        "def use():\n    return plain(5)\n"
        "use()\na = use()\nprint(next(a))\n"
        "try:\n    raise KeyError\nexcept KeyError:\n    print(next(a).__name__)\n"
        "try:\n    a.throw(ValueError)\nexcept ValueError:\n    print('thrown', a.gi_frame)\n")
    assert out == "None\nKeyError\nthrown None\n"
    assert g["a"]._exc_state is not None and g["a"]._hg is None


def _slot_state(obj):
    """{slot: (set?, type name, value if a plain scalar)} over obj's class's
    __slots__ (the Frame and Generator slots the VM fills)."""
    state = {}
    for klass in type(obj).__mro__:
        for name in getattr(klass, "__slots__", ()):
            if name in ("__weakref__", "__dict__"):
                continue
            try:
                value = getattr(obj, name)
            except AttributeError:
                state[name] = None
                continue
            plain = value if type(value) in (bool, int, str, type(None)) else None
            state[name] = (type(value).__name__, plain)
    return state


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_generator_entry_sets_what_new_generator_sets(eager):
    # tier2gen.gen_entry writes out new_generator's and specialize.new_frame's
    # stores for speed: a generator (and its frame) made by the entry must
    # have every slot new_generator sets, with the same kinds of values
    from evalframe.interpreter import tier2gen
    from evalframe.interpreter.pystate import get_tstate
    out, g = _run(
        "def plain(n):\n    for i in range(n):\n        yield i\n"
        "def use(n):\n    return plain(n)\n"
        "x = use(2)\na = use(3)\nb = use(4)\nprint(next(a), next(b))\n")
    assert out == "0 0\n"
    entry = g["plain"]._lean1
    assert entry is not None and entry.__code__.co_filename.endswith("<tier2 gen entry>")
    made = tier2gen.new_generator(get_tstate(), g["plain"], [4])
    b = g["b"]
    assert made is not None and made._hg is not None and b._hg is not None
    next(made)
    assert _slot_state(made) == _slot_state(b)
    assert _slot_state(made.gi_frame) == _slot_state(b.gi_frame)
    for gen in (made, b, g["a"], g["x"]):
        gen.close()


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_loop_entering_tier2_keeps_a_cold_generator(monkeypatch):
    # a function called once enters tier 2 at its loop header while the
    # generator it loops over was made when its code was cold: the lean
    # FOR_ITER resumes it through next() (osr brings it to tier 2), the
    # function's frame is not handed to the plain loop for the rest of the loop
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 4)
    tier2._namespace()
    plain_runs = []
    real = tier2._eval_plain

    def recording(tstate, f, throwexc):
        plain_runs.append(f.f_code.co_name)
        return real(tstate, f, throwexc)
    monkeypatch.setattr(tier2, "_eval_plain", recording)
    out, g = _run(
        "def cold(n):\n    for i in range(n):\n        yield i\n"
        "def consume(n):\n    t = 0\n    for v in cold(n):\n        t += v\n    return t\n"
        "print(consume(500))\n")
    assert out == "124750\n"
    assert "consume" not in plain_runs
    assert decode(g["consume"].__code__).t2 is not None
    assert decode(g["cold"].__code__).t2gen is not None


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_frame_based_loop_resumes_generators_inline(eager, tmp_path, monkeypatch):
    # a FOR_ITER of a frame-based function (it has a handler) over a tier-2
    # generator resumes it inline (tier2gen.emit_inline_step, no host call
    # of gen_next per item); what the generator sees of itself and its
    # resumer, its return, an exception it raises and one its resumer's
    # handler takes are tier 1's
    source = (
        "import sys\n"
        "def gen(n):\n"
        "    for i in range(n):\n"
        "        fr = sys._getframe()\n"
        "        yield i, fr.f_back.f_code.co_name, me[0].gi_running, fr.f_back is outer[0]\n"
        "    if n == 3:\n"
        "        raise KeyError(n)\n"
        "    return n\n"
        "me = [None]\nouter = [None]\n"
        "def loop(n):\n"
        "    out = []\n"
        "    outer[0] = sys._getframe()\n"
        "    try:\n"
        "        me[0] = g = gen(n)\n"
        "        for v in g:\n"
        "            out.append(v)\n"
        "    except KeyError as e:\n"
        "        out.append(('caught', e.args, e.__traceback__.tb_next.tb_frame.f_code.co_name))\n"
        "    out.append((me[0].gi_running, me[0].gi_frame))\n"
        "    return out\n"
        "print(loop(2))\nprint(loop(3))\n")
    out, g = _run(source)
    assert out == (
        "[(0, 'loop', True, True), (1, 'loop', True, True), (False, None)]\n"
        "[(0, 'loop', True, True), (1, 'loop', True, True), (2, 'loop', True, True), "
        "('caught', (3,), 'gen'), (False, None)]\n")
    t2 = decode(g["loop"].__code__).t2
    assert t2 is not None and "gn_" in t2.__code__.co_varnames
    _eager_program(tmp_path, source, monkeypatch)


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_builtins_resume_generators_without_gen_next(eager, tmp_path, monkeypatch):
    # next() of a generator by a builtin (sum(), next()) whose resumer is the
    # VM's code: gen_iternext resumes a single level, and the top of a
    # lazily suspended chain, itself (no call of gen_next per item); what
    # the levels see of themselves, the chain's state between items, the
    # value returned and an exception raised are tier 1's
    from evalframe.interpreter import tier2gen
    calls = []
    real = tier2gen.gen_next

    def counting(*args):
        calls.append(args[2].gi_code.co_name if args[2].gi_frame else None)
        return real(*args)
    monkeypatch.setattr(tier2gen, "gen_next", counting)
    source = (
        "import sys, inspect\n"
        "def leaf(n):\n"
        "    fr = sys._getframe()\n"
        "    yield (fr.f_back.f_code.co_name, fr.f_back.f_back.f_code.co_name, top[0].gi_running)\n"
        "    if n:\n"
        "        raise KeyError(n)\n"
        "    return 7\n"
        "def mid(n):\n"
        "    r = yield from leaf(n)\n"
        "    yield r\n"
        "top = [None]\n"
        "def plain(n):\n"
        "    for i in range(n):\n"
        "        yield i, sys._getframe().f_back.f_code.co_name\n"
        "def use():\n"
        "    top[0] = p = plain(3)\n"
        "    print(next(p), sum(1 for _ in p))\n"
        "    top[0] = m = mid(0)\n"
        "    print(next(m), inspect.getgeneratorstate(m), m.gi_yieldfrom.gi_running,\n"
        "          m.gi_yieldfrom.gi_frame.f_back)\n"
        "    print(next(m), next(m, 'end'), m.gi_frame)\n"
        "    top[0] = m = mid(1)\n"
        "    next(m)\n"
        "    try:\n"
        "        next(m)\n"
        "    except KeyError as e:\n"
        "        tb = e.__traceback__\n"
        "        names = []\n"
        "        while tb is not None:\n"
        "            names.append(tb.tb_frame.f_code.co_name)\n"
        "            tb = tb.tb_next\n"
        "        print('caught', e.args, names, m.gi_frame)\n"
        "use()\nuse()\n")
    out, g = _run(source)
    once = ("(0, 'use') 2\n"
            "('mid', 'use', True) GEN_SUSPENDED False None\n"
            "7 end None\n"
            "caught (1,) ['use', 'mid', 'leaf'] None\n")
    assert out == once * 2
    # (only the chain its observers settled, level by level, takes gen_next:
    # once per use())
    assert calls == ["mid", "mid"]
    _eager_program(tmp_path, source, monkeypatch)


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_tier2_send_resumes_generators_without_gen_next(eager, tmp_path, monkeypatch):
    # ``gen.send(v)`` of tier-2 code resumes a generator delegating to
    # nothing itself (tier2gen.method_send, no call of gen_next per send);
    # what the generator sees, its return and its errors are tier 1's
    from evalframe.interpreter import tier2gen
    calls = []
    real = tier2gen.gen_next

    def counting(*args):
        calls.append(args[2].gi_code.co_name)
        return real(*args)
    monkeypatch.setattr(tier2gen, "gen_next", counting)
    source = (
        "import sys\n"
        "def acc():\n"
        "    total = 0\n"
        "    while True:\n"
        "        v = yield total, sys._getframe().f_back.f_code.co_name, me[0].gi_running\n"
        "        if v is None:\n"
        "            return total\n"
        "        if v < 0:\n"
        "            raise ValueError(v)\n"
        "        total += v\n"
        "me = [None]\n"
        "def use(vals):\n"
        "    me[0] = a = acc()\n"
        "    out = [next(a)]\n"
        "    for v in vals:\n"
        "        out.append(a.send(v))\n"
        "    try:\n"
        "        a.send(None)\n"
        "    except StopIteration as e:\n"
        "        out.append(('returned', e.value, a.gi_frame))\n"
        "    try:\n"
        "        a.send(1)\n"
        "    except StopIteration as e:\n"
        "        out.append(('again', e.value))\n"
        "    b = acc()\n"
        "    try:\n"
        "        b.send(5)\n"
        "    except TypeError as e:\n"
        "        out.append(str(e))\n"
        "    me[0] = b\n"
        "    next(b)\n"
        "    try:\n"
        "        b.send(-1)\n"
        "    except ValueError as e:\n"
        "        out.append(('raised', e.args, b.gi_frame))\n"
        "    return out\n"
        "print(use([1, 2]))\nprint(use([3]))\n")
    out, g = _run(source)
    assert out == (
        "[(0, 'use', True), (1, 'use', True), (3, 'use', True), ('returned', 3, None), "
        "('again', None), \"can't send non-None value to a just-started generator\", "
        "('raised', (-1,), None)]\n"
        "[(0, 'use', True), (3, 'use', True), ('returned', 3, None), ('again', None), "
        "\"can't send non-None value to a just-started generator\", ('raised', (-1,), None)]\n")
    # (only the value sent before the start goes through gen_next: _step
    # hands it to tier 1 for the TypeError)
    assert calls == ["acc", "acc"]
    _eager_program(tmp_path, source, monkeypatch)


# -- structured generator bodies (tier2gen._Structured: host if/while, t2struct) ---------

_LOOPS = (
    "def walk(n):\n"
    "    total = 0\n"
    "    for i in range(n):\n"
    "        if i % 3 == 0:\n"
    "            continue\n"
    "        total += i\n"
    "        got = yield total\n"
    "        if got:\n"
    "            total = got\n"
    "    yield 'end'\n"
    "def guarded(n):\n"
    "    for i in range(n):\n"
    "        try:\n"
    "            yield 10 // i\n"
    "        except ZeroDivisionError:\n"
    "            yield 'zero'\n"
)


def _t2gen(g, name):
    return decode(g[name].__code__).t2gen


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_generator_loops_are_structured(eager, monkeypatch):
    # a handler-free generator with host locals: host if/while (no ``if blk
    # <=`` chain at each jump); one with a handler keeps the dispatch shape
    # (a guest attribute named as the dispatch shape's ``blk`` is no jump)
    src = _LOOPS + (
        "class O:\n    blk = 1\n"
        "def attrs(objs):\n    for o in objs:\n        o.blk = o.blk + 1\n        yield o.blk\n"
        "w = walk(9)\nprint(next(w), w.send(100), list(w), list(guarded(3)))\n"
        "print(list(attrs([O(), O()])))\n")
    out, g = _run(src)
    assert out == "1 102 [106, 111, 118, 126, 'end'] ['zero', 10, 5]\n[2, 2]\n"
    assert _t2gen(g, "walk").structured and _t2gen(g, "attrs").structured
    assert not _t2gen(g, "guarded").structured
    monkeypatch.setattr(tier2gen, "STRUCTURED", [False])
    out2, g2 = _run(src)
    assert out2 == out and not _t2gen(g2, "walk").structured


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_structured_generator_suspended_in_tier1_enters_where_it_is(eager, monkeypatch):
    # a generator tier 1 suspended in the middle of a loop (a tracer took it
    # at a resumption) continues in tier 2 when resumed untraced: in a
    # structured function written from the instruction after its yield (osr),
    # locals and value stack (the loop's iterator, the value sent) from tier 1
    src = (_LOOPS + "import sys\n"
           "w = walk(12)\nfirst = [next(w), next(w)]\n"
           "sys.settrace(lambda *a: None)\nfirst.append(next(w))\nsys.settrace(None)\n"
           "late = w.send(1000)\n")
    out, g = _run(src)
    w = g["w"]
    fn = _t2gen(g, "walk")
    assert fn.structured and w._hg is not None
    start = w.gi_frame.f_lasti // 2 + 1     # (the instruction after its yield)
    entry = fn.entries[start]
    assert entry.structured and w._hg.gi_code is entry.__code__
    assert w.gi_frame.f_locals == {"n": 12, "total": 1005, "i": 5, "got": 1000}
    assert (g["first"], g["late"], list(w)) == ([1, 3, 7], 1005, [1012, 1020, 1030, 1041, 'end'])


def test_structured_generator_exits(eager, tmp_path, monkeypatch):
    # the dispatch shape's ``blk = -1/-2; break`` exits, from inside host
    # loops of a structured body (tier2gen._GenExit): a tracer attaching
    # during a call in the loop, ``yield from`` an iterator that is not a
    # generator; a traceback from inside the loop; a bare ``raise``
    src = """
        import sys, traceback
        events = []
        def tracer(frame, event, arg):
            if frame.f_code.co_name == 'walk':
                events.append((event, frame.f_lineno))
            return tracer
        def attach():
            sys._getframe(1).f_trace = tracer
            sys.settrace(tracer)
        def walk(n):
            total = 0
            for i in range(n):
                if i == 3:
                    attach()
                total += i
                yield total
            yield 'end'
        print(list(walk(6)))
        sys.settrace(None)
        print(events)
        class It:
            def __init__(self):
                self.n = 0
            def __iter__(self):
                return self
            def __next__(self):
                self.n += 1
                if self.n > 2:
                    raise StopIteration(self.n)
                return self.n
        def deleg(k):
            out = []
            for i in range(k):
                r = yield from It()
                out.append(r)
                r = yield from [i, i]
                yield out
        print(list(deleg(3)))
        def boom(n):
            for i in range(n):
                if i == 2:
                    x = 1 // (i - 2)
                yield i
        try:
            list(boom(5))
        except ZeroDivisionError:
            print([(t.name, t.lineno) for t in traceback.extract_tb(sys.exc_info()[2])])
        def rr(n):
            for i in range(n):
                yield i
                if i == 1:
                    raise
        try:
            list(rr(3))
        except RuntimeError as e:
            print('rr', e)
    """
    _eager_program(tmp_path, src, monkeypatch)
    import textwrap
    out, g = _run(textwrap.dedent(src).replace("sys.settrace(tracer)", "pass"))
    for name in ("walk", "deleg", "boom", "rr"):
        assert _t2gen(g, name).structured, name
@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def _names(fn):
    # (the global names of the host function ``fn`` and the functions it makes)
    names = list(fn.__code__.co_names)
    for c in fn.__code__.co_consts:
        if hasattr(c, "co_names"):
            names += c.co_names
    return names


def test_send_site_tests_the_generator_first(eager, tmp_path, monkeypatch):
    # a CALL_METHOD of one argument whose LOAD_METHOD read ``.send`` tests
    # for a generator's bound send first and hands it to
    # tier2gen.method_send, which takes call_any itself for what the site's
    # old tests sent there: a generator tier 2 does not run (made while a
    # tracer was attached), a send inside a guest except clause (the
    # generator sees the handled exception); a guest method named ``send``
    # still takes its own path, a receiver without one raises
    source = (
        "import sys\n"
        "def acc():\n"
        "    total = 0\n"
        "    while True:\n"
        "        v = yield total, sys.exc_info()[1]\n"
        "        total += v\n"
        "def tier1_acc():\n"
        "    sys.settrace(lambda *a: None)\n"
        "    try:\n"
        "        return acc()\n"
        "    finally:\n"
        "        sys.settrace(None)\n"
        "class Box:\n"
        "    def __init__(self): self.got = []\n"
        "    def send(self, v):\n"
        "        self.got.append(v)\n"
        "        return len(self.got)\n"
        "def use(a, vals):\n"
        "    out = []\n"
        "    for v in vals:\n"
        "        out.append(a.send(v))\n"
        "    return out\n"
        "def use_handling(a, v):\n"
        "    try:\n"
        "        raise KeyError('held')\n"
        "    except KeyError:\n"
        "        return a.send(v)\n"
        "for make in (acc, tier1_acc):\n"
        "    a = make()\n"
        "    next(a)\n"
        "    print(use(a, [1, 2]), repr(use_handling(a, 3)), use(a, [4]))\n"
        "b = Box()\n"
        "print(use(b, [5, 6]), b.got, use(b.got, []))\n"
        "try:\n"
        "    use(3, [1])\n"
        "except AttributeError as e:\n"
        "    print(e)\n")
    out, g = _run(source)
    assert out == (
        "[(1, None), (3, None)] (6, KeyError('held')) [(10, None)]\n"
        "[(1, None), (3, None)] (6, KeyError('held')) [(10, None)]\n"
        "[1, 2] [5, 6] []\n"
        "'int' object has no attribute 'send'\n")
    t2 = tier2.frame_based(g["use"].__code__)
    assert t2 is not None
    names = _names(t2)
    # (the generator's test comes before the bound guest method's: an exact
    # generator's, tier2gen.fused_send, and under its else a generator's
    # bound send after the guest method's)
    assert names.index("Generator") < names.index("gen_method_send") < names.index("_lean2")
    _eager_program(tmp_path, source, monkeypatch)
