# Issue 10 point 1: each name in builtins in turn rebound to None and to a
# counting wrapper around a workload that makes functions, classes, generators
# and closures and imports modules.  Prints, per name, the workload's outcome
# and the wrapper's call count; the test compares this with the host's.
# argv: [fresh] -- "fresh" also imports a module that is not yet loaded.
import builtins, sys
_setattr, _getattr = setattr, getattr
_print, _sorted, _repr, _type, _str, _len = print, sorted, repr, type, str, len
_BE = BaseException
_modules = sys.modules
names = _sorted(vars(builtins))
fresh = sys.argv[1:] == ['fresh']

def workload():
    def f(a, b=2, *args, **kw):
        return a
    f(1)
    f(1, 2, 3, k=4)
    def outer():
        x = 1
        def inner():
            return x
        return inner
    outer()()
    class A:
        def m(self):
            return 1
    A().m()
    class B(A):
        pass
    B().m()
    def gen():
        yield 1
        yield 2
    for _ in gen():
        pass
    for _ in (i for i in (1, 2)):
        pass
    import os
    from os import path
    import collections.abc
    from collections import OrderedDict
    if fresh:
        import bi_mod
        bi_mod.f()
        _modules.pop("bi_mod", None)
    try:
        raise KeyError
    except KeyError:
        pass

def outcome():
    try:
        workload()
        return "ok"
    except _BE as e:
        return _type(e).__name__ + ": " + _str(e)[:200]

def counting(real, box):
    def wrapper(*args, **kwargs):
        box[0] += 1
        return real(*args, **kwargs)
    return wrapper

for name in names:
    real = _getattr(builtins, name)
    _setattr(builtins, name, None)
    r1 = outcome()
    _setattr(builtins, name, real)
    box = [0]
    _setattr(builtins, name, counting(real, box))
    r2 = outcome()
    _setattr(builtins, name, real)
    _print(name, "| None ->", r1, "| wrapper ->", r2, box[0])
_print("done")
