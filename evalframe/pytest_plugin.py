"""A pytest plugin that runs the test modules in evalframe's VM, assertion rewriting included.

Mirrors no part of CPython: it is the seam between pytest's import hook
(_pytest/assertion/rewrite.py, ``AssertionRewritingHook``) and evalframe's
importer (evalframe/importer.py).

pytest puts its ``AssertionRewritingHook`` first on ``sys.meta_path``; it
imports test modules and conftest files itself, rewriting their ``assert``
statements in the AST and compiling the result with the *host* compiler.  So
without this plugin, ``evalframe run -m pytest`` would run every test module
on the host.  The choice made here: keep pytest's hook (it decides which
modules are rewritten, and its ``rewrite_asserts`` makes the AST), and replace
only its compile-and-exec step: the rewritten AST is compiled by evalframe's
compiler (a CPython 3.10 code object) and executed by the VM in the module's
namespace.  Modules pytest does not rewrite go through evalframe's finder,
which applies the ``--vm-modules`` policy.  Rewritten modules are not cached
(pytest's ``.pyc`` cache holds host code objects).

Use it with ``evalframe run -m pytest`` (which loads it through
``PYTEST_PLUGINS``, inherited by pytest-xdist's workers) or with a plain
``python -m pytest -p evalframe.pytest_plugin`` (it then installs the VM
finder itself, policy from ``--evalframe-vm-modules``, default ``user``; with
pytest-xdist each worker loads it the same way, so the tests of every worker
run in the VM).  The report header says what runs where, and the terminal
summary lists the test modules by where they ran.
"""

import sys

_ran = {}           # module name -> "vm" or "host" (test modules and conftests seen)
_state = {"policy": None, "installed_here": False}


def pytest_addoption(parser):
    group = parser.getgroup("evalframe")
    group.addoption("--evalframe-vm-modules", dest="evalframe_vm_modules", default=None,
                    choices=("user", "all", "none"),
                    help="which imported modules run in evalframe's VM when pytest "
                         "itself was not started by 'evalframe run' (default: user)")


def _install(config):
    from . import importer
    from .runtime import builtins as _vm_builtins  # noqa: F401  (the VM-aware builtins)
    finder = importer.installed()
    if finder is None:
        policy = config.getoption("evalframe_vm_modules") or "user"
        finder = importer.install(policy)
        _state["installed_here"] = True
        if finder is not None:
            # after pytest's own hook (installed before plugins configure), which
            # hands the modules it rewrites to us below
            sys.meta_path.remove(finder)
            at = next((i + 1 for i, f in enumerate(sys.meta_path)
                       if type(f).__name__ == "AssertionRewritingHook"), 0)
            sys.meta_path.insert(at, finder)
        _state["policy"] = policy
    else:
        _state["policy"] = finder.policy.policy
    return finder


def _vm_exec_module(hook, module):
    """AssertionRewritingHook.exec_module, with evalframe compiling and running."""
    import ast
    from pathlib import Path
    from _pytest.assertion.rewrite import rewrite_asserts
    from .compiler import compile_source
    from .importer import execute, host_only
    spec = module.__spec__
    fn = Path(spec.origin)
    hook._rewritten_names[module.__name__] = fn
    source = fn.read_bytes()
    strfn = str(fn)
    host_only.depth += 1
    try:
        tree = ast.parse(source, filename=strfn)
        rewrite_asserts(tree, source, strfn, hook.config)
        code = compile_source(tree, strfn, "exec", 0, True, -1)
    finally:
        host_only.depth -= 1
    _ran[module.__name__] = "vm"
    execute(code, module.__dict__)


def pytest_load_initial_conftests(early_config, parser, args):
    _patch_rewrite_hook()


def _patch_rewrite_hook():
    try:
        from _pytest.assertion import rewrite
    except ImportError:
        return
    hook_cls = rewrite.AssertionRewritingHook
    if getattr(hook_cls.exec_module, "_evalframe", False):
        return

    def exec_module(self, module):
        return _vm_exec_module(self, module)

    exec_module._evalframe = True
    exec_module.__wrapped__ = hook_cls.exec_module
    hook_cls.exec_module = exec_module


def pytest_configure(config):
    _install(config)
    _patch_rewrite_hook()


def pytest_report_header(config):
    from . import importer
    finder = importer.installed()
    policy = finder.policy.policy if finder is not None else "none"
    how = ("pytest started by 'evalframe run'" if not _state["installed_here"]
           else "plugin loaded into a host pytest")
    return ["evalframe: test modules and conftest files compiled by evalframe and run in "
            "its VM, assertion rewriting included (%s); other imports by "
            "--vm-modules=%s; pytest itself runs on the %s" % (
                how, policy, "VM" if policy == "all" else "host")]


def pytest_collection_finish(session):
    # test modules pytest imported without rewriting them (--assert=plain,
    # PYTEST_DONT_REWRITE): where did they run?
    import types
    for item in session.items:
        mod = getattr(item, "module", None)
        if mod is None or mod.__name__ in _ran:
            continue
        runs_in_vm = any(type(getattr(v, "__code__", None)) is not types.CodeType
                         for v in vars(mod).values()
                         if getattr(getattr(v, "__code__", None), "co_filename", None)
                         == getattr(mod, "__file__", None))
        _ran[mod.__name__] = "vm" if runs_in_vm else "host"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not _ran:
        return
    vm = sorted(n for n, where in _ran.items() if where == "vm")
    host = sorted(n for n, where in _ran.items() if where == "host")
    tr = terminalreporter
    tr.section("evalframe", sep="-")
    tr.write_line("%d module(s) imported by pytest (tests, conftests, plugins it rewrites) ran in the VM%s" % (
        len(vm), (": " + ", ".join(vm)) if len(vm) <= 20 else ""))
    if host:
        tr.write_line("%d ran on the host: %s" % (len(host), ", ".join(host)))


def where(module_name):
    """'vm', 'host' or None: where this plugin saw ``module_name`` run."""
    return _ran.get(module_name)

