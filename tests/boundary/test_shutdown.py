"""Issue 10 point 4: shutdown like CPython (finalizers at exit, in CPython's order)."""

import re

import pytest

from ._support import MODES, host, vm


def _norm(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


@pytest.mark.parametrize("mode", sorted(MODES))
def test_finalizers_at_exit(mode):
    h = host("shutdown_finalizers.py")
    assert "gen finally" in h.stdout and "del held" in h.stdout
    v = vm("shutdown_finalizers.py", extra_env=MODES[mode])
    assert (_norm(v.stdout), _norm(v.stderr), v.returncode) == \
        (_norm(h.stdout), _norm(h.stderr), h.returncode)


# (tier 2 and a guest sys.settrace are their own modes here: the boundary
# tests run in the default mode only in CI)
CYCLE_MODES = dict(MODES, **{"tier2-eager": {"EVALFRAME_TIER2": "eager"},
                             "settrace-noop": {"EVALFRAME_SETTRACE_NOOP": "lines"}})


@pytest.mark.parametrize("mode", sorted(CYCLE_MODES))
def test_finalizers_at_exit_of_a_namespace_in_a_cycle(mode):
    # the cyclic collector frees the main namespace at exit.  Under tier 2 (its
    # cache of lean functions held the last globals bound) and under a guest
    # sys.settrace (its line cache held code objects, whose parked zombie
    # frame held its globals) the namespace outlived the run and no finalizer
    # ran.  The collector is off in the program so that the order is
    # CPython's on every host (docs/boundary.md)
    h = host("shutdown_finalizers_cycle.py")
    assert h.stdout.split("\n")[1:5] == ["del a", "del b0", "del held", "del c"], h.stdout
    v = vm("shutdown_finalizers_cycle.py", extra_env=CYCLE_MODES[mode])
    assert (_norm(v.stdout), _norm(v.stderr), v.returncode) == \
        (_norm(h.stdout), _norm(h.stderr), h.returncode)
