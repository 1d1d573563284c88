"""cloudpickle pickles guest functions by value (issue 11 point 3).

Differential: the same program runs on the host and in the VM, with cloudpickle
on the host (``--vm-modules=user``) and inside the VM (``all``).  It pickles
``__main__`` functions, a lambda, closures (a nonlocal counter, a recursive
closure), functions with defaults, kwdefaults, annotations and a ``__dict__``,
a dynamically created class and a bound method, then loads them with plain
``pickle.loads`` and calls them; a guest module's function goes by reference.
Before runtime/cloudpickling.py, ``cloudpickle.dumps`` of a guest function
failed (``cannot pickle code objects``; on 3.11+ the host's dis first read the
3.10 bytecode as its own: IndexError).  The program also checks, on stderr,
that what came back is a guest function on evalframe (code not the host's
types.CodeType).
"""

import pytest

from ._support import assert_same, require_pipeline, run_evalframe, run_host, write_tree

cloudpickle = pytest.importorskip(
    "cloudpickle", reason="cloudpickle is not installed on this host (pip install -e '.[test]')")

PROGRAM = '''
import cloudpickle, pickle, math, sys, types
import gmod
G = 100
def helper(v):
    return v + G
def uses_global(x):
    return helper(x) + math.floor(2.5)
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
def make_recursive():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
def gen(n):
    yield from range(n)
def withdefaults(a, b=[1, 2], *args, c: int = 5, **kw) -> str:
    "the doc"
    return (a, b, args, c, kw)
withdefaults.tag = "t"
class Dyn:
    cls_attr = 7
    def method(self, x):
        return x + self.cls_attr + G
    @staticmethod
    def st(): return "st"
    @classmethod
    def cm(cls): return cls.__name__
    @property
    def p(self): return "prop"
Made = type("Made", (Dyn,), {"extra": lambda self: "extra"})
c = make_counter(); c(); c()
objs = [uses_global, rec, c, make_recursive(), gen, withdefaults, Dyn, Made,
        lambda: G, gmod.modfunc, Dyn().method]
data = cloudpickle.dumps(objs)
G = 200   # the pickle carries the value G had
ug, rec2, c2, fact2, gen2, wd2, Dyn2, Made2, lam2, mod2, meth2 = pickle.loads(data)
print(ug(1), rec2(5), c2(), c2(), fact2(6), list(gen2(3)))
print(wd2(1), wd2(1, c=2, z=3), wd2.__defaults__, wd2.__kwdefaults__)
print(wd2.__annotations__, wd2.tag, wd2.__name__, wd2.__qualname__, wd2.__doc__, wd2.__module__)
d = Dyn2()
print(d.method(1), Dyn2.st(), Dyn2.cm(), d.p, Made2().extra(), Made2.__mro__[1] is Dyn2)
print(lam2(), mod2 is gmod.modfunc, meth2(1), ug is uses_global, Dyn2 is Dyn)
print(type(ug).__name__, type(ug.__code__).__name__, type(c2.__closure__[0]).__name__)
print(pickle.loads(cloudpickle.dumps(lambda *a, **k: (a, k)))(1, x=2))
try:
    pickle.dumps(uses_global.__code__)
except TypeError as e:
    print("TypeError:", e)
engine = "vm" if type(ug.__code__) is not types.CodeType else "host"
print(engine, type(lam2.__code__) is type(uses_global.__code__), file=sys.stderr)
'''


@pytest.fixture
def program(tmp_path):
    require_pipeline()
    return write_tree(tmp_path, {
        "prog.py": PROGRAM,
        "gmod.py": "def modfunc(x):\n    return x * 3\n",
    })


@pytest.mark.parametrize("vm_modules", ["user", "all"])
def test_cloudpickle_round_trips_guest_functions(program, vm_modules):
    host = run_host(["prog.py"], program)
    vm = run_evalframe(["prog.py"], program, vm_modules=vm_modules)
    assert host.status == 0, host
    assert host.stderr == "host True\n"
    assert vm.stderr == "vm True\n", vm
    vm.stderr = host.stderr
    assert_same(host, vm)
