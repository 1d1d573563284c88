"""interpreter/frameswitch.py: the frame push and pop written once.

The traced loop and ceval._unwind call the definitions; the plain loop has
copies generated from them inline.  A copy edited by hand, or a definition
changed without regenerating, fails here; so does a loop that switches frames
on its own again (``tstate.depth`` moved outside the copies).
"""

import pathlib
import re

from evalframe.interpreter import frameswitch, ceval, traced

INTERPRETER = pathlib.Path(frameswitch.__file__).parent


def test_the_plain_loops_copies_are_current():
    for path in frameswitch.COPIES:
        text = pathlib.Path(path).read_text()
        assert frameswitch.regenerate(text) == text, \
            "stale: run python -m evalframe.interpreter.frameswitch"


def test_the_plain_loop_has_a_copy_of_each_definition():
    text = pathlib.Path(ceval.__file__).read_text()
    names = frameswitch.blocks(text)
    assert set(names) == set(frameswitch.DEFINITIONS)
    # (the call's push, the returns of a frame and of an inlined generator,
    # an inlined generator's yield; a returned frame parked)
    assert names.count("enter") == 1 and names.count("leave") == 3
    assert names.count("park") == 1


def test_a_hand_edit_is_found():
    text = pathlib.Path(ceval.__file__).read_text()
    edited = text.replace("                            r._f_back = f\n",
                          "                            r._f_back = f  # edited\n", 1)
    assert edited != text
    assert frameswitch.regenerate(edited) == text


def _outside_copies(text):
    return frameswitch.block_pattern().sub("", text)


def test_no_other_frame_switch_in_the_loops():
    """``tstate.depth`` changes by one only in the generated copies and the
    definitions, but for the push of an inlined generator's frame (ceval's
    generator resumption, which has no recursion check of its own)."""
    for module in (ceval, traced):
        text = _outside_copies(pathlib.Path(module.__file__).read_text())
        assert not re.search(r"tstate\.depth -= 1", text), module.__name__
        pushes = re.findall(r"tstate\.depth \+= 1", text)
        assert len(pushes) == (1 if module is ceval else 0), module.__name__
    traced_text = pathlib.Path(traced.__file__).read_text()
    assert "enter(tstate, f, callee)" in traced_text
    assert traced_text.count("leave(tstate, f)") == 3
    # (and a returned frame is parked by the one definition, not inline)
    assert "co_zombieframe =" not in _outside_copies(pathlib.Path(ceval.__file__).read_text())
    assert "dealloc(done, 1)" in traced_text


def test_inline_renames_and_inserts_before_raise():
    src = frameswitch.inline("enter", "ts, a, b", "ip = 0", "  ")
    assert src.splitlines() == [
        "  if ts.depth >= ts.recursion_limit:",
        "      ip = 0",
        "      raise recursion_error()",
        "  ts.depth += 1",
        "  b._f_back = a",
        "  ts.frame = b",
    ]
