"""Differential helpers for the VM tests: one snippet, the host's exec and the VM.

The VM runs code compiled two ways: by CPython 3.10 itself
(evalframe.reference.compile_reference; skipped with a reason where 3.10 is
absent), so VM bugs show apart from compiler bugs, and by evalframe's own
compiler (compile_source).  Outcome = (stdout, exception type name, message).
"""

import contextlib
import io
import sys

import pytest

from evalframe.interpreter.ceval import run_code


def host_outcome(source, filename="<snippet>"):
    out = io.StringIO()
    g = {"__name__": "__main__"}
    exc = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, filename, "exec", dont_inherit=True), g)
        except BaseException as e:  # the program's outcome
            exc = e
    return _outcome(out.getvalue(), exc)


def vm_outcome(code):
    out = io.StringIO()
    g = {"__name__": "__main__"}
    exc = None
    with contextlib.redirect_stdout(out):
        try:
            run_code(code, g)
        except BaseException as e:
            exc = e
    return _outcome(out.getvalue(), exc)


def _outcome(stdout, exc):
    if exc is None:
        return (stdout, None, None)
    return (stdout, type(exc).__name__, str(exc))


_REF_CACHE = {}


def compile_310(source, filename="<snippet>"):
    from evalframe.reference import reference_python, compile_reference
    if reference_python() is None:
        pytest.skip("CPython 3.10 is not available (set EVALFRAME_REF_PYTHON or install it "
                    "with pyenv)")
    key = (source, filename)
    if key not in _REF_CACHE:
        _REF_CACHE[key] = compile_reference(source, filename, "exec")
    return _REF_CACHE[key]


def compile_ours(source, filename="<snippet>"):
    from evalframe.compiler import compile_source
    return compile_source(source, filename, "exec", 0, True, -1)


COMPILERS = {"cpython310": compile_310, "evalframe": compile_ours}


def assert_same(source, compiler):
    code = COMPILERS[compiler](source)
    expected = host_outcome(source)
    got = vm_outcome(code)
    assert got == expected, (got, expected)


def use_vm_compiler_for_builtins():
    """exec/eval/compile inside guest code use evalframe's compiler."""
    return None


__all__ = ["assert_same", "COMPILERS", "host_outcome", "vm_outcome", "sys"]
