"""The python command line of ``evalframe run``, differentially against the host.

-O/-OO, -B, -u, -W, -X, -E, -I, -i, -q, -V, -x; ``-`` and a piped stdin; a
directory or zip with ``__main__.py``; frozen modules; the REPL through a pipe
and through a pseudo-terminal.  Each run is compared with ``python3`` given the
same options: stdout, stderr (with the program name swapped) and exit status.
"""

import os
import sys
import textwrap
import zipfile

import pytest

from evalframe_testing import run_evalframe, run_host

PROGRAM = os.path.realpath(sys.executable)


def _norm(text):
    # python names itself by its path in its own messages; evalframe says "evalframe"
    return text.replace(sys.executable, "evalframe").replace(PROGRAM, "evalframe")


def same(python_args, run_args=None, cwd=None, input=None):
    want = run_host(list(python_args), cwd=cwd, input=input)
    got = run_evalframe(["run"] + list(python_args if run_args is None else run_args),
                        cwd=cwd, input=input)
    assert (got.stdout, _norm(got.stderr), got.returncode) == \
        (want.stdout, _norm(want.stderr), want.returncode)
    return got


OPT_PROGRAM = """\
import sys
def f():
    "a docstring"
print(__debug__, f.__doc__, sys.flags.optimize)
try:
    assert False, "asserted"
except AssertionError as e:
    print("assert ran:", e)
"""


@pytest.mark.parametrize("flags", [[], ["-O"], ["-OO"], ["-O", "-O"]])
def test_optimize_levels(tmp_path, flags):
    prog = tmp_path / "opt.py"
    prog.write_text(OPT_PROGRAM)
    same(flags + [str(prog)])


def test_optimize_reaches_compile_builtin_and_imports(tmp_path):
    (tmp_path / "mod.py").write_text('def g():\n    "gdoc"\n    assert 0\n')
    same(["-OO", "-c", "import mod; print(mod.g.__doc__); mod.g(); "
          "print(compile('assert 0', 's', 'exec').co_consts)"], cwd=tmp_path)


def test_opt_cache_file_name(tmp_path):
    (tmp_path / "mod.py").write_text('x = 1\n')
    env_has_no_write = "PYTHONDONTWRITEBYTECODE" in os.environ
    got = run_evalframe(["run", "-OO", "-c", "import mod, sys; print(mod.__cached__)"],
                        cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    assert got.stdout.strip().endswith("mod.evalframe-310.opt-2.pyc")
    if not env_has_no_write:
        assert (tmp_path / "__pycache__" / "mod.evalframe-310.opt-2.pyc").exists()


@pytest.mark.parametrize("args", [
    ["-B", "-c", "import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)"],
    ["-u", "-c", "import sys; print(sys.stdout.write_through)"],
    ["-W", "error", "-c", "import warnings; warnings.warn('x')"],
    ["-Werror", "-c", "import warnings, sys; print(sys.warnoptions); warnings.warn('x')"],
    ["-X", "dev", "-c", "import sys; print(sys.flags.dev_mode, sys._xoptions)"],
    ["-Xfoo=bar", "-c", "import sys; print(sys._xoptions)"],
    ["-E", "-c", "import sys; print(sys.flags.ignore_environment)"],
    ["-I", "-c", "import sys; print(sys.flags.isolated, sys.path[0] != '')"],
    ["-bb", "-c", "print(b'' == '')"],
    ["-s", "-S", "-c", "import sys; print(sys.flags.no_site, sys.flags.no_user_site)"],
])
def test_interpreter_flags(args):
    same(args)


IMPORTTIME_PROGRAM = """\
import mymod
try:
    import nonexistent_mod
except ImportError as e:
    print("no", e.name)
def f():
    import csv
    return csv.QUOTE_ALL
print(f())
import collections.abc, email.utils, colorsys
"""


def _imported(stderr):
    """The module column of -X importtime's report, in order."""
    names = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and "imported package" not in line:
            names.append(line.rsplit("|", 1)[1].strip())
    return names


@pytest.mark.parametrize("policy", ["user", "all"])
def test_importtime_reports_the_programs_imports(tmp_path, policy):
    """-X importtime lists python's start-up imports and the program's, in the
    same order and nesting as python; none of evalframe's own (issue 11: the
    report began with about 150 lines of the VM's modules)."""
    (tmp_path / "prog.py").write_text(IMPORTTIME_PROGRAM)
    (tmp_path / "mymod.py").write_text("import shlex\n")
    want = run_host(["-X", "importtime", "prog.py"], cwd=tmp_path)
    got = run_evalframe(["run", "--vm-modules=" + policy, "-X", "importtime", "prog.py"],
                        cwd=tmp_path)
    assert got.returncode == want.returncode == 0, got.stderr
    assert got.stdout == want.stdout
    assert _imported(got.stderr) == _imported(want.stderr)
    assert "shlex" in _imported(got.stderr) and "email.utils" in _imported(got.stderr)
    assert not [n for n in _imported(got.stderr) if n.startswith("evalframe")]


def test_importtime_with_cold_bytecode_caches(tmp_path, monkeypatch):
    """With no cached bytecode (a fresh PYTHONPYCACHEPREFIX), the VM compiles
    the stdlib itself; its compiler's one-time data load once opened a text
    file with encoding="ascii" and the report listed encodings.ascii."""
    monkeypatch.setenv("PYTHONPYCACHEPREFIX", str(tmp_path / "pycache"))
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
    (tmp_path / "prog.py").write_text(IMPORTTIME_PROGRAM)
    (tmp_path / "mymod.py").write_text("import shlex\n")
    want = run_host(["-X", "importtime", "prog.py"], cwd=tmp_path)
    got = run_evalframe(["run", "--vm-modules=all", "-X", "importtime", "prog.py"],
                        cwd=tmp_path)
    assert got.returncode == want.returncode == 0, got.stderr
    assert _imported(got.stderr) == _imported(want.stderr)


@pytest.mark.parametrize("args", [["-V"], ["-VV"], ["--version"], ["-z"], ["-X"], ["-W"],
                                  ["-c"], ["-m"], ["-Oz", "x.py"], ["--foo"]])
def test_version_and_bad_options(args):
    want = run_host(args)
    got = run_evalframe(["run"] + args)
    assert got.returncode == want.returncode
    assert got.stdout == want.stdout
    # the first line is python's own sentence; the usage line names evalframe
    assert got.stderr.splitlines()[:1] == want.stderr.splitlines()[:1]
    if want.stderr:
        assert "evalframe run" in got.stderr


def test_skip_first_line(tmp_path):
    prog = tmp_path / "x.py"
    prog.write_text("this is not python\nprint(1)\n1/0\n")
    same(["-x", str(prog)])


def test_program_from_stdin_dash():
    same(["-", "a", "b"], input="import sys\nprint(sys.argv, repr(sys.path[0]))\n1/0\n")


def test_program_from_piped_stdin():
    same([], input="import sys\nprint(sys.argv, __name__)\nx = 1\nx\n")


def test_directory_with_main(tmp_path):
    d = tmp_path / "app"
    d.mkdir()
    (d / "__main__.py").write_text(textwrap.dedent("""\
        import sys, helper
        print(sys.argv, sys.path[0] == __file__.rsplit('/', 1)[0], __name__, helper.X)
        raise SystemExit(4)
        """))
    (d / "helper.py").write_text("X = 'helped'\n")
    got = same(["app", "arg"], cwd=tmp_path)
    assert got.returncode == 4


def test_zip_with_main(tmp_path):
    z = tmp_path / "app.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("__main__.py", "import sys\nprint(sys.argv, __name__)\n1/0\n")
    same(["app.zip", "x"], cwd=tmp_path)


def test_directory_without_main(tmp_path):
    (tmp_path / "empty").mkdir()
    got = same([str(tmp_path / "empty")])
    assert got.returncode == 1
    assert got.stderr.startswith("evalframe: can't find '__main__' module in ")


@pytest.mark.parametrize("mod", ["__hello__", "__phello__.spam", "__phello__"])
def test_frozen_modules(mod):
    same(["-m", mod])


def test_errors_name_evalframe(tmp_path):
    got = run_evalframe(["run", "-m", "no_such_module_xyz"])
    assert got.stderr == "evalframe: No module named no_such_module_xyz\n"
    got = run_evalframe(["run", str(tmp_path / "missing.py")])
    assert got.stderr.startswith("evalframe: can't open file ")


# -- the REPL -------------------------------------------------------------------

REPL_INPUT = textwrap.dedent("""\
    x = 6
    x * 7
    for i in range(2):
        print(i)

    def f(:
    1/0
    import sys; sys.ps1
    print("end")
    """)


@pytest.mark.parametrize("flags", [["-i"], ["-i", "-q"], ["-q", "-i", "-"]])
def test_repl_through_a_pipe(flags):
    # banner, prompts (stderr), results (stdout), tracebacks, syntax errors
    same(flags, input=REPL_INPUT)


def test_repl_after_program(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text("y = 5\nimport sys\nsys.exit(3)\n")
    same(["-i", str(prog)], input="y + 1\n")
    same(["-i", "-c", "z = 1; 1/0"], input="z\n")


@pytest.mark.parametrize("flags", [["-i"], ["-q", "-i"], []])
def test_repl_with_no_input(flags):
    # EOF before any statement (the REPL's state must not need one to have run)
    same(flags, input="")


def test_repl_exit_statuses():
    same(["-i"], input="import sys\nsys.exit(7)\nprint('not reached')\n")
    same(["-q", "-i"], input="raise KeyboardInterrupt\n")
    same(["-q", "-i"], input="raise KeyboardInterrupt\nprint(2)\n")


def test_repl_runs_in_the_vm():
    # 3.10 bytecode (BINARY_ADD) on every host: evalframe compiled the statement
    got = run_evalframe(["run", "-q", "-i"], input=(
        "def g(a): return a + 1\n\n"
        "print(g.__code__.co_code.hex())\n"))
    # LOAD_FAST 0, LOAD_CONST 1, BINARY_ADD, RETURN_VALUE
    assert got.stdout == "7c00640117005300\n", got


def test_repl_on_a_terminal(tmp_path):
    from seeing._pty import PtySession
    # readline's history file goes to HOME; no colours (3.13 colours tracebacks);
    # the classic REPL on 3.13 too (its PyREPL: test_pyrepl_on_a_313_terminal)
    home = {"HOME": str(tmp_path), "PYTHON_COLORS": "0", "PYTHON_BASIC_REPL": "1"}
    session = PtySession(["-m", "evalframe", "run"], cwd=tmp_path, extra_env=home)
    session.read_until(">>> ")
    session.send("value = 21")
    session.read_until(">>> ")
    session.send("value * 2")
    out = session.read_until(">>> ")
    assert "42" in out
    session.send("valu\t\t")       # tab completion over __main__ (rlcompleter)
    out = session.read_until(">>> ", timeout=30)
    assert "value" in out
    session.send("1/0")
    out = session.read_until(">>> ")
    assert "ZeroDivisionError: division by zero" in out
    assert 'File "<stdin>", line 1, in <module>' in out
    os.write(session.master, b"\x04")   # Ctrl-D ends the REPL with status 0
    assert session.finish() == 0


def test_repl_history_on_a_terminal(tmp_path):
    from seeing._pty import PtySession
    home = {"HOME": str(tmp_path), "PYTHON_COLORS": "0", "PYTHON_BASIC_REPL": "1"}
    session = PtySession(["-m", "evalframe", "run", "-q"], cwd=tmp_path, extra_env=home)
    session.read_until(">>> ")
    session.send("print('remembered', 6 * 7)")
    assert "remembered 42" in session.read_until(">>> ")
    os.write(session.master, b"\x04")
    assert session.finish() == 0
    history = (tmp_path / ".python_history").read_text()
    assert "print('remembered', 6 * 7)" in history
    # a new session: the up arrow brings the line back
    session = PtySession(["-m", "evalframe", "run", "-q"], cwd=tmp_path, extra_env=home)
    session.read_until(">>> ")
    os.write(session.master, b"\x1b[A\n")
    assert "remembered 42" in session.read_until(">>> ")
    os.write(session.master, b"\x04")
    assert session.finish() == 0


def test_repl_interrupts_on_a_terminal(tmp_path):
    # SIGINT at the prompt and during a running statement, as python's REPL
    import signal
    import time
    from seeing._pty import PtySession
    outputs = []
    for args in (["-q", "-i"], ["-m", "evalframe", "run", "-q"]):
        # evalframe's REPL is python's classic one (3.13's new one is not copied)
        session = PtySession(args, cwd=tmp_path, extra_env={
            "HOME": str(tmp_path), "PYTHON_COLORS": "0", "PYTHON_BASIC_REPL": "1"})
        session.read_until(">>> ")
        time.sleep(0.3)
        session.proc.send_signal(signal.SIGINT)
        at_prompt = session.read_until(">>> ")
        session.send("while True: pass")
        session.read_until("... ")
        session.send("")
        time.sleep(1.0)
        session.proc.send_signal(signal.SIGINT)
        in_loop = session.read_until(">>> ")
        os.write(session.master, b"\x04")
        # (which instruction the interrupt lands on decides 3.11+'s caret line:
        # not part of what is compared)
        in_loop = "".join(line for line in in_loop.splitlines(True)
                          if line.strip(" ^~\n"))
        outputs.append((at_prompt, in_loop, session.finish()))
    assert outputs[1] == outputs[0]
    assert outputs[0][0] == "\nKeyboardInterrupt\n>>> "
    assert outputs[0][1].endswith("KeyboardInterrupt\n>>> ")


# -- 3.13's REPL (PyREPL) -----------------------------------------------------------------

def _python313():
    import glob
    import shutil
    if sys.version_info[:2] == (3, 13):
        return sys.executable
    # (pyenv's interpreters before PATH: a pyenv shim of another version fails)
    found = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.13*/bin/python3.13")))
    found = found[-1] if found else shutil.which("python3.13")
    if not found or ".pyenv/shims" in found:
        pytest.skip("needs a CPython 3.13 interpreter (PyREPL); none found")
    return found


def _pyrepl_session(python, args, home, keys):
    """Type ``keys`` into ``python args`` on a pseudo-terminal, each once the
    REPL has answered the one before; the output without terminal escapes,
    and the exit status.

    What "answered" means is read from the output, not from the clock (a
    loaded machine made the VM's answer come later than a fixed quiet time,
    and the next key went in early): a key ending a line is answered by a
    new prompt ending the output, any other (a tab, an arrow) by some
    output; ``^D`` by the end of the output."""
    import pty
    import re
    import select
    import subprocess
    import time
    master, slave = pty.openpty()
    env = dict(os.environ, HOME=str(home), PYTHON_COLORS="0", TERM="xterm",
               PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for name in ("PYTHON_BASIC_REPL", "PYTHONSTARTUP", "PYTHONINSPECT"):
        env.pop(name, None)
    proc = subprocess.Popen([python] + list(args), stdin=slave, stdout=slave, stderr=slave,
                            env=env, close_fds=True)
    os.close(slave)
    out = b""

    def plain(data):
        text = re.sub(r"\x1b(\[[0-9;?]*[a-zA-Z]|[=>])", "", data.decode("utf-8", "replace"))
        return text.replace("\r\n", "\n").replace("\r", "")

    def read_until(answered, limit=300):
        # read until answered(the output since the call) has held for a
        # moment (a repaint may follow), the output ends, or ``limit`` passes
        nonlocal out
        first = len(out)
        start = time.monotonic()
        since = None
        while time.monotonic() - start < limit:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    return
                if not data:
                    return
                out += data
                since = None
            if answered(plain(out[first:])):
                if since is None:
                    since = time.monotonic()
                elif time.monotonic() - since >= 0.3:
                    return
            else:
                since = None

    def prompted(text):
        return text.endswith(">>> ")

    read_until(prompted)
    for key in keys:
        os.write(master, key)
        if key == b"\x04":
            read_until(lambda text: False)
        elif key.endswith(b"\r"):
            read_until(prompted)
        else:
            read_until(bool)
    try:
        status = proc.wait(timeout=300)
    finally:
        os.close(master)
    return plain(out), status


PYREPL_KEYS = [b"value = 21\r", b"value * 2\r",
               b"import types; type((lambda: 0).__code__) is types.CodeType\r",
               b"def f(x):\rreturn x + 1\r\r", b"f(1)\r",
               b"valu\t", b"\r",          # tab completion over __main__
               b"1/0\r", b"\x04"]


def test_pyrepl_on_a_313_terminal(tmp_path):
    """On a 3.13 terminal ``evalframe run`` is python's PyREPL (multi-line
    editing, auto-indent, completion, <python-input-N> tracebacks) with every
    statement compiled by evalframe and run in the VM (issue 11: it was the
    classic REPL)."""
    python = _python313()
    (tmp_path / "host").mkdir()
    (tmp_path / "vm").mkdir()
    want, wstatus = _pyrepl_session(python, ["-q"], tmp_path / "host", PYREPL_KEYS)
    got, gstatus = _pyrepl_session(python, ["-m", "evalframe", "run", "-q"], tmp_path / "vm",
                                   PYREPL_KEYS)
    assert (gstatus, wstatus) == (0, 0), got
    # the one line that differs: the statement's code object is the VM's
    assert "\nTrue\n" in want and "\nFalse\n" in got and "\nTrue\n" not in got
    assert got.replace("\nFalse\n", "\nTrue\n") == want, (got, want)
    assert "\n42\n" in got and "\n2\n" in got and "\n21\n" in got       # value completed
    assert 'File "<python-input-6>", line 1, in <module>' in got
    assert "ZeroDivisionError: division by zero" in got


def test_pyrepl_history_on_a_313_terminal(tmp_path):
    python = _python313()
    args = ["-m", "evalframe", "run", "-q"]
    out, status = _pyrepl_session(python, args, tmp_path,
                                  [b"print('remembered', 6 * 7)\r", b"\x04"])
    assert status == 0 and "remembered 42" in out, out
    assert "print('remembered', 6 * 7)" in (tmp_path / ".python_history").read_text()
    # a new session: the up arrow (keypad mode) brings the line back
    out, status = _pyrepl_session(python, args, tmp_path, [b"\x1bOA", b"\r", b"\x04"])
    assert status == 0 and "remembered 42" in out, out
