"""Imports through the real pipeline: ``evalframe run`` against the host CPython.

Each test writes a small program tree into tmp_path, runs it with ``python`` and
with ``python -m evalframe run``, and compares stdout, stderr and the exit status
(or, for evalframe-only facts such as the cache, checks them directly).  Guest
modules here are compiled by evalframe's compiler and executed by its VM.
"""

import os
import sys

import pytest

from evalframe import importer

from ._support import assert_same, require_pipeline, run_evalframe, run_host, write_tree

pytestmark = pytest.mark.usefixtures("pipeline")


@pytest.fixture
def pipeline():
    require_pipeline()


APP = {
    "app/__init__.py": """
        print("init app", __name__, __package__)
        from . import config
        """,
    "app/config.py": """
        print("init config", __name__, __package__)
        NAME = "app"
        """,
    "app/models.py": """
        # models and views import each other: a circular import
        print("init models")
        from . import views
        class Model:
            def render(self):
                return views.render(self)
        def title(m):
            return type(m).__name__.lower()
        """,
    "app/views.py": """
        print("init views")
        from . import models
        from .config import NAME
        def render(m):
            return "<%s:%s>" % (NAME, models.title(m))
        """,
    "app/util/__init__.py": """
        from .text import shout
        """,
    "app/util/text.py": """
        from .. import config
        from ..config import NAME as _NAME
        def shout(s):
            return s.upper() + "!" + config.NAME + _NAME
        """,
    "app/main.py": """
        import sys
        from .models import Model
        from .util import shout
        from . import util
        import app.util.text as text_mod
        print("main", __name__, __package__, __spec__.name, __spec__.parent)
        print(Model().render(), shout("hi"), text_mod.shout is shout)
        print(sys.argv[1:], sys.argv[0] == __file__, __file__.endswith("main.py"))
        print(sorted(k for k in sys.modules if k.startswith("app")))
        print(util.__path__ == [__file__.rsplit("/", 1)[0] + "/util"],
              util.__spec__.submodule_search_locations == util.__path__)
        """,
    "app/__main__.py": """
        print("app __main__", __name__, __package__, __spec__.name)
        from . import main
        """,
    "app/nomain/__init__.py": "",
    "app/failing.py": """
        def fail(n):
            if n == 0:
                raise ValueError("guest failure at the bottom")
            return fail(n - 1)
        fail(2)
        """,
}


def test_run_m_package_module_matches_cpython(tmp_path):
    write_tree(tmp_path, APP)
    host = run_host(["-m", "app.main", "x", "y"], tmp_path)
    assert host.status == 0, host
    assert_same(host, run_evalframe(["-m", "app.main", "x", "y"], tmp_path))


def test_run_m_package_runs_its_main(tmp_path):
    write_tree(tmp_path, APP)
    host = run_host(["-m", "app"], tmp_path)
    assert host.status == 0, host
    assert_same(host, run_evalframe(["-m", "app"], tmp_path))


@pytest.mark.parametrize("target", ["no_such_module", "app.nomain", "app.missing",
                                    "app.main.py", ".app"])
def test_run_m_errors_match_cpython(tmp_path, target):
    write_tree(tmp_path, APP)
    host = run_host(["-m", target], tmp_path)
    assert host.status == 1, host
    assert_same(host, run_evalframe(["-m", target], tmp_path))


def test_guest_module_traceback_shows_guest_lines(tmp_path):
    write_tree(tmp_path, APP)
    write_tree(tmp_path, {"prog.py": """
        import app.failing
        """})
    host = run_host(["prog.py"], tmp_path)
    assert host.status == 1 and "guest failure" in host.stderr, host
    vm = run_evalframe(["prog.py"], tmp_path)
    assert_same(host, vm)
    assert 'app/failing.py", line 3, in fail' in vm.stderr


def test_import_module_reload_and_attributes(tmp_path):
    write_tree(tmp_path, {"prog.py": """
        import importlib, os, sys
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.join(here, "dyn.py")
        with open(path, "w") as f:
            f.write("X = 1\\n")
        importlib.invalidate_caches()
        dyn = importlib.import_module("dyn")
        print(dyn.X, dyn.__name__, dyn.__package__, dyn.__file__ == path)
        print(dyn.__spec__.name, dyn.__spec__.origin == path, dyn.__spec__.parent,
              dyn.__spec__.has_location, dyn.__spec__.submodule_search_locations)
        print(dyn.__spec__.loader is dyn.__loader__, hasattr(dyn.__loader__, "get_source"))
        print(os.path.basename(os.path.dirname(dyn.__cached__)))
        with open(path, "w") as f:
            f.write("X = 'two'\\nY = [1, 2]\\n")
        st = os.stat(path)
        os.utime(path, (st.st_atime + 5, st.st_mtime + 5))
        again = importlib.reload(dyn)
        print(again is dyn, dyn.X, dyn.Y)
        print(importlib.import_module(".sub", "pkgx").VALUE)
        print(importlib.import_module("pkgx.sub") is sys.modules["pkgx.sub"])
        """,
        "pkgx/__init__.py": "",
        "pkgx/sub.py": "VALUE = __name__ + ':' + __package__\n"})
    host = run_host(["prog.py"], tmp_path)
    assert host.status == 0, host
    assert_same(host, run_evalframe(["prog.py"], tmp_path))


def test_guest_module_attributes(tmp_path):
    write_tree(tmp_path, APP)
    write_tree(tmp_path, {"prog.py": """
        import app.util.text as t, app.util as u
        for m in (t, u):
            print(m.__name__, m.__file__, m.__cached__, m.__package__)
            print(type(m.__loader__).__name__, m.__spec__.cached == m.__cached__)
        print(u.__path__)
        """})
    vm = run_evalframe(["prog.py"], tmp_path)
    assert vm.status == 0, vm
    text = str(tmp_path / "app" / "util" / "text.py")
    init = str(tmp_path / "app" / "util" / "__init__.py")
    lines = [line for line in vm.stdout.splitlines() if not line.startswith("init ")]
    assert lines == [
        "app.util.text %s %s app.util" % (text, importer.cache_from_source(text)),
        "VMLoader True",
        "app.util %s %s app.util" % (init, importer.cache_from_source(init)),
        "VMLoader True",
        str([str(tmp_path / "app" / "util")]),
    ]


MARKER_PROG = {
    "usermod.py": """
        def f():
            pass
        ENGINE = "vm" if type(f.__code__) is not __import__("types").CodeType else "host"
        """,
    "prog.py": """
        import colorsys, usermod
        def engine(func):
            return "vm" if type(func.__code__) is not __import__("types").CodeType else "host"
        def here():
            pass
        print("main", engine(here))
        print("usermod", usermod.ENGINE)
        print("colorsys", engine(colorsys.rgb_to_hsv))
        """,
}


@pytest.mark.parametrize("policy, expected", [
    ("user", ["main vm", "usermod vm", "colorsys host"]),
    ("all", ["main vm", "usermod vm", "colorsys vm"]),
    ("none", ["main vm", "usermod host", "colorsys host"]),
])
def test_policies(tmp_path, policy, expected):
    write_tree(tmp_path, MARKER_PROG)
    vm = run_evalframe(["prog.py"], tmp_path, vm_modules=policy)
    assert vm.status == 0, vm
    assert vm.stdout.splitlines() == expected


def test_extra_modules_env(tmp_path):
    write_tree(tmp_path, MARKER_PROG)
    vm = run_evalframe(["prog.py"], tmp_path, vm_modules="none",
                       extra_env={importer.EXTRA_ENV: "colorsys"})
    assert vm.status == 0, vm
    assert vm.stdout.splitlines() == ["main vm", "usermod host", "colorsys vm"]


def _cache_header(path):
    with open(path, "rb") as f:
        return f.read(16)


def test_cache_written_and_revalidated(tmp_path):
    write_tree(tmp_path, MARKER_PROG)
    cache = importer.cache_from_source(str(tmp_path / "usermod.py"))
    first = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    assert first.status == 0, first
    assert os.path.isfile(cache)
    # CPython's own cache file is not ours, and the main script is never cached.
    assert not os.path.exists(str(tmp_path / "__pycache__" / "prog.evalframe-310.pyc"))
    header = _cache_header(cache)
    st = os.stat(tmp_path / "usermod.py")
    assert int.from_bytes(header[8:12], "little") == int(st.st_mtime)
    # From the cache: the same outcome.
    again = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    assert again.key() == first.key()
    assert _cache_header(cache) == header
    # Touch the source: recompiled, the cache's header follows the source.
    os.utime(tmp_path / "usermod.py", (st.st_atime + 100, st.st_mtime + 100))
    third = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    assert third.key() == first.key()
    assert int.from_bytes(_cache_header(cache)[8:12], "little") == int(st.st_mtime + 100)
    # A corrupt cache is recompiled silently.
    with open(cache, "r+b") as f:
        f.seek(16)
        f.write(b"\x00garbage\xff")
    fourth = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    assert fourth.key() == first.key()


def test_no_cache_with_dont_write_bytecode(tmp_path):
    write_tree(tmp_path, MARKER_PROG)
    vm = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=True)
    assert vm.status == 0, vm
    assert not os.path.exists(importer.cache_from_source(str(tmp_path / "usermod.py")))


def test_syntax_error_in_imported_module(tmp_path):
    write_tree(tmp_path, {"prog.py": "import broken\n", "broken.py": "x = (1,\ny = 2\n"})
    host = run_host(["prog.py"], tmp_path)
    assert host.status == 1 and "SyntaxError" in host.stderr, host
    assert_same(host, run_evalframe(["prog.py"], tmp_path))


RUNPY_TB = {
    "tbpkg/__init__.py": "",
    "tbpkg/raises.py": """
        def fail():
            raise ValueError("from the main module")
        fail()
        """,
    "tbpkg/imports_bad.py": """
        import tbpkg.bad
        """,
    "tbpkg/bad.py": """
        raise KeyError("raised while imported")
        """,
    "badinit/__init__.py": """
        raise LookupError("the parent package fails")
        """,
    "badinit/mod.py": "",
}


@pytest.mark.parametrize("target", ["tbpkg.raises", "tbpkg.imports_bad", "badinit.mod"])
def test_run_m_traceback_has_runpy_frames(tmp_path, target):
    # CPython's -m tracebacks start in runpy ("<frozen runpy>" on 3.11+).
    write_tree(tmp_path, RUNPY_TB)
    host = run_host(["-m", target], tmp_path)
    assert host.status == 1 and "runpy" in host.stderr, host
    assert_same(host, run_evalframe(["-m", target], tmp_path))


STDLIB_PROG = """
import fractions, textwrap, difflib, statistics, pprint, shlex, ipaddress, calendar
import html, base64, colorsys, string, heapq, bisect

def engine(mod):
    values = list(vars(mod).values())
    values += [v for c in values if isinstance(c, type) for v in vars(c).values()]
    for value in values:
        code = getattr(value, "__code__", None)
        if code is not None and getattr(code, "co_filename", "") == mod.__file__:
            return "vm" if type(code) is not __import__("types").CodeType else "host"
    return "?"

print(fractions.Fraction(3, 4) + fractions.Fraction(1, 6), fractions.Fraction("0.125"))
print(textwrap.fill("the quick brown fox jumps over the lazy dog " * 3, 30))
print("".join(difflib.unified_diff(["a\\n", "b\\n"], ["a\\n", "c\\n"], "x", "y")))
print(statistics.mean([1, 2, 3, 4]), statistics.median([5, 1, 3]), statistics.stdev([1, 2, 3]))
pprint.pprint({"k%d" % i: list(range(i)) for i in range(6)}, width=40)
print(shlex.split("a 'b c' \\"d e\\" f\\\\ g"), shlex.quote("it's"))
print(ipaddress.ip_network("10.0.0.0/30").hosts().__next__(), ipaddress.ip_address("::1").is_loopback)
print(calendar.month(2024, 2))
print(html.escape("<a href='x'>&</a>"), html.unescape("&lt;&amp;&#62;"))
print(base64.b64encode(b"evalframe"), colorsys.rgb_to_hls(0.2, 0.4, 0.4))
print(string.Template("$who likes $what").substitute(who="tim", what="pie"))
h = [5, 1, 4, 2]; heapq.heapify(h); print([heapq.heappop(h) for _ in range(4)], bisect.bisect([1, 3, 5], 4))
try:
    fractions.Fraction(1, 0)
except ZeroDivisionError as e:
    print("error:", e)
import sys
print(sorted(engine(sys.modules[m]) for m in ("fractions", "difflib", "statistics", "shlex",
                                               "calendar", "colorsys")), file=sys.stderr)
"""


def test_policy_all_runs_stdlib_programs_like_cpython(tmp_path):
    # Under --vm-modules=all, pure-Python standard library modules the program
    # imports run in the VM (those evalframe had already imported, such as
    # textwrap, stay host); the program's output is still CPython's.
    write_tree(tmp_path, {"prog.py": STDLIB_PROG})
    host = run_host(["prog.py"], tmp_path)
    assert host.status == 0, host
    vm = run_evalframe(["prog.py"], tmp_path, vm_modules="all")
    assert (vm.stdout, vm.status) == (host.stdout, host.status), vm
    assert host.stderr == "['host', 'host', 'host', 'host', 'host', 'host']\n"
    assert vm.stderr == "['vm', 'vm', 'vm', 'vm', 'vm', 'vm']\n"


def test_loader_services_for_guest_modules(tmp_path):
    # importlib.resources, inspect.getsource, linecache and pkgutil see guest
    # modules through their loader as they see host ones.
    write_tree(tmp_path, {
        "respkg/__init__.py": "",
        "respkg/data.txt": "payload\n",
        "respkg/funcs.py": """
            def documented(x):
                '''Doc.'''
                return x + 1
            """,
        "prog.py": """
            import importlib.resources, inspect, linecache, pkgutil
            import respkg, respkg.funcs as funcs
            print(importlib.resources.files(respkg).joinpath("data.txt").read_text(), end="")
            print(inspect.getsource(funcs.documented), end="")
            print(inspect.getsourcefile(funcs) == funcs.__file__, inspect.getdoc(funcs.documented))
            print(linecache.getline(funcs.__file__, 3), end="")
            print(sorted(m.name for m in pkgutil.iter_modules(respkg.__path__)))
            print(funcs.__loader__.is_package("respkg.funcs"), respkg.__loader__.is_package("respkg"))
            print(pkgutil.get_data("respkg", "data.txt"))
            """,
    })
    host = run_host(["prog.py"], tmp_path)
    assert host.status == 0, host
    assert_same(host, run_evalframe(["prog.py"], tmp_path))


CARETS_PROG = {
    "prog.py": """
        import caretmod
        caretmod.outer({"a": None})
        """,
    "caretmod.py": """
        def outer(d):
            return (lambda: inner(d))()
        def inner(d):
            return d["a"]["b"] + 1
        """,
}


def test_carets_survive_the_cache(tmp_path):
    # (a module loaded from its .evalframe-310.pyc lost co_positions, 3.10's
    # marshal having no column table: its traceback lines had no carets)
    write_tree(tmp_path, CARETS_PROG)
    host = run_host(["prog.py"], tmp_path)
    cache = importer.cache_from_source(str(tmp_path / "caretmod.py"))
    first = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    assert os.path.isfile(cache)
    again = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    assert_same(host, first)
    assert_same(host, again)
    # The cache stays a .pyc that 3.10's marshal reads: the positions follow
    # the marshalled code.  A damaged trailer is ignored (no carets, no error).
    with open(cache, "r+b") as f:
        data = f.read()
        assert data.endswith(importer.codec.POS_MAGIC)
        f.seek(len(data) - 20)
        f.write(b"\xff\xff\xff\xff")
    damaged = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    assert damaged.status == host.status
    assert damaged.stderr.splitlines()[-1] == host.stderr.splitlines()[-1]


SUPER_ATTR_PROG = {
    "prog.py": """
        import supmod
        print(supmod.B().gone())
        """,
    "supmod.py": """
        class A:
            def m(self):
                return 1
        class B(A):
            def gone(self):
                del self
                return super().m()
        """,
}


def test_super_attr_mark_survives_the_cache(tmp_path):
    # (3.12+: whether ``super().m()`` is LOAD_SUPER_ATTR there, whose error
    # is then an UnboundLocalError, is the compiler's knowledge of the whole
    # module, Code._super_attr: the cache's trailer keeps it)
    write_tree(tmp_path, SUPER_ATTR_PROG)
    host = run_host(["prog.py"], tmp_path)
    cache = importer.cache_from_source(str(tmp_path / "supmod.py"))
    first = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    assert os.path.isfile(cache)
    again = run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    assert_same(host, first)
    assert_same(host, again)


def test_positions_trailer_is_ignored_by_cpython_310(tmp_path):
    py310 = "/root/.pyenv/versions/3.10.13/bin/python3.10"
    if not os.path.exists(py310):
        pytest.skip("CPython 3.10 is not installed here")
    write_tree(tmp_path, CARETS_PROG)
    run_evalframe(["prog.py"], tmp_path, dont_write_bytecode=False)
    cache = importer.cache_from_source(str(tmp_path / "caretmod.py"))
    import subprocess
    out = subprocess.run([py310, "-c", "import marshal, sys; "
                          "c = marshal.loads(open(sys.argv[1], 'rb').read()[16:]); "
                          "print(c.co_name, [k.co_name for k in c.co_consts if hasattr(k, 'co_name')])",
                          cache], capture_output=True, text=True)
    assert out.stdout == "<module> ['outer', 'inner']\n", out.stderr
