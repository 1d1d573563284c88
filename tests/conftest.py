"""pytest configuration shared by every test directory.

Helpers live in tests/evalframe_testing.py (a unique name, since several test
directories have a conftest.py of their own); this file makes them importable.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


# The smoke subset CI also runs on CPython 3.10 and 3.13 hosts (`pytest -m smoke`):
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
)
SMOKE_PROGRAMS = (
    "arith", "closures", "class", "exc", "generators", "comprehension", "match",
    "async", "exit_", "decorators", "fstring", "recursion", "super", "unpack",
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
