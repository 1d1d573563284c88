"""Compiler goldens over real code: a fixed sample of CPython 3.10's own Lib.

Each sampled file is compiled by evalframe and by CPython 3.10 and every code
object must be identical (see golden.diff_code).  The whole-Lib figure is
measured by ``python tests/compiler/golden.py`` (a script, too slow for CI).
"""

import os
import sys
import warnings

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden  # noqa: E402
from evalframe.compiler import compile_source  # noqa: E402
from evalframe.objects.codeobject import Code  # noqa: E402
from evalframe.reference import reference_python  # noqa: E402

LIB = golden.LIB310


def _sample(n=40):
    if not os.path.isdir(LIB):
        return []
    files = golden.lib_files(LIB)
    step = max(1, len(files) // n)
    return [f for f in files[::step]][:n]


SAMPLE = _sample()

pytestmark = pytest.mark.skipif(reference_python() is None or not SAMPLE,
                                reason="CPython 3.10 and its Lib are not installed")


_REFS = {}


def _reference(path):
    if not _REFS:
        _REFS.update(zip(SAMPLE, golden.reference_many([(None, p, "exec") for p in SAMPLE])))
    return _REFS[path]


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: os.path.relpath(p, LIB))
def test_stdlib_file_identical(path):
    ref = _reference(path)
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if not isinstance(ref, Code):
            # 3.10 rejects this file: so must we
            with pytest.raises(SyntaxError):
                compile_source(src, path, "exec")
            return
        ours = compile_source(src, path, "exec")
    diffs = golden.diff_code(ours, ref)
    assert not diffs, "\n".join(diffs[:80])
