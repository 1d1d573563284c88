"""Tier 2's lean stores written as CPython compiles them (interpreter/t2peep.py),
checked where only an untraced run can check them.

tests/vm/untraced_programs/tier2_direct_stores.py records the line a finalizer run
by a store (of a local, of each unpack target, of an in-place result) sees.  Under
a tracer those values die later, at the next line event (the frame's locals
mapping is synced then and holds the old values, as CPython 3.10 does), so the
program is not in the guest corpus, which every execution mode runs
(settrace-noop too): here it runs untraced, with tier 2 eager and on demand,
against the host CPython.
"""

import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROGRAM = os.path.join(HERE, "untraced_programs", "tier2_direct_stores.py")


def _run(argv, tier2):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8",
               PYTHONDONTWRITEBYTECODE="1", EVALFRAME_TIER2=tier2)
    env.pop("EVALFRAME_SETTRACE_NOOP", None)
    env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.run([sys.executable] + argv, cwd=os.path.dirname(PROGRAM), env=env,
                          capture_output=True, text=True, timeout=300)
    return proc.stdout, proc.stderr, proc.returncode


@pytest.mark.parametrize("tier2", ["auto", "eager"])
def test_direct_stores_keep_each_instruction_line(tier2):
    host = _run([PROGRAM], tier2)
    assert host[2] == 0, host
    assert _run(["-m", "evalframe", "run", PROGRAM], tier2) == host
