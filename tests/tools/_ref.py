"""Helpers shared by the tools tests: CPython 3.10 as the reference.

Nothing here depends on evalframe's compiler: code objects come from CPython
3.10 itself (``evalframe.reference.compile_reference`` or marshal).
"""

import ast
import os
import re
import subprocess

import pytest

from evalframe.reference import reference_python

_REF = []


def ref_python():
    """The command list for CPython 3.10, or None; computed once per process."""
    if not _REF:
        _REF.append(reference_python())
    return _REF[0]


def need_ref():
    """The 3.10 command; skips the calling test with a reason where 3.10 is absent."""
    cmd = ref_python()
    if cmd is None:
        pytest.skip("CPython 3.10 is not installed (reference_python() is None)")
    return cmd


def ref_env():
    env = dict(os.environ)
    env["PYENV_VERSION"] = "3.10.13"
    # Set iteration order is seed-dependent; fix it so runs are repeatable.
    env["PYTHONHASHSEED"] = "0"
    return env


def run_ref(args, input=None, cwd=None, check=True):
    """Run CPython 3.10 with ``args``; return the CompletedProcess (bytes)."""
    proc = subprocess.run(need_ref() + list(args), input=input, capture_output=True,
                          env=ref_env(), cwd=cwd)
    if check and proc.returncode != 0:
        raise AssertionError("python3.10 %s failed:\n%s" % (
            " ".join(map(str, args)), proc.stderr.decode(errors="replace")))
    return proc


_ADDR = re.compile(r" at 0x[0-9a-f]+")


def _canonical_frozensets(text):
    """Rewrite each ``frozenset({...})`` with its elements' reprs sorted.

    A frozenset's iteration order depends on string hashing (randomised per
    process, and SipHash-1-3 from 3.11 on), so the same constant may print in
    another order in another interpreter; the set is the same.
    """
    out = []
    pos = 0
    while True:
        start = text.find("frozenset({", pos)
        if start < 0:
            out.append(text[pos:])
            return "".join(out)
        depth = 0
        i = start + len("frozenset(")
        while i < len(text):
            ch = text[i]
            if ch in "({[":
                depth += 1
            elif ch in ")}]":
                depth -= 1
                if depth == 0:
                    break
            elif ch in "'\"":
                # skip a string literal
                j = i + 1
                while j < len(text) and text[j] != ch:
                    j += 2 if text[j] == "\\" else 1
                i = j
            i += 1
        body = text[start + len("frozenset("):i + 1]
        try:
            elems = ast.literal_eval(body)
            canon = "frozenset({%s})" % ", ".join(sorted(repr(e) for e in elems))
        except (ValueError, SyntaxError):
            canon = text[start:i + 2]
        out.append(text[pos:start])
        out.append(canon)
        pos = i + 2


def normalize_listing(text):
    """A dis listing with code object addresses removed and frozensets canonical."""
    return _canonical_frozensets(_ADDR.sub(" at 0x?", text))


_MARSHAL_COMPILE = r"""
import marshal, sys
src = sys.stdin.buffer.read()
try:
    code = compile(src, sys.argv[1], sys.argv[2], dont_inherit=True)
except SyntaxError as e:
    sys.stdout.write("E" + repr((e.msg, e.lineno, e.offset)))
else:
    sys.stdout.buffer.write(b"M" + marshal.dumps(code))
"""


def compile_ref(source, filename="<string>", mode="exec"):
    """CPython 3.10's code object for ``source``, read back with our marshal reader.

    Marshal carries every constant exactly (Ellipsis, inf, nan, -0.0), which a
    repr-based bridge cannot.
    """
    from evalframe import pyc
    if isinstance(source, str):
        source = source.encode("utf-8")
    out = run_ref(["-c", _MARSHAL_COMPILE, filename, mode], input=source).stdout
    if out[:1] == b"E":
        msg, lineno, offset = ast.literal_eval(out[1:].decode())
        err = SyntaxError(msg)
        err.lineno, err.offset = lineno, offset
        raise err
    return pyc.loads(out[1:])


def ref_marshal(source, filename="<string>", mode="exec"):
    """The bytes of 3.10's marshal.dumps(compile(source, filename, mode))."""
    if isinstance(source, str):
        source = source.encode("utf-8")
    out = run_ref(["-c", _MARSHAL_COMPILE, filename, mode], input=source).stdout
    assert out[:1] == b"M", out
    return out[1:]
