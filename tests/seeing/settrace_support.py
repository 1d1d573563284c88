"""Running the settrace corpus under CPython 3.10 and under evalframe.

Each program of ``settrace_corpus/`` is run by ``settrace_recorder.py``, which
records its sys.settrace event sequence into a JSON file; the program's own
stdout is kept too.  ``record_reference()`` does it with CPython 3.10 (the
reference behaviour the adapter in evalframe/runtime/settrace.py reproduces) and
``record_evalframe()`` with ``python -m evalframe run``.  ``python
tests/seeing/settrace_support.py`` rewrites the stored references in
``settrace_corpus/expected/`` from CPython 3.10.
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "settrace_corpus")
EXPECTED = os.path.join(CORPUS, "expected")
RECORDER = os.path.join(HERE, "settrace_recorder.py")
sys.path.insert(0, ROOT)


def corpus_programs():
    return sorted(name[:-3] for name in os.listdir(CORPUS) if name.endswith(".py"))


_REF = []


def reference_or_skip():
    """The CPython 3.10 command; skips the calling test with a reason where it is absent."""
    import pytest
    from evalframe.reference import reference_python
    if not _REF:
        _REF.append(reference_python())
    if _REF[0] is None:
        pytest.skip("CPython 3.10 is not installed (evalframe.reference.reference_python() is None)")
    return _REF[0]


def _env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = ROOT
    for name in ("PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONINSPECT"):
        env.pop(name, None)
    return env


def _record(command, name, env, timeout):
    """Run the recorder on program ``name``: {'outcome', 'events', 'stdout'}."""
    # The program is named by its path relative to the corpus directory and run
    # from there, so co_filename is the same on both engines.
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "events.json")
        proc = subprocess.run(command + [RECORDER, name + ".py", out], cwd=CORPUS,
                              env=env, capture_output=True, text=True, timeout=timeout)
        if not os.path.exists(out):
            raise AssertionError("recorder produced no events (status %d)\nstdout:\n%s\nstderr:\n%s"
                                 % (proc.returncode, proc.stdout, proc.stderr))
        with open(out, encoding="utf-8") as f:
            result = json.load(f)
    result["stdout"] = proc.stdout
    result["events"] = [tuple(e) for e in result["events"]]
    return result


def record_reference(name, python, timeout=60):
    env = _env()
    env["PYENV_VERSION"] = "3.10.13"
    return _record(list(python), name, env, timeout)


# ``evalframe run`` with the settrace adapter installed explicitly (install()
# is idempotent; once the runtime installs it itself this is the plain command).
_EVALFRAME_RUN = ("import sys; from evalframe.runtime import settrace; settrace.install(); "
                  "from evalframe.cli import main; sys.exit(main(['run'] + sys.argv[1:]))")


def record_evalframe(name, timeout=120, plain=False):
    if plain:
        command = [sys.executable, "-m", "evalframe", "run"]
    else:
        command = [sys.executable, "-c", _EVALFRAME_RUN]
    return _record(command, name, _env(), timeout)


# XXX evalframe's own object types show their Python class names to the guest
# ('Function', 'Cell', ...) where CPython's say 'function', 'cell'.  That is a
# VM fidelity issue (reported to the vm engineer, and visible to the guest
# corpus), not a tracing one, so the event comparison maps the names.
_VM_TYPE_NAMES = {"<Function>": "<function>", "<Cell>": "<cell>",
                  "<Generator>": "<generator>", "<Coroutine>": "<coroutine>",
                  "<AsyncGenerator>": "<async_generator>", "<Frame>": "<frame>",
                  "<Code>": "<code>"}


def normalize(events):
    return [tuple(_VM_TYPE_NAMES.get(x, x) if isinstance(x, str) else x for x in e)
            for e in events]


def load_expected(name):
    with open(os.path.join(EXPECTED, name + ".json"), encoding="utf-8") as f:
        result = json.load(f)
    result["events"] = [tuple(e) for e in result["events"]]
    return result


def save_expected(name, result):
    os.makedirs(EXPECTED, exist_ok=True)
    with open(os.path.join(EXPECTED, name + ".json"), "w", encoding="utf-8") as f:
        f.write('{"outcome": %s,\n "stdout": %s,\n "events": [\n'
                % (json.dumps(result["outcome"]), json.dumps(result["stdout"])))
        f.write(",\n".join("  " + json.dumps(list(e)) for e in result["events"]))
        f.write("\n]}\n")


def diff_events(expected, actual, context=3):
    """A short text showing where two event sequences first differ ('' if equal)."""
    for i, (a, b) in enumerate(zip(expected, actual)):
        if tuple(a) != tuple(b):
            break
    else:
        if len(expected) == len(actual):
            return ""
        i = min(len(expected), len(actual))
    lo = max(0, i - context)
    lines = ["first difference at event %d" % i]
    for j in range(lo, min(i + context + 1, max(len(expected), len(actual)))):
        e = expected[j] if j < len(expected) else "-"
        a = actual[j] if j < len(actual) else "-"
        mark = "!" if j >= i else " "
        lines.append("%s %4d  3.10: %-50s evalframe: %s" % (mark, j, e, a))
    return "\n".join(lines)


if __name__ == "__main__":
    from evalframe.reference import reference_python
    python = reference_python()
    if python is None:
        sys.exit("CPython 3.10 is not available")
    for name in corpus_programs():
        save_expected(name, record_reference(name, python))
        print("recorded", name)
