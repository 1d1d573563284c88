"""Class calls from tier 2 (interpreter/tier2.py, call_any and call_kw):
type_call holds the call's arguments in its tuple until __init__ returns, so
a parameter that __init__ deletes keeps its value alive, where a plain
function's argument is the callee's alone on 3.11.  Tier 2 moved them into
__init__ like a function's (the weakref callback ran inside __init__).
Tier 1's frame path still drops them early (docs/vm.md, Known gaps): this
runs in eager tier 2 only."""

from . import _programs


def eager_program(tmp_path, source, monkeypatch):
    monkeypatch.setenv("EVALFRAME_TIER2", "eager")
    # (untraced in every mode: a tracer runs every frame in tier 1, which has the gap)
    monkeypatch.delenv("EVALFRAME_SETTRACE_NOOP", raising=False)
    _programs.assert_same(tmp_path, source)


def test_class_call_holds_its_arguments(tmp_path, monkeypatch):
    eager_program(tmp_path, """
        import weakref
        class T:
            pass
        def collected(ref):
            print("    collected")
        class Two:
            def __init__(self, a, b=1):
                r = weakref.ref(a, collected)
                del a
                print("    kept:", r() is not None, b)
        class Five:
            def __init__(self, a, b, c, d, e=5):
                r = weakref.ref(a, collected)
                del a
                print("    kept:", r() is not None, b, c, d, e)
        class Exact:
            def __init__(self, a):
                r = weakref.ref(a, collected)
                del a
                print("    exact:", r() is not None)
        def function(a):
            r = weakref.ref(a, collected)
            del a
            print("    function's own:", r() is not None)
        def main():
            Two(T())
            Two(T(), 2)
            Two(T(), b=3)
            Two(a=T())
            Five(T(), 2, 3, 4)
            Five(T(), 2, 3, 4, 6)
            Exact(T())      # (the call site's own path: tier2._class_call)
            function(T())
        for i in range(3):
            main()
    """, monkeypatch)
