"""The differential guest-program corpus: every program, host CPython vs evalframe.

Each ``programs/*.py`` runs as ``python prog.py`` and as
``python -m evalframe run prog.py`` (cwd = the program's folder, PYTHONHASHSEED=0,
the same environment); stdout, stderr (tracebacks included, exactly) and the exit
status must be equal.  Mirrors CPython's own habit of checking behaviour by
running whole programs (Lib/test/test_cmd_line_script.py), with the host as the
oracle.
"""

import pytest

from guestrun import (explain_difference, host_skip_reason, list_programs,
                      parse_markers, run_evalframe, run_host)

PROGRAMS = list_programs()


def test_corpus_is_present():
    # A glob that silently matched nothing would make every other test vanish.
    assert len(PROGRAMS) >= 180, len(PROGRAMS)


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_program(path):
    markers = parse_markers(path)
    reason = host_skip_reason(markers)
    if reason:
        pytest.skip(reason)
    expected = run_host(path, markers["argv"])
    actual = run_evalframe(path, markers["argv"])
    if expected != actual:
        pytest.fail("%s: evalframe differs from the host\n%s"
                    % (path.name, explain_difference(expected, actual)), pytrace=False)
