# Global and builtin names read by functions hot enough for tier 2's lean calls, which
# look a name up with one dict subscript in a host ``try`` (tier2's t2globals.py): a
# module name first in the globals, a builtin's name in the builtins unless a global
# shadows it.  Each form must find what CPython finds after the namespaces change
# (a global added over a builtin, deleted again, a global deleted, a builtin added and
# removed) and raise the same NameError, with the same __context__, as CPython.
import builtins
import traceback


def helper(x):
    return x * 2


def uses_module_name(i):
    return helper(i)


def uses_builtin_name(i):
    return len([i]) + abs(-i)


def uses_late_name(i):
    return later_name + i


def uses_extra_builtin(i):
    return extra_builtin_xyz + i


def run(fn, n=40):
    out = []
    for i in range(n):
        try:
            out.append(fn(i))
        except NameError as e:
            out.append(("NameError", str(e), repr(e.__context__), e.__suppress_context__))
    return out[:2] + out[-2:]


print(run(uses_module_name))
print(run(uses_builtin_name))
# a global shadowing a builtin is found first, and the builtin again once it is deleted
len = lambda x: 100
print(run(uses_builtin_name))
del len
print(run(uses_builtin_name))
# a module name deleted: the builtins, then the NameError (no context: nothing handled)
helper_saved = helper
del helper
print(run(uses_module_name))
builtins.helper = lambda x: -x
print(run(uses_module_name))
del builtins.helper
print(run(uses_module_name))
helper = helper_saved
print(run(uses_module_name))
# a name defined later, and a builtin added then removed
print(run(uses_late_name))
later_name = 1000
print(run(uses_late_name))
del later_name
builtins.extra_builtin_xyz = 7
print(run(uses_extra_builtin))
del builtins.extra_builtin_xyz
print(run(uses_extra_builtin))


# the NameError raised while the caller handles an exception: that one is its context
def handling(fn, i):
    try:
        raise ValueError("handled %d" % i)
    except ValueError:
        try:
            fn(i)
        except NameError as e:
            return (str(e), repr(e.__context__), e.__suppress_context__)


print([handling(uses_late_name, i) for i in range(30)][-1])
print([handling(uses_extra_builtin, i) for i in range(30)][-1])
later_name = 5
print([handling(uses_late_name, i) for i in range(30)][-1])


# the traceback names the line of the global read
def deep(i):
    return uses_extra_builtin(i)


for i in range(30):
    try:
        deep(i)
    except NameError:
        tb = traceback.format_exc()
print(tb)
