"""The importer's plumbing, in process, with a stand-in for the compiler and the VM.

The finder, the specs, the module attributes, the cache and the policies do not
depend on how a module's code is run, so these tests replace
``VMLoader.source_to_code`` with a stub that returns a trivial evalframe ``Code``
(and counts compilations) and ``importer.execute`` with a stub that records the
``Code`` it was given and runs the source file on the host.  The same behaviour
through the real compiler and VM is checked end to end in test_imports_vm.py.
"""

import importlib
import importlib.machinery
import linecache
import os
import sys

import pytest

from evalframe import importer
from evalframe.objects.codeobject import Code

from ._support import write_tree


class StandIn:
    def __init__(self):
        self.compiled = []

    def source_to_code(self, loader, data, path, *, _optimize=-1):
        self.compiled.append(path)
        return Code(co_filename=path, co_name="<module>", co_code=b"d\x00S\x00",
                    co_consts=(None,), co_stacksize=1)

    @staticmethod
    def execute(code, namespace):
        # Record that the VM was handed our Code, then run the file on the host.
        assert isinstance(code, Code)
        namespace["__evalframe_code__"] = code
        with open(code.co_filename, "rb") as f:
            source = f.read()
        exec(compile(source, code.co_filename, "exec"), namespace)


@pytest.fixture
def env(tmp_path, monkeypatch):
    stand_in = StandIn()
    monkeypatch.setattr(importer.VMLoader, "source_to_code",
                        lambda self, data, path, _optimize=-1:
                        stand_in.source_to_code(self, data, path))
    monkeypatch.setattr(importer, "execute", StandIn.execute)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.delenv(importer.EXTRA_ENV, raising=False)
    before = set(sys.modules)
    sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    yield stand_in
    importer.uninstall()
    sys.path.remove(str(tmp_path))
    for name in set(sys.modules) - before:
        del sys.modules[name]
    importlib.invalidate_caches()


def in_vm(module):
    return isinstance(module.__dict__.get("__evalframe_code__"), Code)


PKG = {
    "ipkg/__init__.py": """
        from . import a
        ORDER = ["ipkg"]
        """,
    "ipkg/a.py": """
        from . import b          # b imports a back: a circular import
        from .b import g
        def f():
            return "f" + g()
        """,
    "ipkg/b.py": """
        from . import a
        def g():
            return "g"
        def uses_a():
            return a.f()
        """,
    "ipkg/sub/__init__.py": "",
    "ipkg/sub/c.py": """
        from .. import a
        from ..b import uses_a
        from . import d
        VALUE = uses_a() + d.D
        """,
    "ipkg/sub/d.py": "D = 'd'\n",
}


def test_package_relative_and_circular_imports(tmp_path, env):
    write_tree(tmp_path, PKG)
    importer.install("user")
    c = importlib.import_module("ipkg.sub.c")
    assert c.VALUE == "fgd"
    for name in ("ipkg", "ipkg.a", "ipkg.b", "ipkg.sub", "ipkg.sub.c", "ipkg.sub.d"):
        assert in_vm(sys.modules[name]), name


def test_module_attributes_match_cpython(tmp_path, env):
    write_tree(tmp_path, PKG)
    importer.install("user")
    importlib.import_module("ipkg.sub.c")
    for name in ("ipkg", "ipkg.a", "ipkg.sub", "ipkg.sub.c"):
        mod = sys.modules[name]
        parent = name.rpartition(".")[0]
        path = sys.modules[parent].__path__ if parent else None
        host = importlib.machinery.PathFinder.find_spec(name, path)
        spec = mod.__spec__
        assert isinstance(spec.loader, importer.VMLoader)
        assert mod.__loader__ is spec.loader
        assert (spec.name, spec.origin, spec.parent, spec.has_location,
                spec.submodule_search_locations) == (
            host.name, host.origin, host.parent, host.has_location,
            host.submodule_search_locations)
        assert mod.__file__ == host.origin
        assert mod.__package__ == host.parent
        if host.submodule_search_locations is not None:
            assert mod.__path__ == host.submodule_search_locations
        else:
            assert not hasattr(mod, "__path__")
        # Our cache file: next to CPython's, never the same name.
        assert mod.__cached__ == spec.cached == importer.cache_from_source(host.origin)
        assert mod.__cached__ != host.cached
        assert os.path.dirname(mod.__cached__) == os.path.dirname(host.cached)
        assert mod.__cached__.endswith(".evalframe-310.pyc")


def test_loader_serves_source_to_linecache_and_inspect(tmp_path, env):
    write_tree(tmp_path, PKG)
    importer.install("user")
    import inspect
    a = importlib.import_module("ipkg.a")
    text = (tmp_path / "ipkg" / "a.py").read_text()
    assert a.__loader__.get_source("ipkg.a") == text
    assert a.__loader__.get_filename("ipkg.a") == a.__file__
    assert a.__loader__.is_package("ipkg.a") is False
    assert sys.modules["ipkg"].__loader__.is_package("ipkg") is True
    assert isinstance(a.__loader__.get_code("ipkg.a"), Code)
    assert linecache.getlines(a.__file__, a.__dict__) == text.splitlines(True)
    assert inspect.getsource(a) == text
    # Even without the file, linecache asks the module's loader (PEP 302 get_source).
    linecache.clearcache()
    assert linecache.getlines("ipkg/a.py", a.__dict__) == text.splitlines(True)


def test_import_module_and_reload(tmp_path, env):
    write_tree(tmp_path, {"reloadme.py": "X = 1\n"})
    importer.install("user")
    mod = importlib.import_module("reloadme")
    assert mod.X == 1 and in_vm(mod)
    first = mod.__evalframe_code__
    (tmp_path / "reloadme.py").write_text("X = 22\nY = 'new'\n")
    again = importlib.reload(mod)
    assert again is mod and mod.X == 22 and mod.Y == "new"
    assert mod.__evalframe_code__ is not first
    assert env.compiled.count(mod.__file__) == 2


def test_cache_written_reused_and_revalidated(tmp_path, env, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    src = tmp_path / "cached_mod.py"
    write_tree(tmp_path, {"cached_mod.py": "X = 1\n"})
    importer.install("user")
    mod = importlib.import_module("cached_mod")
    cache = importer.cache_from_source(str(src))
    assert mod.__cached__ == cache
    assert os.path.basename(cache) == "cached_mod.evalframe-310.pyc"
    assert os.path.isfile(cache)
    with open(cache, "rb") as f:
        header = f.read(16)
    st = os.stat(src)
    assert header[:4] == (3439).to_bytes(2, "little") + b"\r\n"   # a 3.10 .pyc
    assert int.from_bytes(header[8:12], "little") == int(st.st_mtime)
    assert int.from_bytes(header[12:16], "little") == st.st_size
    assert env.compiled == [str(src)]

    # Fresh import: the cache is valid, nothing is compiled.
    del sys.modules["cached_mod"]
    mod = importlib.import_module("cached_mod")
    assert env.compiled == [str(src)] and in_vm(mod)

    # Touch the source (new mtime, same size): recompiled and rewritten.
    os.utime(src, (st.st_atime + 10, st.st_mtime + 10))
    del sys.modules["cached_mod"]
    importlib.import_module("cached_mod")
    assert env.compiled == [str(src)] * 2
    with open(cache, "rb") as f:
        assert int.from_bytes(f.read(16)[8:12], "little") == int(st.st_mtime + 10)

    # A corrupt cache is silently recompiled.
    with open(cache, "r+b") as f:
        f.seek(16)
        f.write(b"\xff\xfe garbage")
    del sys.modules["cached_mod"]
    mod = importlib.import_module("cached_mod")
    assert mod.X == 1 and env.compiled == [str(src)] * 3


def test_cache_respects_dont_write_bytecode(tmp_path, env):
    write_tree(tmp_path, {"nocache_mod.py": "X = 1\n"})
    importer.install("user")
    mod = importlib.import_module("nocache_mod")
    assert in_vm(mod)
    assert not os.path.exists(importer.cache_from_source(mod.__file__))
    assert not (tmp_path / "__pycache__").exists()


def test_cache_from_source_follows_pycache_prefix(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    got = importer.cache_from_source("/a/b/m.py")
    assert got == os.path.join(str(tmp_path / "prefix"), "a", "b", "m.evalframe-310.pyc")


def test_policy_user_keeps_stdlib_on_host(tmp_path, env):
    write_tree(tmp_path, {"usermod.py": "import colorsys\n"})
    sys.modules.pop("colorsys", None)
    importer.install("user")
    usermod = importlib.import_module("usermod")
    assert in_vm(usermod)
    assert not in_vm(sys.modules["colorsys"])
    assert not isinstance(sys.modules["colorsys"].__loader__, importer.VMLoader)


def test_policy_all_runs_pure_python_stdlib_in_vm(tmp_path, env):
    sys.modules.pop("colorsys", None)
    importer.install("all")
    colorsys = importlib.import_module("colorsys")
    assert in_vm(colorsys)
    assert colorsys.rgb_to_hsv(1, 0, 0) == (0, 1, 1)
    # Built-in and extension modules, and evalframe itself, stay host.
    assert importer.installed().find_spec("_json") is None
    assert importer.installed().find_spec("itertools") is None
    assert importer.installed().find_spec("evalframe.opcodes") is None


def test_policy_none_and_extra(tmp_path, env, monkeypatch):
    write_tree(tmp_path, {"plainmod.py": "X = 1\n", "extramod.py": "X = 2\n",
                          "epkg/__init__.py": "", "epkg/inner.py": "X = 3\n"})
    assert importer.install("none") is None
    assert not in_vm(importlib.import_module("plainmod"))
    monkeypatch.setenv(importer.EXTRA_ENV, "extramod, epkg.*")
    finder = importer.install("none")
    assert finder is not None and finder in sys.meta_path
    assert in_vm(importlib.import_module("extramod"))
    assert in_vm(importlib.import_module("epkg.inner"))
    assert in_vm(sys.modules["epkg"])
    # A stdlib module named in the extra list runs in the VM under ``user``.
    sys.modules.pop("colorsys", None)
    importer.install("user", extra=["colorsys"])
    assert in_vm(importlib.import_module("colorsys"))


def test_install_is_first_and_replaceable(env):
    f1 = importer.install("user")
    assert sys.meta_path[0] is f1
    f2 = importer.install("all")
    assert sys.meta_path[0] is f2 and f1 not in sys.meta_path
    importer.uninstall()
    assert f2 not in sys.meta_path and importer.installed() is None
    with pytest.raises(ValueError):
        importer.install("some")


def test_imports_made_while_compiling_stay_host(tmp_path, env, monkeypatch):
    write_tree(tmp_path, {"outer_mod.py": "X = 1\n", "helper_mod.py": "Y = 2\n"})
    compile_stub = importer.VMLoader.source_to_code

    def compiling_imports(self, data, path, _optimize=-1):
        importer.host_only.depth += 1   # what the real source_to_code does
        try:
            if path.endswith("outer_mod.py"):
                importlib.import_module("helper_mod")
        finally:
            importer.host_only.depth -= 1
        return compile_stub(self, data, path)

    monkeypatch.setattr(importer.VMLoader, "source_to_code", compiling_imports)
    importer.install("user")
    assert in_vm(importlib.import_module("outer_mod"))
    assert not in_vm(sys.modules["helper_mod"])


def test_syntax_error_propagates(tmp_path, env, monkeypatch):
    write_tree(tmp_path, {"bad_mod.py": "x = (\n"})

    def raising(self, data, path, _optimize=-1):
        raise SyntaxError("'(' was never closed", (path, 1, 5, "x = (\n"))

    monkeypatch.setattr(importer.VMLoader, "source_to_code", raising)
    importer.install("user")
    with pytest.raises(SyntaxError):
        importlib.import_module("bad_mod")
    assert "bad_mod" not in sys.modules


@pytest.fixture
def main_state(monkeypatch):
    from evalframe import pythonrun
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    monkeypatch.setattr(pythonrun, "run_in_module",
                        lambda code, module: StandIn.execute(code, module.__dict__))
    yield
    pythonrun.end_main_run()   # (the run unlisted the VM's modules and held the host patches)


def test_run_module_in_vm(tmp_path, env, main_state, monkeypatch, capsys):
    write_tree(tmp_path, {
        "mpkg/__init__.py": "",
        "mpkg/__main__.py": """
            import sys
            from . import helper
            print(__name__, __package__, __spec__.name, helper.__name__)
            print(sys.argv[1:], sys.argv[0] == __file__)
            """,
        "mpkg/helper.py": "",
        "mpkg/tool.py": "print('tool', __name__, __spec__.name)\n",
        "mpkg/nomain/__init__.py": "",
    })
    monkeypatch.chdir(tmp_path)
    importer.install("user")
    assert importer.run_module_in_vm("mpkg", ["a", "b"]) == 0
    out = capsys.readouterr().out
    assert out == "__main__ mpkg mpkg.__main__ mpkg.helper\n['a', 'b'] True\n"
    assert in_vm(sys.modules["__main__"])
    assert importer.run_module_in_vm("mpkg.tool") == 0
    assert capsys.readouterr().out == "tool __main__ mpkg.tool\n"

    assert importer.run_module_in_vm("no_such_mod_xyz") == 1
    err = capsys.readouterr().err
    assert err == "%s: No module named no_such_mod_xyz\n" % "evalframe"
    assert importer.run_module_in_vm("mpkg.nomain") == 1
    err = capsys.readouterr().err
    assert err == ("%s: No module named mpkg.nomain.__main__; 'mpkg.nomain' is a package "
                   "and cannot be directly executed\n" % "evalframe")


def test_run_module_in_vm_runs_stdlib_main_module_in_vm(tmp_path, env, main_state,
                                                         monkeypatch, capsys):
    # ``run -m`` always runs the main module in the VM, even one the policy leaves
    # to the host (here a stdlib module under ``user``).
    monkeypatch.chdir(tmp_path)
    importer.install("user")
    assert importer.run_module_in_vm("calendar", ["2000", "1"]) == 0
    assert "January 2000" in capsys.readouterr().out
    assert in_vm(sys.modules["__main__"])
    assert isinstance(sys.modules["__main__"].__loader__, importer.VMLoader)
