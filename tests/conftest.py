"""pytest configuration shared by every test directory.

Helpers live in tests/evalframe_testing.py (a unique name, since several test
directories have a conftest.py of their own); this file makes them importable.
"""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


# The smoke subset CI also runs on CPython 3.10, 3.12 and 3.13 hosts (`pytest -m smoke`):
# whole files that are quick, plus a spread of guest programs.  The host's `ast`
# and runtime differ between versions, so each part of the pipeline is touched.
SMOKE_FILES = (
    "tests/test_cli.py",
    "tests/compiler/test_golden.py",
    "tests/compiler/test_compile_errors.py",
    "tests/vm/test_objects.py",
    "tests/vm/test_recursion.py",
    "tests/vm/test_tracebacks.py",
    "tests/tools/test_disasm.py",
    "tests/seeing/test_explain.py",
    "tests/imports/test_imports_vm.py",
    "tests/boundary/test_introspection.py",     # (3.10 keeps a re-raise's traceback apart)
    "tests/boundary/test_embed.py",
    "tests/boundary/test_c_stack_margin.py",    # (each host spends its own C stack an entry)
    "tests/vm/test_gen_exc_programs.py",        # (3.13: unawaited asend/athrow, class attributes)
    "tests/seeing/test_pytutor.py",             # (3.10's traces: no 3.13 class attributes)
)
SMOKE_PROGRAMS = (
    "arith", "closures", "class", "exc", "generators", "comprehension", "match",
    "async", "exit_", "decorators", "fstring", "recursion", "super", "unpack",
    "declared_opcodes",    # (every opcode's errors, in the host's words)
    "gen_tier2_super",     # (3.12+: super().name is LOAD_SUPER_ATTR, its errors)
    # (what CPython 3.13's compiler and runtime add: cleaned docstrings, a
    # class's __firstlineno__ and __static_attributes__, unawaited asend/athrow)
    "docstrings", "introspect_namespaces", "class_namespace_313", "async_unawaited_methods",
)


def pytest_collection_modifyitems(config, items):
    import pytest
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for item in items:
        rel = os.path.relpath(str(item.fspath), root).replace(os.sep, "/")
        if rel in SMOKE_FILES:
            item.add_marker(pytest.mark.smoke)
        elif rel == "tests/guest/test_programs.py":
            param = item.name.partition("[")[2]
            if any(param.startswith(p) for p in SMOKE_PROGRAMS):
                item.add_marker(pytest.mark.smoke)


# -- execution modes ------------------------------------------------------------------
# The VM reads its execution mode from the environment (so subprocesses running
# `evalframe run` get it too).  `--evalframe-mode NAME` sets exactly that mode's
# variables (and clears the others) before any test imports evalframe; the mode
# in force is printed in the header and again beside the result counts, so a mode
# run is labelled in CI's output.  .ci/run loops over these modes.
EVALFRAME_MODES = {
    "default": {},
    "no-fusion": {"EVALFRAME_NO_SUPERINSTRUCTIONS": "1"},
    "eager-fusion": {"EVALFRAME_EAGER_SUPERINSTRUCTIONS": "1"},
    "tier2-eager": {"EVALFRAME_TIER2": "eager"},
    "settrace-noop": {"EVALFRAME_SETTRACE_NOOP": "lines"},
}
_MODE_VARS = sorted({k for env in EVALFRAME_MODES.values() for k in env})


def pytest_addoption(parser):
    parser.addoption("--evalframe-mode", choices=sorted(EVALFRAME_MODES), default=None,
                     help="run the tests in this evalframe execution mode (sets its "
                          "EVALFRAME_* environment variables; default: the environment's)")


def evalframe_mode_label():
    """'NAME (VAR=value ...)' for the EVALFRAME_* mode variables now set."""
    env = {k: os.environ[k] for k in _MODE_VARS if os.environ.get(k)}
    names = [n for n, e in EVALFRAME_MODES.items() if e == env]
    detail = " ".join("%s=%s" % kv for kv in sorted(env.items()))
    return "%s%s" % (names[0] if names else "custom", " (%s)" % detail if detail else "")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "evalframe_untraced: checks the untraced loop itself, so settrace-noop "
                   "mode does not attach its in-process tracer for this test")
    mode = config.getoption("--evalframe-mode")
    if mode is None:
        return
    if mode == "tier2-eager":
        import importlib.util
        if importlib.util.find_spec("evalframe.interpreter.tier2") is None:
            raise pytest.UsageError("--evalframe-mode tier2-eager: evalframe.interpreter.tier2 "
                                     "does not exist in this tree")
    for key in _MODE_VARS:
        os.environ.pop(key, None)
    os.environ.update(EVALFRAME_MODES[mode])


def pytest_report_header(config):
    return "evalframe execution mode: " + evalframe_mode_label()


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_sep("-", "evalframe execution mode: " + evalframe_mode_label())


@pytest.fixture(autouse=True)
def evalframe_settrace_noop(request):
    """In-process VM runs get the do-nothing tracer of EVALFRAME_SETTRACE_NOOP
    too (subprocesses get it from `evalframe run`); removed after the test."""
    if (not os.environ.get("EVALFRAME_SETTRACE_NOOP")
            or request.node.get_closest_marker("evalframe_untraced")):
        yield
        return
    from evalframe.runtime import settrace
    settrace.install_noop_from_env()
    try:
        yield
    finally:
        settrace.settrace(None)
