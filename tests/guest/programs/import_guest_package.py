# Importing a guest package from the program's directory: submodules, relative imports, module caching.
import sys
import guestlib
from guestlib import Square, area_sum
from guestlib.util import clamp
import guestlib.util as u
print(guestlib.VERSION, guestlib.__name__, guestlib.__package__, guestlib.shapes.__name__)
sq = [Square(2), Square(500), Square(-1)]
print(sq, area_sum(sq), u.calls, clamp(5, 0, 3), u.calls, u is guestlib.util)
print("guestlib.lazy" in sys.modules)
def lazy():
    import guestlib.lazy
    return guestlib.lazy.loaded_from
print(lazy(), lazy(), "guestlib.lazy" in sys.modules)
import guestlib
print(sorted(k for k in vars(guestlib) if not k.startswith("__")))
print(Square.__module__, Square.__qualname__, area_sum.__module__, guestlib.__file__.endswith("__init__.py"))
import importlib
mod = importlib.import_module("guestlib.shapes")
print(mod is guestlib.shapes, mod.Square is Square)
try:
    u.explode(3)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    import guestlib.nonexistent
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from guestlib import nothing_here
except ImportError as e:
    print("ImportError:", e)
