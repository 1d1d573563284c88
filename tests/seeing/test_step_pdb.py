"""The interactive tools through a pseudo-terminal: ``evalframe step`` and ``run --pdb``."""

from ._pty import PtySession
from ._run import write_program

PROGRAM = """\
def outer(n):
    total = 0
    def inner(k):
        return k * n
    for i in range(n):
        total += inner(i)
    return total

r = outer(3)
print('result', r)
"""


def test_stepper_session(tmp_path):
    prog = write_program(tmp_path, PROGRAM)
    s = PtySession(["-m", "evalframe", "step", prog])
    first = s.read_until("(step) ")
    assert "offset 0: LOAD_CONST 0 (<code object outer>)" in first
    s.send("s")
    assert "offset 2: LOAD_CONST 1 ('outer')" in s.read_until("(step) ")
    s.send("si")
    out = s.read_until("(step) ")
    assert "MAKE_FUNCTION" in out and "stack: [<code object outer>, 'outer']" in out
    s.send("stack")
    assert "[1] 'outer'   <- top" in s.read_until("(step) ")
    s.send("b 6")
    assert "Breakpoint at prog.py:6" in s.read_until("(step) ")
    s.send("c")
    out = s.read_until("(step) ")
    assert "(6)outer() offset 28: LOAD_FAST 1 (total)" in out
    assert "-> total += inner(i)" in out
    s.send("bt")
    out = s.read_until("(step) ")
    assert ">#0 outer at prog.py:6" in out and "#1 <module> at prog.py:9" in out
    s.send("locals")
    out = s.read_until("(step) ")
    assert "n = 3 (in its cell)" in out and "total = 0" in out and "i = 0" in out
    s.send("cells")
    assert "cell n = 3" in s.read_until("(step) ")
    s.send("p total + 100")
    assert "100" in s.read_until("(step) ")
    s.send("p inner(5)")                  # a guest call, run by the VM in this frame
    assert "15" in s.read_until("(step) ")
    s.send("p undefined_name")
    assert "NameError: name 'undefined_name' is not defined" in s.read_until("(step) ")
    s.send("cl 6")
    s.read_until("(step) ")
    s.send("n")
    assert "(5)outer() offset 24: FOR_ITER" in s.read_until("(step) ")
    s.send("o")
    out = s.read_until("(step) ")
    assert "(9)<module>()" in out and "STORE_NAME" in out and "stack: [9]" in out
    s.send("globals")
    assert "outer = <function outer>" in s.read_until("(step) ")
    s.send("c")
    assert s.finish() == 0
    assert "result 9" in s.buffer


def test_stepper_quit(tmp_path):
    prog = write_program(tmp_path, PROGRAM)
    s = PtySession(["-m", "evalframe", "step", prog])
    s.read_until("(step) ")
    s.send("q")
    assert s.finish() == 0
    assert "result" not in s.buffer


def _pdb_session(prog, module_entry):
    if module_entry:
        return PtySession(["-m", "evalframe.tools.debugger", prog])
    return PtySession(["-m", "evalframe", "run", "--pdb", prog])


def _check_pdb(s):
    out = s.read_until("(Pdb) ")
    assert "prog.py(1)<module>()" in out and "-> def outer(n):" in out
    s.send("n")
    assert "prog.py(9)<module>()" in s.read_until("(Pdb) ")
    s.send("s")
    out = s.read_until("(Pdb) ")
    assert "--Call--" in out and "prog.py(1)outer()" in out
    s.send("n")
    s.read_until("(Pdb) ")
    s.send("n")
    assert "prog.py(3)outer()" in s.read_until("(Pdb) ")
    s.send("p n, total")
    assert "(3, 0)" in s.read_until("(Pdb) ")
    s.send("b 4")
    s.read_until("(Pdb) ")
    s.send("c")
    out = s.read_until("(Pdb) ")
    assert "prog.py(4)inner()" in out
    s.send("p k")
    assert "0" in s.read_until("(Pdb) ")
    s.send("where")
    out = s.read_until("(Pdb) ")
    assert "outer()" in out and "inner()" in out
    s.send("cl 1")
    s.read_until("(Pdb) ")
    s.send("c")
    assert s.finish() == 0
    assert "result 9" in s.buffer


def test_pdb_through_the_debugger_entry(tmp_path):
    prog = write_program(tmp_path, PROGRAM)
    _check_pdb(_pdb_session(prog, True))


def test_run_pdb(tmp_path):
    """The acceptance path: ``evalframe run --pdb`` (pythonrun calls run_with_pdb)."""
    prog = write_program(tmp_path, PROGRAM)
    _check_pdb(_pdb_session(prog, False))
