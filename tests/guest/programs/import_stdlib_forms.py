# Import statement forms with stdlib modules.
import os.path
import collections.abc as cabc
from math import (sqrt,
                  pi as PI)
from itertools import *
import json, re as regex
print(os.path.join("a", "b"), os.path.basename("/x/y.txt"), os.path.splitext("f.tar.gz"))
print(sqrt(16), PI, list(islice(count(), 3)), json.dumps([1]), regex.sub("a", "b", "aa"))
print(cabc.Mapping.__name__, type(os).__name__, os.path.__name__ in ("posixpath", "ntpath"))
def local_import():
    from string import ascii_lowercase as letters
    import textwrap
    return letters[:5], textwrap.__name__
print(local_import())
import importlib
m = importlib.import_module("fractions")
print(m.Fraction(1, 3), m.__name__)
print(__import__("math").floor(2.5), __import__("os.path").__name__, __import__("os.path", fromlist=["join"]).__name__ in ("posixpath", "ntpath"))
import sys
print("json" in sys.modules, sys.modules["json"] is json)
