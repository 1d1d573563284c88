"""Every module of the package imports on its own, first, in a fresh host process.

A tool, a test or a debugging session may import any one module directly
(``python3 -c "import evalframe.interpreter.tier2gen"``); a cycle between two
modules that only works in the order the CLI happens to import them breaks
that.  (tier2gen.py imported first once failed: tier2.py, which it imports,
read its names while it was half made.)
"""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, "evalframe")


def _modules():
    names = []
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        rel = os.path.relpath(folder, ROOT).split(os.sep)
        for name in sorted(files):
            if name.endswith(".py"):
                parts = rel + ([] if name == "__init__.py" else [name[:-3]])
                names.append(".".join(parts))
    return names


MODULES = _modules()


def test_the_walk_finds_the_package():
    # (the parametrised test below is only as good as this list)
    assert "evalframe" in MODULES
    assert "evalframe.interpreter.tier2gen" in MODULES
    assert len(MODULES) > 50


@pytest.mark.parametrize("module", MODULES)
def test_imports_first_on_its_own(module):
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-c", "import %s" % module], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
