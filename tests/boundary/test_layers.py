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
    import inspect, logging, signal, sys, threading, warnings
    def host_state():
        # (the hooks the host calls: what is in the module's dict)
        return (sys._getframe, getattr(sys, "_getframemodulename", None), warnings.warn,
                logging.currentframe, inspect.isframe, vars(sys)["unraisablehook"],
                signal.getsignal(signal.SIGINT), vars(threading)["excepthook"], type(sys))
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
    print("the hooks read as before:", sys.unraisablehook is sys.__unraisablehook__,
          threading.excepthook is threading.__excepthook__)
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
        "install changes each: [True, %s, True, True, True, True, True, True, True]"
        % has_modulename,
        "the hooks read as before: True True",
        "undo restores: True",
    ]


# -- no module reaches into another module's private names -------------------------------
#
# A name with one leading underscore belongs to its module.  Another evalframe
# module may use it only through a public name or interface that the owner
# declares (ceval.BOOKKEEPING for runtime/signals.py, superinstr.Group for
# tier2.py...).  Checked: ``from X import _y``, ``X._y`` where X names an
# imported module or an object imported from one, and a string naming another
# evalframe module's private top-level name (registration by name).  Code
# kept in string constants (a worker script) is checked too.

# Private names of the host's own modules that are the point where they are
# used: CPython's own private APIs, which have no public equivalent.
HOST_PRIVATE_ALLOWED = {
    "sys._getframe",              # the caller's frame (the VM's frame walks, intercepts)
    "sys._current_frames",        # the guest's sys._current_frames() is built from it
    "sys._getframemodulename",    # (3.12+) patched for host code, as sys._getframe
    "os._exit",                   # limits and workers end a process without cleanup
    "atexit._run_exitfuncs",      # the VM runs the guest's atexit callbacks at its exit
    "runpy._run_code",            # `run -m`'s stand-in frames are named and placed as runpy's
    "traceback._MOVE_COST",       # NameError suggestions computed exactly as the host's
    "traceback._MAX_CANDIDATE_ITEMS",
}


def _module_name(path):
    rel = os.path.relpath(path[:-3], ROOT).replace(os.sep, ".")
    return rel[:-len(".__init__")] if rel.endswith(".__init__") else rel


def _absolute(modname, is_pkg, level, module):
    if not level:
        return module
    parts = modname.split(".")
    if not is_pkg:
        parts = parts[:-1]
    if level > 1:
        parts = parts[:len(parts) - (level - 1)]
    return ".".join(parts + ([module] if module else []))


def _private(name):
    return name.startswith("_") and not name.endswith("__")


def _sources():
    for dirpath, dirnames, files in os.walk(PKG):
        dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(dirpath, name)
                yield path, ast.parse(open(path, encoding="utf-8").read(), path)


def _embedded_code(tree):
    """Python source kept in string constants (a worker script run elsewhere)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                node.value.count("\n") >= 3 and "import " in node.value:
            try:
                yield ast.parse(node.value)
            except SyntaxError:
                pass


def _private_reach_ins():
    sources = list(_sources())
    top_private = {}
    for path, tree in sources:
        names = set()
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        top_private[_module_name(path)] = {n for n in names if _private(n)}
    found = []
    for path, tree in sources:
        modname = _module_name(path)
        is_pkg = path.endswith("__init__.py")
        where = os.path.relpath(path, ROOT)
        for t in [tree] + list(_embedded_code(tree)):
            bound = {}      # local name -> the absolute dotted name it was imported as
            for node in ast.walk(t):
                if isinstance(node, ast.ImportFrom):
                    source = _absolute(modname, is_pkg, node.level, node.module or "")
                    for a in node.names:
                        if _private(a.name) and source + "." + a.name not in HOST_PRIVATE_ALLOWED:
                            found.append("%s:%d from %s import %s"
                                         % (where, node.lineno, source, a.name))
                        bound[a.asname or a.name] = source + "." + a.name
                elif isinstance(node, ast.Import):
                    for a in node.names:
                        if a.asname:
                            bound[a.asname] = a.name
                        else:
                            bound[a.name.split(".")[0]] = a.name.split(".")[0]
            modules = set(bound.values()) | {v.rpartition(".")[0] for v in bound.values()}
            for node in ast.walk(t):
                if isinstance(node, ast.Attribute) and _private(node.attr):
                    base, chain = node.value, []
                    while isinstance(base, ast.Attribute):
                        chain.append(base.attr)
                        base = base.value
                    if isinstance(base, ast.Name) and base.id in bound:
                        dotted = ".".join([bound[base.id]] + chain[::-1] + [node.attr])
                        if dotted not in HOST_PRIVATE_ALLOWED:
                            found.append("%s:%d %s" % (where, node.lineno, dotted))
                elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                        and _private(node.value):
                    for other in sorted(modules):
                        if other != modname and node.value in top_private.get(other, ()):
                            found.append("%s:%d the string %r names %s.%s"
                                         % (where, node.lineno, node.value, other, node.value))
    return found


def test_no_module_reaches_into_another_modules_private_names():
    assert _private_reach_ins() == []


def test_the_reach_in_check_finds_each_kind(tmp_path, monkeypatch):
    # the check itself, on a package made for it: each kind of reach-in is found
    pkg = tmp_path / "evalframe"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "a.py").write_text("def _helper():\n    pass\n_TABLE = {}\n")
    (pkg / "sub" / "b.py").write_text(textwrap.dedent("""\
        import sys
        from . import a
        from .a import _TABLE
        from .. import sub
        f = a._helper
        g = sub.a._helper
        h = getattr(a, "_helper")
        i = sys._getframe
        j = sys._git
        WORKER = '''import os
        from evalframe.sub import a
        a._helper()
        print(1)
        '''
        """))
    monkeypatch.setattr(sys.modules[__name__], "PKG", str(pkg))
    monkeypatch.setattr(sys.modules[__name__], "ROOT", str(tmp_path))
    found = sorted(x.split(" ", 1)[1] for x in _private_reach_ins())
    assert found == sorted([
        "from evalframe.sub.a import _TABLE",
        "evalframe.sub.a._helper",
        "evalframe.sub.a._helper",
        "evalframe.sub.a._helper",
        "the string '_helper' names evalframe.sub.a._helper",
        "sys._git",
    ]), found
