"""Issue 10 point 3 (and the signal part of point 2): signal handlers run at
guest instruction boundaries, never inside the VM's own bookkeeping, and see
guest frames."""

import pytest

from ._support import MODES, host, vm, same


@pytest.mark.parametrize("mode", sorted(MODES))
def test_sigint_during_unwinding_is_caught_20_of_20(mode):
    # the program: CPython catches the interrupt 20 times of 20; the
    # VM caught it 8 of 20 (KeyboardInterrupt raised inside its unwinding)
    h = host("sigint_unwinding.py")
    assert h.stdout == "caught 20 of 20\n", h.stderr
    same(h, vm("sigint_unwinding.py", extra_env=MODES[mode]))


@pytest.mark.parametrize("mode", sorted(MODES))
def test_guest_handler_sees_guest_frames(mode):
    h = host("signal_handler_frame.py")
    assert h.returncode == 0, h.stderr
    same(h, vm("signal_handler_frame.py", extra_env=MODES[mode]))
