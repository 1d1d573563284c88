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


@pytest.mark.parametrize("tier2", ["eager", "auto", "off"])
def test_module_globals_finalized_at_exit_in_tier2(tier2):
    h = host("shutdown_globals_tier2.py")
    assert "del in list" in h.stdout
    v = vm("shutdown_globals_tier2.py", extra_env={"EVALFRAME_TIER2": tier2})
    assert (v.stdout, v.stderr, v.returncode) == (h.stdout, h.stderr, h.returncode)
