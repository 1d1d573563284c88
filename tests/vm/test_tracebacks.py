"""Uncaught guest exceptions print exactly what the host prints.

Programs are compiled by CPython 3.10 (only line numbers, so the host's caret
lines are left out of the expectation) and run in-process; the traceback is
printed by the host's own machinery after evalframe's frames are removed.
test_carets checks the caret lines with a code object that carries positions.
"""

import io
import os
import re
import subprocess
import sys
import traceback

import pytest

from evalframe.interpreter.ceval import run_code
from evalframe.runtime.tracebacks import clean_exception
from ._diff import compile_310

PROGRAMS = {
    "nested": "def a(x):\n    return b(x) + 1\ndef b(x):\n    return c(x)\ndef c(x):\n    return 1 / x\nprint(a(0))\n",
    "chained": "def f():\n    try:\n        {}['k']\n    except KeyError:\n        raise ValueError('bad')\nf()\n",
    "cause": "try:\n    int('x')\nexcept ValueError as e:\n    raise RuntimeError('wrapped') from e\n",
    "host_library": "import json\ndef load(s):\n    return json.loads(s)\nload('{bad')\n",
    "attribute": "class A:\n    colour = 1\nA().color\n",
    "keyerror_in_finally": "try:\n    1 / 0\nfinally:\n    print({}['x'])\n",
    "name_suggestion": "def f():\n    counter = 1\n    return countr\nf()\n",
    "recursion": "def f(n):\n    return f(n + 1)\nf(0)\n",
    "generator": "def g():\n    yield 1\n    raise KeyError('in gen')\nfor x in g():\n    pass\n",
    "callback": "def key(x):\n    return x.missing\nsorted([1, 2], key=key)\n",
    "bare_reraise": "def f():\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        raise\nf()\n",
    "class_init": "class A:\n    def __init__(self):\n        self.x = undefined\nA()\n",
}

_CARETS = re.compile(r"^ *[~^]+ *$")


def _host_stderr(path):
    proc = subprocess.run([sys.executable, path], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONHASHSEED="0"))
    return proc.stdout, proc.stderr


def _vm_stderr(path, source):
    code = compile_310(source, path)
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        run_code(code, {"__name__": "__main__", "__file__": path})
    except BaseException as exc:
        exc.__traceback__ = exc.__traceback__.tb_next   # this test's own frame
        clean_exception(exc)
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        sys.stdout, sys.stderr = old
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_traceback_text(name, tmp_path):
    path = str(tmp_path / (name + ".py"))
    with open(path, "w") as f:
        f.write(PROGRAMS[name])
    hout, herr = _host_stderr(path)
    vout, verr = _vm_stderr(path, PROGRAMS[name])
    assert vout == hout
    assert verr == _without_guest_carets(herr, path)


def _without_guest_carets(text, path):
    """The host's text minus the caret lines under the program's own frames."""
    out = []
    current = None
    for line in text.splitlines(True):
        if line.lstrip().startswith('File "'):
            current = line.split('"')[1]
        if _CARETS.match(line) and current == path:
            continue
        out.append(line)
    return "".join(out)


def test_carets(tmp_path):
    if sys.version_info < (3, 11):
        pytest.skip("the host prints no caret lines before 3.11")
    src = "def ratio(a, b):\n    return (a + 1) / (b - b)\nratio(1, 2)\n"
    path = str(tmp_path / "carets.py")
    with open(path, "w") as f:
        f.write(src)
    code = compile_310(src, path)
    fn = code.co_consts[0]
    # positions as the compiler records them: the BinOp for every instruction
    # of ratio, the call for the module
    fn._positions = [(2, 2, 11, 28)] * (len(fn.co_code) // 2)
    code._positions = [(3, 3, 0, 11)] * (len(code.co_code) // 2)
    try:
        run_code(code, {"__name__": "__main__"})
    except ZeroDivisionError as exc:
        exc.__traceback__ = exc.__traceback__.tb_next   # this test's own frame
        clean_exception(exc)
        text = "".join(traceback.format_exception(exc))
    _, herr = _host_stderr(path)
    assert text == herr
    assert "~~~~~~~~^~~~~~~~~" in text
