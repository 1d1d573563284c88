"""asyncio with guest coroutines: the host's event loop, tasks, gather, timeouts and
cancellation driving coroutines that evalframe compiled and runs.

The program (asyncio_program.py) is run by the host CPython and by
``evalframe run``; stdout, stderr and the exit status must agree.  With the
``user`` policy asyncio itself is host code, so this checks that guest
coroutine, async generator and async context manager objects interoperate with
the host's Task (``send``/``throw``/``close``, ``__await__``, cancellation).
"""

import shutil
from pathlib import Path

import pytest

from ._support import assert_same, require_pipeline, run_evalframe, run_host

PROGRAM = Path(__file__).with_name("asyncio_program.py")


@pytest.fixture
def program(tmp_path):
    require_pipeline()
    target = tmp_path / PROGRAM.name
    shutil.copy(PROGRAM, target)
    return target


def test_asyncio_program_matches_cpython(program):
    host = run_host([program.name], program.parent)
    assert host.status == 0 and host.stdout.endswith("done\n"), host
    assert_same(host, run_evalframe([program.name], program.parent))


def test_uncaught_exception_through_asyncio_run(program):
    host = run_host([program.name, "uncaught"], program.parent)
    assert host.status == 1 and "RuntimeError: escapes asyncio.run" in host.stderr, host
    assert_same(host, run_evalframe([program.name, "uncaught"], program.parent))
