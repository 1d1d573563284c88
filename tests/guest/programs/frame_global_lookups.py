# Global and builtin names read by frame-based tier-2 functions (functions with
# handlers: a Frame per call), hot: where the frame's globals and builtins are
# exact dicts they are read with one subscript in a host ``try`` (the prologue's
# ``exact``), else as before (dict subclasses: __getitem__, __missing__).  Each
# read must find what CPython finds as the namespaces change (a global added over
# a builtin, deleted again, a global deleted, a builtin added and removed) and
# raise the same NameError, with the same __context__, in and out of handlers.
import builtins


def helper(x):
    return x * 2


def module_name(i):
    try:
        return helper(i)
    except ZeroDivisionError:
        return None


def builtin_name(i):
    try:
        return len([i]) + abs(-i)
    finally:
        pass


def late_name(i):
    try:
        return later_name + i
    except TypeError:
        return "typeerror"


def extra_builtin(i):
    try:
        return extra_builtin_frame_xyz + i
    except TypeError:
        return "typeerror"


def in_handler(i):
    try:
        {}[i]
    except KeyError:
        return missing_in_handler_xyz


def run(fn, n=40):
    out = []
    for i in range(n):
        try:
            out.append(fn(i))
        except NameError as e:
            out.append(("NameError", str(e), repr(e.__context__), e.__suppress_context__))
    return out[:2] + out[-2:]


print(run(module_name), run(builtin_name))
print(run(late_name))
later_name = 100
print(run(late_name))
del later_name
print(run(late_name))
len = lambda x: 1000        # a global over a builtin
print(run(builtin_name))
del len
print(run(builtin_name))
print(run(extra_builtin))
builtins.extra_builtin_frame_xyz = 7
print(run(extra_builtin))
extra_builtin_frame_xyz = 9     # the global shadows it
print(run(extra_builtin))
del extra_builtin_frame_xyz
del builtins.extra_builtin_frame_xyz
print(run(extra_builtin))
print(run(in_handler))

# the same functions with globals or builtins that are not exact dicts
class Missing(dict):
    def __missing__(self, key):
        if key == "helper":
            return lambda x: -x
        raise KeyError(key)


source = (
    "def frame_reads(i):\n"
    "    try:\n"
    "        return helper(i) + len([i])\n"
    "    except ZeroDivisionError:\n"
    "        return None\n"
    "out = [frame_reads(i) for i in range(30)]\n"
)
g = Missing()
exec(source, g)
print(g["out"][:3], g["out"][-1])


class Builtins(dict):
    def __getitem__(self, key):
        if key == "len":
            return lambda x: 500
        return dict.__getitem__(self, key)


b = Builtins(vars(builtins))
g2 = {"__builtins__": b, "helper": helper}
exec(source, g2)
print(g2["out"][:3], g2["out"][-1])
