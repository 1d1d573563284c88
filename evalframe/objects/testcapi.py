"""CPython's test extension ``_testcapi``, for the two C pieces of it the VM
uses: ``MethodDescriptorBase``, whose ``tp_descr_get`` is a copy of
Objects/funcobject.c's ``func_descr_get`` (the base of guest functions, so
that binding one to an instance is C, funcobject.py), and
``type_get_version`` (a type's ``tp_version_tag``, tier 2's guards, t2attr.py).

Loaded once, at start-up (funcobject.py needs it to make its class; about
1.9 M host instructions, under 1% of an empty run), by its extension loader
from the standard library's lib-dynload, not through the import system: the
guest's ``sys.modules``, import hooks and ``-X importtime`` report do not see
it (a single-phase extension module enters ``sys.modules`` as it is made: it
is taken out again).  A host built without CPython's test modules has no
``_testcapi``: ``module`` is None and both users fall back (a Python
``__get__``, no armed tier-2 sites).
"""

import sys


def _load():
    had = "_testcapi" in sys.modules
    try:
        from importlib.machinery import ExtensionFileLoader, PathFinder
        spec = PathFinder.find_spec(
            "_testcapi", [p for p in sys.path if p.endswith("lib-dynload")])
        if spec is None or type(spec.loader) is not ExtensionFileLoader:
            return None
        module = spec.loader.create_module(spec)
        spec.loader.exec_module(module)
        return module
    except Exception:
        return None
    finally:
        if not had:
            sys.modules.pop("_testcapi", None)


module = _load()
