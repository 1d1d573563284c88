"""A re-raise through a guest frame whose head entry is already a stand-in's.

RERAISE (the end of every ``finally`` and unmatched ``except``) and a bare
``raise`` call runtime/tracebacks.add_entry with no entry to add.  When the
exception's head entry is already a stand-in (what the handler was entered
with), add_entry only records the head for the frame (the thread state's
tb_head), without the walk over the VM's own host entries: this checks that
it does that and nothing else (the walk's table is made to fail), from inside
a guest handler, where a real guest frame and its stand-in entry exist.
"""

from evalframe.interpreter.ceval import run_code
from evalframe.interpreter.pystate import get_tstate
from evalframe.runtime import tracebacks
from ._diff import compile_310


class _NoWalk:
    """Stands for the VM's code table: the fast path must not consult it."""

    def get(self, key, default=None):
        raise AssertionError("add_entry walked the head of the traceback")

    __getitem__ = __contains__ = get


def test_reraise_with_a_standin_head_only_records_the_head(monkeypatch):
    results = []

    def probe(e):
        ts = get_tstate()
        f = ts.frame
        tb = e.__traceback__
        results.append(id(tb.tb_frame.f_code) in tracebacks._fake_keys)
        real = tracebacks._vm_code
        monkeypatch.setattr(tracebacks, "_vm_code", _NoWalk())
        try:
            # tb_head already for this frame and entry: nothing changes
            tracebacks.add_entry(ts, e, f, False)
            results.append((e.__traceback__ is tb, ts.tb_head[0] == id(e),
                            ts.tb_head[1] == id(tb), ts.tb_head[2]() is f))
            # tb_head for nothing (a nested exception came and went): recorded again
            ts.tb_head = None
            tracebacks.add_entry(ts, e, f, False)
            results.append((e.__traceback__ is tb, ts.tb_head[0] == id(e),
                            ts.tb_head[1] == id(tb), ts.tb_head[2]() is f))
        finally:
            monkeypatch.setattr(tracebacks, "_vm_code", real)

    source = ("def g():\n"
              "    try:\n"
              "        1 / 0\n"
              "    except ZeroDivisionError as e:\n"
              "        probe(e)\n"
              "        raise\n"
              "try:\n"
              "    g()\n"
              "except ZeroDivisionError as e:\n"
              "    tb = e.__traceback__\n"
              "    lines = []\n"
              "    while tb is not None:\n"
              "        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno))\n"
              "        tb = tb.tb_next\n")
    namespace = {"__name__": "__main__", "probe": probe}
    run_code(compile_310(source, "/tmp/reraise_entry.py"), namespace)
    assert results == [True, (True, True, True, True), (True, True, True, True)]
    # (as on CPython) the bare raise left g at line 6: its entry's frame says so
    assert namespace["lines"][1:] == [("g", 3, 6)]
    assert namespace["lines"][0][:2] == ("<module>", 8)
