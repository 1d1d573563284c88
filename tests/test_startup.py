"""Start-up (docs/vm.md, "Start-up"): what evalframe does to start quickly
leaves nothing a guest can see.

The VM no longer imports ``dis`` (nor, through the guest ``dis`` routing,
``inspect``) at start: a guest's ``import dis`` imports no ``inspect``, as on
CPython, and ``dis`` still shows guest code as 3.10 bytecode, also when imported
by ``importlib.import_module``.  Nor ``ast.py`` (the compiler uses ``_ast``),
``opcode`` or ``importlib.abc``: what used them still works.  (``signal``, now routed once imported:
tests/guest/programs/signal_routed_late.py.)

No timings here (bench/run.py measures start-up).
"""

import pytest

from evalframe_testing import run_evalframe, run_host


def _as_on_host(prog):
    want = run_host(["-c", prog])
    got = run_evalframe(["run", "-c", prog])
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, "", 0)


def test_import_dis_imports_no_inspect():
    _as_on_host("import sys, dis\n"
                "print('inspect' in sys.modules, 'dis' in sys.modules)\n")


# importlib.import_module runs the late patches as an import statement does
# (signal, dis, inspect, traceback are routed once imported): before, the host's
# dis read the guest's 3.10 bytecode with its own table
@pytest.mark.parametrize("importing", ["import dis\n",
                                       "import importlib\ndis = importlib.import_module('dis')\n"])
def test_dis_of_guest_code_still_routed(importing):
    prog = (importing +
            "def f(x):\n"
            "    return x + 1\n"
            "dis.dis(f)\n")
    got = run_evalframe(["run", "-c", prog])
    assert got.returncode == 0, got.stderr
    # the VM's code holds 3.10 bytecode on every host (3.11+'s own dis would
    # print BINARY_OP for it, or fail)
    assert "BINARY_ADD" in got.stdout and "BINARY_OP" not in got.stdout, got.stdout


def test_start_imports_only_what_python_does():
    # The compiler needs only ``_ast``'s node classes, the traceback stand-in no
    # opcode table, the signal routing only ``_signal``, the VM's finder no
    # ``importlib.abc`` (which imports inspect, dis and ast on 3.12+): an empty
    # program's process has none of them loaded, as on CPython (whose site may
    # import more: compared)
    _as_on_host("import sys\n"
                "print([m in sys.modules for m in ('ast', 'opcode', 'signal', "
                "'importlib.abc', 'inspect', 'dis')])\n")


def test_vm_finder_is_a_meta_path_finder_once_abc_is_imported():
    prog = ("import sys, importlib.abc\n"
            "print([isinstance(f, importlib.abc.MetaPathFinder) for f in sys.meta_path\n"
            "       if type(f).__name__ == 'VMFinder'])\n"
            "importlib.invalidate_caches()\n")
    got = run_evalframe(["run", "-c", prog])
    assert (got.stdout, got.stderr, got.returncode) == ("[True]\n", "", 0)


def test_compile_and_future_annotations_without_ast_at_start():
    # what the compiler took from ast.py before: parse (compile with
    # PyCF_ONLY_AST), annotations as strings (ast's unparser, imported then)
    _as_on_host("from __future__ import annotations\n"
                "import sys\n"
                "def f(a: 'x' or y and z, *b: list[int]) -> dict[str, (1, 2)]: pass\n"
                "print(f.__annotations__)\n"
                "t = compile('a = 1', '<s>', 'exec', 0x400)\n"
                "print(type(t).__name__, type(t.body[0]).__name__)\n")
