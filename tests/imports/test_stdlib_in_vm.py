"""The whole pure-Python standard library inside the VM (``--vm-modules=all``).

Differential: each program runs with ``python`` and with
``python -m evalframe run --vm-modules=all``; stdout, stderr and exit status must
agree, and the program itself checks (on stderr, compared separately) that the
stdlib modules it names ran in the VM under evalframe and on the host under
CPython.  Regression tests for issue 11 point 1: logging could not be imported
(the host-module patch was applied while logging was half-initialised).
"""

import pytest

from ._support import require_pipeline, run_evalframe, run_host, write_tree

pytestmark = pytest.mark.usefixtures("pipeline")


@pytest.fixture
def pipeline():
    require_pipeline()


ENGINE = '''
import sys as _sys
def _engine(name):
    mod = _sys.modules[name]
    values = list(vars(mod).values())
    values += [v for c in values if isinstance(c, type) for v in vars(c).values()]
    for value in values:
        code = getattr(value, "__code__", None)
        if code is not None and getattr(code, "co_filename", "") == mod.__file__:
            return "vm" if type(code) is not __import__("types").CodeType else "host"
    return "?"
def report(*names):
    print(sorted(set(_engine(n) for n in names)), file=_sys.stderr)
'''

PROGRAMS = {
    "logging": ('''
        import logging
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                            format="%(name)s %(levelname)s %(funcName)s:%(lineno)d %(message)s")
        log = logging.getLogger("prog")
        def f():
            log.info("hello %s", "world")
            try:
                1 / 0
            except ZeroDivisionError:
                log.exception("failed")
        f()
        logging.getLogger().warning("root")
        report("logging")
        ''', None),
    "asyncio": ('''
        import asyncio, logging
        async def work(i):
            await asyncio.sleep(0.001 * i)
            return i * i
        async def main():
            print(await asyncio.gather(*(work(i) for i in range(5))))
            q = asyncio.Queue()
            async def prod():
                for i in range(3):
                    await q.put(i)
                await q.put(None)
            async def cons():
                out = []
                while (x := await q.get()) is not None:
                    out.append(x)
                return out
            print((await asyncio.gather(prod(), cons()))[1])
            try:
                await asyncio.wait_for(asyncio.sleep(1), 0.01)
            except asyncio.TimeoutError:
                print("timeout")
        asyncio.run(main())
        report("asyncio.tasks", "asyncio.queues", "logging")
        ''', None),
    "futures": ('''
        import concurrent.futures as cf
        def sq(x):
            return x * x
        with cf.ThreadPoolExecutor(4) as ex:
            print(sorted(ex.map(sq, range(10))))
            fs = [ex.submit(sq, i) for i in range(5)]
            print(sorted(f.result() for f in cf.as_completed(fs)))
            f = ex.submit(lambda: 1 / 0)
            try:
                f.result()
            except ZeroDivisionError as e:
                print("error:", e)
        report("concurrent.futures._base", "concurrent.futures.thread")
        ''', None),
    "unittest": ('''
        import unittest
        class T(unittest.TestCase):
            def test_ok(self):
                self.assertEqual(1 + 1, 2)
            def test_raises(self):
                with self.assertRaises(KeyError):
                    {}["x"]
            @unittest.skip("no")
            def test_skip(self):
                pass
            def test_fails(self):
                # the report leaves out unittest's own frames ('__unittest'
                # in their tb_frame.f_globals), also when unittest runs in the VM
                self.assertEqual([1, 2], [1, 3])
            def test_subtests(self):
                for i in range(3):
                    with self.subTest(i=i):
                        self.assertLess(i, 2)
        import io
        stream = io.StringIO()
        r = unittest.main(exit=False, argv=["prog"],
                          testRunner=unittest.TextTestRunner(stream=stream, verbosity=2)).result
        print(len(r.failures), len(r.errors), len(r.skipped), r.testsRun)
        print(chr(10).join(line for line in stream.getvalue().splitlines()
                        if not line.startswith("Ran ")))
        report("unittest.case", "unittest.main")
        ''', None),
    "runpy": ('''
        import os, runpy, tempfile
        d = tempfile.mkdtemp()
        os.makedirs(os.path.join(d, "pkg"))
        open(os.path.join(d, "pkg", "__init__.py"), "w").close()
        with open(os.path.join(d, "pkg", "mod.py"), "w") as f:
            f.write("x = 40 + 2\\nprint('ran', __name__)\\ndef f():\\n    pass\\n")
        sys.path.insert(0, d)
        g = runpy.run_module("pkg.mod", run_name="__main__")
        print(g["x"], g["__name__"])
        g = runpy.run_path(os.path.join(d, "pkg", "mod.py"))
        print(g["x"], g["__name__"])
        guest = type(g["f"].__code__) is not __import__("types").CodeType
        print(["vm" if guest else "host"], file=sys.stderr)
        ''', None),
    "data": ('''
        import json, dataclasses, typing, enum, functools, collections, argparse, decimal
        import fractions, datetime, csv, io, pickle, copy, random, statistics
        @dataclasses.dataclass(order=True, frozen=True)
        class P:
            x: int
            y: int = 0
            tags: typing.List[str] = dataclasses.field(default_factory=list, compare=False)
        print(P(1, 2), sorted([P(3), P(1, 5)]), dataclasses.asdict(P(1, 2, ["a"])))
        class C(enum.Enum):
            A = 1
            B = 2
        print(list(C), C(2), json.dumps({"p": dataclasses.astuple(P(1))}, indent=1))
        p = argparse.ArgumentParser(prog="x")
        p.add_argument("--n", type=int, default=3)
        print(p.parse_args(["--n", "5"]))
        print(decimal.Decimal("1.1") + decimal.Decimal("2.2"), fractions.Fraction(1, 3) * 3)
        print(datetime.date(2024, 2, 29) + datetime.timedelta(days=1))
        buf = io.StringIO(); csv.writer(buf).writerow(["a", "b,c"]); print(buf.getvalue().strip())
        print(pickle.loads(pickle.dumps(P(1, 2))), copy.deepcopy({"a": [1, [2]]}))
        random.seed(3); print(random.random(), statistics.mean([1, 2, 3]))
        NT = collections.namedtuple("NT", "a b")
        print(NT(1, 2), pickle.loads(pickle.dumps(NT(1, 2))))
        report("json.encoder", "dataclasses", "argparse", "fractions", "statistics", "csv")
        ''', None),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_stdlib_module_runs_in_vm_like_cpython(tmp_path, name):
    import textwrap
    body, _ = PROGRAMS[name]
    write_tree(tmp_path, {"prog.py": "import sys\n" + ENGINE + textwrap.dedent(body)})
    host = run_host(["prog.py"], tmp_path)
    assert host.status == 0, host
    vm = run_evalframe(["prog.py"], tmp_path, vm_modules="all")
    assert (vm.stdout, vm.status) == (host.stdout, host.status), vm
    assert host.stderr == "['host']\n"
    assert vm.stderr == "['vm']\n"
