"""Runaway recursion through C code under a very high recursion limit ends in
one RecursionError per path with room to spare on the host's C stack.

Each nested entry of the VM from C code (a dunder slot, a key function, a map
callback calling a guest function) costs host C stack; funcobject's cap of such
entries (``_MAX_C_REENTRY``) must refuse the next one before the stack runs out.
On 3.13 the cap was 1500 until the nineteenth session: about 8 MB at 5.4 KB an
entry, so the 8 MB default stack overflowed now and then (a host crash in a
whole-suite run) and a 7 MB one every time.  The program runs here under a
stack 1 MB smaller than the usual 8 MB: the cap must leave that much.
"""

import os
import resource
import subprocess
import sys

import pytest

from ._support import PROGRAMS, env

STACK_KB = 7 * 1024


def _smaller_stack():
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    want = STACK_KB * 1024
    if hard != resource.RLIM_INFINITY and hard < want:
        want = hard
    resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
    # (the CPU bound every test subprocess gets: evalframe_testing.run_limited)
    resource.setrlimit(resource.RLIMIT_CPU, (300, 300))


@pytest.mark.skipif(sys.version_info < (3, 11),
                    reason="3.10's entries take about 7.5 KB of C stack each: its cap of "
                           "1010 (every default-limit recursion runs as in CPython) needs "
                           "nearly all of 8 MB (docs/boundary.md, Recursion depth)")
def test_recursion_through_c_leaves_a_megabyte_of_stack():
    proc = subprocess.run([sys.executable, "-m", "evalframe", "run",
                           os.path.join(PROGRAMS, "recursion_through_c_high_limit.py")],
                          preexec_fn=_smaller_stack, capture_output=True, text=True,
                          env=env(), cwd=PROGRAMS, timeout=600)
    assert (proc.stdout, proc.stderr, proc.returncode) == (
        "".join("%s RecursionError\n" % n for n in ("sorted", "getattr", "eq", "str", "map")),
        "", 0)
