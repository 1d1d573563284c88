"""A program's directory holding modules named like the host's (ast.py,
signal.py): the VM's own imports, at start-up and later (the compiler's
``except*``, the exit by KeyboardInterrupt, --timeout), must get the host's
modules, never the program's files, and the program's own ``import ast`` gets
its file, as ``python prog.py`` gives it; sys.path[0] is the program's
directory alone (``-m`` put the current directory there too).  Run as
``python -m evalframe run prog.py`` and as the ``evalframe`` script would run
it (sys.path[0] its own directory), from the program's directory.
"""

import os
import subprocess
import sys

import pytest

from evalframe_testing import ROOT, _env, run_evalframe, run_host

SHADOWS = {
    "ast.py": "print('the program ast.py runs as', __name__)\nVALUE = 'own ast'\n",
    "signal.py": "print('the program signal.py runs as', __name__)\n",
    "tokenize.py": "print('the program tokenize.py runs as', __name__)\n",
    "linecache.py": "print('the program linecache.py runs as', __name__)\n",
}

MAIN = """\
import sys
print('path0', sys.path[0] == %r, len([p for p in sys.path if p == sys.path[0]]))
try:
    raise ExceptionGroup('g', [ValueError(1)])
except* ValueError as eg:
    print('caught', repr(eg.exceptions))
import ast
print(ast.VALUE)
print(sorted(n for n in ('signal', 'tokenize', 'linecache') if n in sys.modules
             and 'program' in (getattr(sys.modules[n], '__file__', '') or '')))
"""

INTERRUPTED = "print('start')\nraise KeyboardInterrupt\n"


def _program_dir(tmp_path, main):
    d = tmp_path / "program"
    d.mkdir()
    for name, text in SHADOWS.items():
        (d / name).write_text(text)
    (d / "prog.py").write_text(main % str(d) if "%r" in main else main)
    return d


def _as_script(args, cwd):
    # the console script: sys.path[0] is its own directory, not the program's
    bindir = cwd.parent / "bin"
    bindir.mkdir(exist_ok=True)
    script = bindir / "evalframe_script.py"
    script.write_text("import sys\nfrom evalframe.cli import entry\nsys.exit(entry())\n")
    return subprocess.run([sys.executable, str(script)] + args, cwd=cwd, capture_output=True,
                          text=True, env=_env(), timeout=120)


RUNNERS = {"-m": lambda args, cwd: run_evalframe(args, cwd=cwd), "script": _as_script}


@pytest.mark.skipif(sys.version_info < (3, 11), reason="except* needs a 3.11+ host")
@pytest.mark.parametrize("how", sorted(RUNNERS))
def test_program_modules_are_not_the_vms(tmp_path, how):
    d = _program_dir(tmp_path, MAIN)
    want = run_host(["prog.py"], cwd=d)
    assert "own ast" in want.stdout, want
    got = RUNNERS[how](["run", "prog.py"], d)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)


@pytest.mark.parametrize("how", sorted(RUNNERS))
def test_exit_by_keyboardinterrupt_imports_no_program_signal(tmp_path, how):
    d = _program_dir(tmp_path, INTERRUPTED)
    want = run_host(["prog.py"], cwd=d)
    got = RUNNERS[how](["run", "prog.py"], d)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
    assert "signal.py" not in got.stderr, got.stderr


@pytest.mark.parametrize("how", sorted(RUNNERS))
def test_timeout_imports_no_program_signal(tmp_path, how):
    d = _program_dir(tmp_path, "print('done')\n")
    got = RUNNERS[how](["run", "--timeout", "60", "prog.py"], d)
    assert (got.stdout, got.returncode) == ("done\n", 0), got
