"""Behaviour that depends on the host CPython's version, checked on every
installed host: the pytest host, and pyenv's 3.10 / 3.12 / 3.13 where present.

Each program runs as ``python prog.py`` and as ``python -m evalframe run
prog.py`` under the same interpreter; stdout, stderr and exit status must be
the same (carets included).

* 3.10 keeps the handled exception's traceback apart from
  ``exc.__traceback__`` (sys.exc_info()[2]): host code called from a guest
  except block (traceback.format_exc, logging.exception) must not see
  evalframe's frames in it (runtime/tracebacks.call_in_exc).
* 3.12+ inline list/set/dict comprehensions (PEP 709): no ``<listcomp>``
  entry in tracebacks, the enclosing frame's entry at the comprehension's
  position (runtime/tracebacks._inline_comprehension).
"""

import os
import subprocess
import sys
import textwrap

import pytest

from evalframe.objects.codeobject import Code
from ._programs import ROOT, _env

_PYENV = os.path.join(os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv")), "versions")


def _pyenv_python(prefix):
    if os.path.isdir(_PYENV):
        for name in sorted(os.listdir(_PYENV), reverse=True):
            exe = os.path.join(_PYENV, name, "bin", "python")
            if name.startswith(prefix) and os.path.exists(exe):
                return exe
    return None


HOSTS = ["pytest-host", "3.10", "3.12", "3.13"]


def _interpreter(host):
    if host == "pytest-host":
        return sys.executable
    exe = _pyenv_python(host + ".")
    if exe is None:
        pytest.skip("CPython %s is not installed under %s" % (host, _PYENV))
    return exe


def _run_both(exe, tmp_path, source):
    (tmp_path / "prog.py").write_text(textwrap.dedent(source))
    env = _env()
    out = []
    for argv in (["prog.py"], ["-m", "evalframe", "run", "prog.py"]):
        proc = subprocess.run([exe] + argv, cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=120)
        out.append((proc.stdout, proc.stderr, proc.returncode))
    return out


def _assert_same(exe, tmp_path, source):
    host, vm = _run_both(exe, tmp_path, source)
    assert vm[0] == host[0]
    assert vm[1] == host[1]
    assert vm[2] == host[2]


EXC_INFO = """
import logging, sys, traceback
logging.basicConfig(stream=sys.stdout,
                    format="%(levelname)s %(funcName)s %(lineno)d %(message)s")
def c():
    raise ValueError("deep")
def report():
    traceback.print_exc(file=sys.stdout)
    logging.exception("boom")
    tb = sys.exc_info()[2]
    print(tb.tb_lineno, [fs.name for fs in traceback.extract_tb(tb)])
def a():
    try:
        c()
    except ValueError:
        report()
        print(traceback.format_exc())
a()
try:
    {}["k"]
except KeyError:
    logging.exception("at module")
    print(traceback.format_exc())
def handler_raises():
    try:
        [][1]
    except IndexError:
        import json
        json.loads("{bad")
def host_c_code_imports():
    try:
        1 / 0
    except ZeroDivisionError:
        # C code that imports (PyImport_Import reads the calling frame's builtins)
        sys.modules.pop("_strptime", None)
        import datetime
        print(datetime.datetime.strptime("2020", "%Y"))
host_c_code_imports()
handler_raises()
"""


@pytest.mark.parametrize("host", HOSTS)
def test_exc_info_in_host_code(host, tmp_path):
    _assert_same(_interpreter(host), tmp_path, EXC_INFO)


COMPREHENSIONS = """
import sys, traceback
def bad(x):
    return 1 / x
def show(fn):
    try:
        fn()
    except Exception:
        traceback.print_exc(file=sys.stdout)
def listcomp(xs):
    return [bad(x) for x in xs]
show(lambda: listcomp([1, 0]))
def dictcomp(xs):
    return {x: bad(x)
            for x in xs}
show(lambda: dictcomp([0]))
def nested():
    return [[bad(x) for x in y] for y in [[1], [0]]]
show(nested)
def genexpr_keeps_its_frame():
    return sum(bad(x) for x in [1, 0])
show(genexpr_keeps_its_frame)
def in_generator():
    yield from ([bad(x) for x in [0]] for _ in [1])
show(lambda: list(in_generator()))
def name_error():
    return [undefined_name for x in [1]]
show(name_error)
def reraised():
    try:
        [bad(x) for x in [0]]
    except ZeroDivisionError:
        raise
show(reraised)
try:
    {bad(x) for x in [0]}
except ZeroDivisionError as e:
    print([(fs.name, fs.lineno) for fs in traceback.extract_tb(e.__traceback__)])
class AtClassLevel:
    values = [bad(x) for x in [0]]
"""


@pytest.mark.parametrize("host", HOSTS)
def test_comprehension_tracebacks(host, tmp_path):
    _assert_same(_interpreter(host), tmp_path, COMPREHENSIONS)


def test_varname_from_oparg():
    # a function with an argument that is also a cell, a plain cell and a free variable
    def outer(a, b):
        x = 1
        def inner():
            return a + x
        return inner
    for host_code in (outer.__code__, outer(1, 2).__code__):
        code = Code(co_varnames=host_code.co_varnames, co_cellvars=host_code.co_cellvars,
                    co_freevars=host_code.co_freevars, co_nlocals=host_code.co_nlocals)
        n = len(host_code.co_varnames) + len(
            set(host_code.co_cellvars) - set(host_code.co_varnames)) + len(host_code.co_freevars)
        names = [code._varname_from_oparg(i) for i in range(n)]
        if hasattr(host_code, "_varname_from_oparg"):   # 3.11+: the host's own answer
            assert names == [host_code._varname_from_oparg(i) for i in range(n)]
        with pytest.raises(IndexError):
            code._varname_from_oparg(n)
    assert [code._varname_from_oparg(i) for i in range(2)] == ["a", "x"]
    outer_code = Code(co_varnames=("a", "b", "inner"), co_cellvars=("a", "x"))
    assert [outer_code._varname_from_oparg(i) for i in range(4)] == ["a", "b", "inner", "x"]
