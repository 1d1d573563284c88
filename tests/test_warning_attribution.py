"""Warnings name the guest line that caused them (issue 11, point 6).

A module warning "my importer" (stacklevel=2) at import time, whether the VM
or the host runs it, is attributed to the guest's ``import`` line, never to
evalframe's own files (runtime/imports.py was named before); stacklevels that
cross host functions (importlib.import_module, functools.partial, map) count
them as CPython does.
"""

import sys
import textwrap

import pytest

from evalframe_testing import run_evalframe, run_host

MOD = """\
import warnings
warnings.warn("deprecated module", DeprecationWarning, stacklevel=2)
def f():
    warnings.warn("f is old", DeprecationWarning, stacklevel=2)
"""

MOD3 = """\
import warnings
warnings.warn("level 3 from an import_module import", DeprecationWarning, stacklevel=3)
"""

PROG = """\
import warnings, functools
warnings.simplefilter("always")
import mod
mod.f()
import importlib
importlib.import_module("mod3")
def outer():
    inner()
def inner():
    warnings.warn("lvl3", stacklevel=3)
    warnings.warn("lvl9", stacklevel=9)
outer()
functools.partial(warnings.warn, "via partial", stacklevel=2)()
list(map(lambda m: warnings.warn(m, stacklevel=2), ["via map"]))
"""

# A stdlib module that warns about itself at import, with stacklevel=2.
STDLIB_DEPRECATED = "imp" if sys.version_info < (3, 11) else "sre_compile"


@pytest.mark.parametrize("policy", ["user", "none", "all"])
def test_import_time_warnings_name_the_import(tmp_path, policy):
    (tmp_path / "mod.py").write_text(MOD)
    (tmp_path / "mod3.py").write_text(MOD3)
    (tmp_path / "prog.py").write_text(PROG)
    want = run_host(["prog.py"], cwd=tmp_path)
    got = run_evalframe(["run", "--vm-modules=" + policy, "prog.py"], cwd=tmp_path)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
    assert "evalframe" not in got.stderr


def test_host_stdlib_module_deprecation_names_the_import(tmp_path):
    (tmp_path / "prog.py").write_text(textwrap.dedent("""\
        import warnings
        warnings.simplefilter("always")
        import %s
        """ % STDLIB_DEPRECATED))
    want = run_host(["prog.py"], cwd=tmp_path)
    got = run_evalframe(["run", "prog.py"], cwd=tmp_path)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
    assert "prog.py:3: DeprecationWarning" in got.stderr
