# Building a module object by hand: types.ModuleType, exec into its __dict__, registering in sys.modules.
import sys, types
src = '''
"""A synthesized module."""
counter = 0
def bump(n=1):
    global counter
    counter += n
    return counter
class Thing:
    def __repr__(self):
        return "Thing from " + __name__
'''
mod = types.ModuleType("synth", "doc placeholder")
exec(compile(src, "<synth>", "exec"), mod.__dict__)
print(mod.__name__, mod.__doc__, mod.bump(), mod.bump(5), mod.counter, mod.Thing())
sys.modules["synth"] = mod
import synth
print(synth is mod, synth.bump(), sorted(k for k in vars(synth) if not k.startswith("__")))
from synth import Thing, bump
print(Thing(), bump(10), mod.counter)
del sys.modules["synth"]
try:
    import synth as again
    print("still importable?", again is mod)
except ImportError as e:
    print("ImportError:", e)
ns = {}
exec("import math\nfrom math import pi as PI\nval = math.floor(PI * 100)", ns)
print(ns["val"], type(ns["math"]).__name__)
