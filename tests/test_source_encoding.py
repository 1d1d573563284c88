"""Program files read as python's file tokenizer reads them (PEP 263, PEP 3120).

Each file is run by the host (``python FILE`` and ``python - < FILE``) and by
``evalframe run``; stdout, stderr and exit status must agree.  Covers invalid
UTF-8 with and without a cookie, NUL bytes, unknown and unusable codecs, a BOM
with a conflicting cookie, and expressions too deep to compile.
"""

import pytest

from evalframe_testing import run_evalframe, run_host

CASES = {
    "bad_utf8_in_comment": b"print(1)\n# caf\xe9\n",
    "bad_utf8_in_string": b"print('x')\ns = '\xe9'\n",
    "bad_utf8_after_good": b"print(1)\n# ok \xc3\xa9 then bad \xff\xfe\n",
    "bad_utf8_line_one": b"\xe9 = 1\n",
    "cookie_utf8_bad_byte": b"# coding: utf-8\nprint(1)\n\xff\n",
    "null_byte": b"print(1)\nx = 2\x00\n",
    "null_byte_first": b"\x00print(1)\n",
    "null_in_comment": b"print(1)\n# a\x00b\n",
    "utf16_cookie": b"# coding: utf-16\nprint(1)\n",
    "unknown_codec": b"# coding: nosuch\nprint(1)\n",
    "vim_cookie_line_two": b"#!/usr/bin/env python\n# vim: set fileencoding=bogus :\nprint(1)\n",
    "cookie_after_code_ignored": b"print(1)\n# coding: latin-1\nprint(2)\n",
    "cookie_after_code_bad": b"print(1)\n# coding: latin-1\nprint('\xe9')\n",
    "bom_with_latin1": b"\xef\xbb\xbf# coding: latin-1\nprint(1)\n",
    "bom_with_utf8": b"\xef\xbb\xbf# coding: utf-8\nprint(1)\n",
    "bom_only": b"\xef\xbb\xbfprint('bom')\n",
    "latin1_cookie": b"# -*- coding: latin-1 -*-\nprint('caf\xe9')\n",
    "ascii_cookie_non_ascii": b"# coding: ascii\nprint('\xc3\xa9')\n",
    "cp1252_cookie": b"# coding: cp1252\nprint('\x80')\n",
}


def _same(tmp_path, data, stdin=False):
    path = tmp_path / "prog.py"
    path.write_bytes(data)
    if stdin:
        import subprocess
        import sys
        from evalframe_testing import _env

        def run(argv):
            if stdin == "pipe":   # not seekable: a cookie cannot be honoured
                return subprocess.run(argv, input=data, capture_output=True,
                                      env=_env(), timeout=120)
            with open(path, "rb") as f:
                return subprocess.run(argv, stdin=f, capture_output=True,
                                      env=_env(), timeout=120)
        want = run([sys.executable, "-"])
        got = run([sys.executable, "-m", "evalframe", "run", "-"])
    else:
        want = run_host([str(path)])
        got = run_evalframe(["run", str(path)])
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
    return got


@pytest.mark.parametrize("name", sorted(CASES))
def test_file(tmp_path, name):
    _same(tmp_path, CASES[name])


@pytest.mark.parametrize("name", ["bad_utf8_in_comment", "null_byte", "unknown_codec",
                                  "bom_with_latin1", "latin1_cookie"])
@pytest.mark.parametrize("stdin", ["pipe", "file"])
def test_stdin(tmp_path, name, stdin):
    _same(tmp_path, CASES[name], stdin=stdin)


@pytest.mark.parametrize("shape", ["sum", "attribute"])
def test_deep_expression_says_during_compilation(tmp_path, shape):
    body = "+".join(["1"] * 60000) if shape == "sum" else "a." * 60000 + "b"
    got = _same(tmp_path, ("x = " + body + "\n").encode())
    assert "during compilation" in got.stderr


def test_compile_builtin_deep_expression():
    src = "print(1)\ntry:\n    compile('+'.join(['1'] * 60000), 's', 'eval')\n" \
          "except RecursionError as e:\n    print(e)\n"
    want = run_host(["-c", src])
    got = run_evalframe(["run", "-c", src])
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


def test_unguarded_ast_hosts_check_depth_with_the_host_compiler(monkeypatch):
    # 3.10's ast.parse crashes the host on a deep enough expression; there the
    # source is compiled by the host compiler first (which says "during compilation")
    from evalframe import compiler
    calls = []
    real = compiler._host_depth_check
    monkeypatch.setattr(compiler, "_HOST_AST_UNGUARDED", True)
    monkeypatch.setattr(compiler, "_host_depth_check",
                        lambda *a: (calls.append(a[1:]), real(*a))[1])
    source = "x = " + "+".join(["1"] * 60000)
    with pytest.raises(RecursionError, match="exceeded during compilation$"):
        compiler.compile_source(source, "deep.py")
    assert calls == [("deep.py", "exec")]
    compiler.compile_source("x = 1\n" * 20000, "flat.py")   # big but shallow: fine
    assert len(calls) == 2
