"""Issue 10 point 5: exceptions that CPython handles, the VM handles the same way."""

import sys

import pytest

from ._support import MODES, host, vm, same

PROGRAMS = [
    "exc_traceback_property.py",     # an exception class with a __traceback__ property
    "excepthook_raises.py",          # 'Error in sys.excepthook:' / 'Original exception was:'
    "excepthook_exits.py",           # a hook raising SystemExit
    "exit_str_raises.py",            # sys.exit(obj) whose str() raises
    "module_builtins_rebound.py",    # module-level __builtins__ = {...} and later functions
    "functiontype_module_code.py",   # types.FunctionType(module_code, g)()
    "repr_recursion.py",             # repr(self) inside __repr__
    "exit_exception_str_raises.py",  # sys.exit(exc), str(exc) raises: the leftover at shutdown
    "excepthook_none.py",            # sys.excepthook = None fails; deleted is missing
    "exit_stderr_none.py",           # sys.exit(obj) with sys.stderr = None
    "exit_stderr_deleted.py",        # sys.exit(text) with sys.stderr deleted
]


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("prog", PROGRAMS)
def test_program(prog, mode):
    same(host(prog), vm(prog, extra_env=MODES[mode]))


RECURSION_PROGRAMS = [
    "recursion_through_c.py",        # C checks on the way to a dunder (3.10/3.11 depths)
    "setrecursionlimit_low.py",      # a limit of 1-4; the depth in the message
    "memory_exhaustion.py",          # MemoryError under RLIMIT_AS: caught, finally, printed
    "recursion_depth_shown.py",      # the depth in setrecursionlimit's message, in dunders
    "recursion_depth_call_shapes.py",  # closures, keywords, methods... reach the guest's limit
    "recursion_limit_lowered_after_deep.py",  # a lower limit holds at once after deep calls
]


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("prog", RECURSION_PROGRAMS)
def test_recursion_program(prog, mode):
    h, v = host(prog), vm(prog, extra_env=MODES[mode])
    if h.returncode < 0 and prog == "recursion_depth_call_shapes.py":
        pytest.skip("the host CPython crashed (3.13.0 segfaults on it): no reference")
    if sys.version_info[:2] == (3, 12) and prog == "recursion_through_c.py":
        # 3.12's fixed C recursion limit is reached sooner in the VM (each
        # re-entry spends more C stack than CPython's call: docs/boundary.md);
        # the VM stops earlier, with one clean RecursionError
        assert v.returncode == 1 and "During handling" not in v.stderr, v.stderr[-2000:]
        assert v.stderr.rstrip().endswith("RecursionError: maximum recursion depth exceeded")
        return
    same(h, v)


def test_recursion_depth_of_every_call_shape_in_tier_2_eager():
    # (tier 2 went through more host frames per guest call than the host's
    # limit allowed for: RecursionError 200 to 800 levels early)
    prog = "recursion_depth_call_shapes.py"
    h, v = host(prog), vm(prog, extra_env={"EVALFRAME_TIER2": "eager"})
    if h.returncode < 0:
        # (CPython 3.13.0 itself dies of a segfault in the defaults probe: the
        # limit of 2000 less this module's and the probe's frames is the answer)
        assert v.returncode == 0 and v.stderr == "", v.stderr[-2000:]
        assert all(line.endswith(" 1998 1998") for line in v.stdout.splitlines())
        return
    same(h, v)


@pytest.mark.parametrize("mode", sorted(MODES))
def test_recursion_through_c_under_a_high_limit(mode):
    prog = "repr_recursion_high_limit.py"
    v = vm(prog, extra_env=MODES[mode])
    assert (v.stdout, v.stderr, v.returncode) == ("RecursionError\n", "", 0)
    h = host(prog)
    if h.returncode >= 0:       # (3.10/3.11 die of a C stack overflow: no reference)
        same(h, v)


# (3.10's traced loop still overflows the host's C stack through sorted()'s key
# below 1010 nested re-entries: docs/boundary.md, "Recursion depth")
@pytest.mark.parametrize("mode", [m for m in sorted(MODES)
                                  if m != "traced" or sys.version_info >= (3, 11)])
def test_recursion_through_c_paths_under_a_high_limit(mode):
    v = vm("recursion_through_c_high_limit.py", extra_env=MODES[mode])
    assert (v.stdout, v.stderr, v.returncode) == (
        "".join("%s RecursionError\n" % n for n in ("sorted", "getattr", "eq", "str", "map")),
        "", 0)
