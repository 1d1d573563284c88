"""The shapes of generator resumption sites in tier-2 code (tier2gen.py):
what the generated source of frame-based functions and generator bodies
writes at ``x.send(v)`` (fused_send).  The guest programs
tests/guest/programs/gen_tier2_fused_send.py and gen_tier2_inline_send.py
check the behaviour against CPython."""
import contextlib
import io
import linecache

import pytest

from evalframe.compiler import compile_source
from evalframe.interpreter import tier2
from evalframe.interpreter.ceval import run_code
from evalframe.interpreter.decode import decode

_SOURCE = (
    "def acc():\n"
    "    t = 0\n"
    "    while True:\n"
    "        v = yield t\n"
    "        if v is None:\n"
    "            return t\n"
    "        t += v\n"
    "def f(n):\n"
    "    a = acc()\n"
    "    next(a)\n"
    "    try:\n"
    "        for i in range(n):\n"
    "            a.send(i)\n"
    "        a.send(None)\n"
    "    except StopIteration as e:\n"
    "        return e.value\n"
    "def g(targets):\n"
    "    for t in targets:\n"
    "        yield t.send(2)\n"
    "out = [f(k) for k in range(6)]\n"
    "a = acc()\n"
    "next(a)\n"
    "out.append(list(g([a, a])))\n"
)


def _run(src):
    g = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        run_code(compile_source(src, "<gen-sites>", "exec"), g)
    return g


def _lines(fn):
    return "".join(linecache.getlines(fn.__code__.co_filename)).splitlines()


def _site(lines, recv):
    """The lines of the send site testing ``recv``, up to its tracer test."""
    start = next(i for i, text in enumerate(lines)
                 if text.strip().startswith("if type(%s) is Generator:" % recv))
    end = next(i for i in range(start, len(lines)) if "tstate.tracer is not None" in lines[i])
    return lines[start - 1:end]


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
def test_send_of_an_exact_generator_makes_no_bound_method(eager):
    g = _run(_SOURCE)
    assert g["out"] == [0, 0, 1, 3, 6, 10, [2, 4]]
    for fn, recv in ((tier2.frame_based(g["f"].__code__), "fast[1]"),
                     (decode(g["g"].__code__).t2gen, "l1")):
        site = _site(_lines(fn), recv)
        text = "\n".join(site)
        # the generator's branch first: no ``.send`` read before it, the
        # receiver itself resumed, the bound method made only for method_send
        assert ".send  #" not in site[0] and "LOAD_METHOD" not in site[0]
        assert "f._lasti" in site[2] and "gs_ = %s  #" % recv in site[3]
        assert "gen_method_send(tstate, %s.send, " % recv in text
        assert ".__self__" not in text.split("else:  #")[0]
        # the read as LOAD_METHOD wrote it, under the else, then f._lasti
        other = text[text.rindex("\n" + " " * (len(site[0]) - len(site[0].lstrip())) + "else:"):]
        assert "= %s.send  #" % recv in other
        assert other.index(".send  #") < other.index("f._lasti")
    # None sent: no test of a just-started generator's state
    f_text = "\n".join(_lines(tier2.frame_based(g["f"].__code__)))
    assert "(gn_ := gs_.gi_frame) is None:" in f_text
    assert "(gn_ := gs_.gi_frame).f_state == -2 and " in f_text


@pytest.mark.evalframe_untraced     # (a tracer hands every generator to tier 1)
def test_generator_entry_binds_what_stays_once(eager):
    # tier2gen.gen_entry: the code, its Decoded and host generator function,
    # the instructions and dicts are bound when the entry is made, and the
    # exc_info item's stores are written only in the entry of code that
    # links one (gen_tier2_call_entry.py: the generators it makes, with and
    # without a tracer, against CPython)
    g = _run(
        "def plain(n):\n    for i in range(n):\n        yield i\n"
        "def handles(n):\n    try:\n        yield n\n    except KeyError:\n        pass\n"
        "def use():\n    return sum(plain(4)), list(handles(5))\n"
        "out = [use() for k in range(3)]\n")
    assert g["out"] == [(6, [5])] * 3
    for name, links in (("plain", False), ("handles", True)):
        entry = g[name]._lean1
        assert entry is not None and entry.__code__.co_filename.endswith("<tier2 gen entry>")
        names = entry.__code__.co_names
        assert not {"_code", "_decoded", "t2gen", "links", "instrs", "_globals"} & set(names)
        assert ("previous_item" in names) is links
        assert {"code", "d", "t2gen", "instrs", "globals_", "builtins_"} <= set(
            entry.__code__.co_freevars)


@pytest.mark.evalframe_untraced     # (a tracer runs every frame in tier 1: nothing is made)
def test_inline_resumption_guards(eager):
    # the inline FOR_ITER step and send site compare the depth with
    # tstate.t2_inl alone (t2_room capped at INLINE_UNCOUNTED_DEPTH by
    # host_room, zeroed with t2_room): no second ``gd_ >= 1000`` test
    # (gen_tier2_inline_tracer.py: a tracer attached between two inline
    # resumptions, against CPython)
    from evalframe.interpreter import pystate, tier2gen
    g = _run(_SOURCE + "def h(n):\n    for x in acc_items(n):\n        yield x\n"
             "def acc_items(n):\n    for i in range(n):\n        yield i\n"
             "def d(n):\n    yield from acc_items(n)\n"
             "out.append([sum(h(k)) for k in range(8)])\n")
    assert g["out"][-1] == [0, 0, 1, 3, 6, 10, 15, 21]
    f_text = "\n".join(_lines(tier2.frame_based(g["f"].__code__)))
    h_text = "\n".join(_lines(decode(g["h"].__code__).t2gen))
    for text in (f_text, h_text):
        assert "(gd_ := tstate.depth + 1) >= tstate.t2_inl" in text
        assert "gd_ >= %d" % tier2gen.INLINE_UNCOUNTED_DEPTH not in text
    ts = pystate.get_tstate()
    assert 0 < ts.t2_inl == min(ts.t2_room, tier2gen.INLINE_UNCOUNTED_DEPTH)
    # a structured body's loop knows, as it begins, whether its generator's
    # code is plain (no handler, no YIELD_FROM): neither _xl nor _yf is
    # tested per item then (gen_tier2_inline_plain.py: plain and other
    # generators at one loop, against CPython); the frame-based dispatch
    # (f's loop) tests both
    assert "x0 = g0 and s0.gi_code._decoded.plain_gen" in h_text
    assert "or s0._yb or not x0 and (s0._yf or s0._xl) or" in h_text
    assert "if x0 or s0._yf is None:" in h_text
    assert "x0" not in f_text and "._yf or s0._xl or" in f_text
    assert decode(g["acc_items"].__code__).plain_gen
    assert not decode(g["d"].__code__).plain_gen      # (a YIELD_FROM)
    assert not decode(g["f"].__code__).plain_gen      # (not a generator)


def test_every_store_of_t2_room_stores_t2_inl():
    # (whoever zeroes t2_room, a tracer attached or a limit set, zeroes
    # t2_inl with it: the inline sites test only t2_inl)
    import pathlib
    import re
    import evalframe
    root = pathlib.Path(evalframe.__file__).parent
    stores = 0
    for path in root.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s*([\w.\[\]]+)\.t2_room = (.*)", line)
            if m is None:
                continue
            stores += 1
            rest = m.group(2)
            assert (rest.startswith("%s.t2_inl = 0" % m.group(1))
                    or path.name == "tier2.py" and "tstate.t2_inl = min(tstate.t2_room" in
                    path.read_text(encoding="utf-8")
                    or path.name == "pystate.py"), (path, line)
    assert stores >= 11
