"""Issue 10 point 10: layers that show the boundary.

objects/ imports nothing from interpreter/, runtime/ or tools/; the host-side
patches are made by an explicit call (the entry points, evalframe.VM), not by
importing or running the VM, and are undone by the call's undo.
"""

import ast
import os
import subprocess
import sys
import textwrap

from ._support import ROOT, env

PKG = os.path.join(ROOT, "evalframe")


def _imports(path):
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            yield node.level, node.module or "", [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield 0, a.name, []


def test_objects_import_nothing_from_the_layers_above():
    bad = []
    for name in sorted(os.listdir(os.path.join(PKG, "objects"))):
        if not name.endswith(".py"):
            continue
        for level, module, names in _imports(os.path.join(PKG, "objects", name)):
            target = module if level != 1 else "objects." + module
            if level == 0 and module.startswith("evalframe."):
                target = module[len("evalframe."):]
            if level >= 2 or level == 0 and module.startswith("evalframe"):
                if target.split(".")[0] in ("interpreter", "runtime", "tools") or (
                        not module and set(names) & {"interpreter", "runtime", "tools"}):
                    bad.append((name, level, module, names))
    assert bad == []


_PROBE = textwrap.dedent("""
    import inspect, logging, signal, sys, warnings
    def host_state():
        return (sys._getframe, getattr(sys, "_getframemodulename", None), warnings.warn,
                logging.currentframe, inspect.isframe, sys.unraisablehook,
                signal.getsignal(signal.SIGINT))
    before = host_state()
    import evalframe.runtime.builtins
    from evalframe.interpreter.ceval import run_code
    from evalframe.compiler import compile_source
    run_code(compile_source("import logging, inspect\\nx = sum(range(4))\\n", "<p>", "exec"),
             {"__name__": "__main__"})
    print("import and run leave the host alone:", host_state() == before)
    from evalframe.runtime import patches
    undo = patches.install()
    after = host_state()
    print("install changes each:", [a is not b for a, b in zip(after, before)])
    undo()
    print("undo restores:", host_state() == before)
""")


def test_host_patches_are_explicit_and_undone():
    r = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                       env=env(), cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    has_modulename = hasattr(sys, "_getframemodulename")
    assert r.stdout.splitlines() == [
        "import and run leave the host alone: True",
        "install changes each: [True, %s, True, True, True, True, True]" % has_modulename,
        "undo restores: True",
    ]
