"""Issue 10 point 4: shutdown like CPython (finalizers at exit, in CPython's order)."""

import marshal
import os
import re
import sys

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


# -- the cache of the names the VM's code uses (evalframe/__init__.py) ----------------
# At exit, evalframe hands _VM_MODULES the loaded host modules its functions
# import; the names come from a walk over the VM's code, cached in
# evalframe's __pycache__ for the same loaded modules with unchanged sources.

def _cache_env(monkeypatch, tmp_path, write=True):
    import evalframe as ef
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", not write)
    path = ef._names_cache_path()
    assert path.startswith(str(tmp_path))
    return ef, path


def _entries(path):
    with open(path, "rb") as f:
        return marshal.loads(f.read())


def test_vm_names_cache_gives_what_the_walk_gives(monkeypatch, tmp_path):
    ef, path = _cache_env(monkeypatch, tmp_path)
    # (the walk covers the VM modules loaded so far: load the one whose lazy
    # import is checked, which other tests load when the file runs alone)
    import evalframe.runtime.tracebacks  # noqa: F401
    walked = ef._walk_vm_code()
    assert "_thread" in walked       # (tracebacks: a lazy import)
    assert set(ef._names_of_vm_code()) == walked and os.path.exists(path)
    assert set(ef._names_of_vm_code()) == walked          # (read back)


def test_vm_names_cache_is_read_and_a_changed_source_invalidates_it(monkeypatch, tmp_path):
    ef, path = _cache_env(monkeypatch, tmp_path)
    ef._names_of_vm_code()
    key = ef._vm_code_key()
    entries = _entries(path)
    assert list(entries) == [key]
    entries[key] = "marker"
    with open(path, "wb") as f:
        f.write(marshal.dumps(entries))
    assert ef._names_of_vm_code() == ["marker"]            # the entry is what is used
    # one module's source changed (another mtime): the entry no longer applies
    stamp = ef._file_stamp
    changed = ef.__file__
    monkeypatch.setattr(ef, "_file_stamp",
                        lambda p: (stamp(p)[0] + 1, stamp(p)[1]) if p == changed else stamp(p))
    assert set(ef._names_of_vm_code()) == ef._walk_vm_code()
    assert len(_entries(path)) == 2 and _entries(path)[key] == "marker"
    # a different size too
    monkeypatch.setattr(ef, "_file_stamp",
                        lambda p: (stamp(p)[0], stamp(p)[1] + 1) if p == changed else stamp(p))
    assert set(ef._names_of_vm_code()) == ef._walk_vm_code()
    assert len(_entries(path)) == 3


def test_vm_names_cache_is_not_written_without_bytecode_writing(monkeypatch, tmp_path):
    ef, path = _cache_env(monkeypatch, tmp_path, write=False)
    assert set(ef._names_of_vm_code()) == ef._walk_vm_code()
    assert not os.path.exists(path)


def test_vm_names_cache_bad_file_is_ignored(monkeypatch, tmp_path):
    ef, path = _cache_env(monkeypatch, tmp_path)
    os.makedirs(os.path.dirname(path))
    with open(path, "wb") as f:
        f.write(b"not marshal data")
    assert set(ef._names_of_vm_code()) == ef._walk_vm_code()
    assert list(_entries(path)) == [ef._vm_code_key()]


def test_finalizers_at_exit_with_the_vm_names_cache(tmp_path):
    """The second run reads the names from the cache the first one wrote."""
    h = host("shutdown_finalizers.py")
    extra = {"PYTHONPYCACHEPREFIX": str(tmp_path), "PYTHONDONTWRITEBYTECODE": ""}
    for _ in range(2):
        v = vm("shutdown_finalizers.py", extra_env=extra)
        assert (_norm(v.stdout), _norm(v.stderr), v.returncode) == \
            (_norm(h.stdout), _norm(h.stderr), h.returncode)
    assert [p.name for p in tmp_path.rglob("vmnames.*")]


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
