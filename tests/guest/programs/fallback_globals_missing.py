# LOAD_GLOBAL with a dict subclass as globals: a miss asks the mapping with []
# (PyObject_GetItem), so its __missing__ runs before the builtins are tried.
class Defaults(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return "<%s>" % key
        raise KeyError(key)


SRC = '''
def f(n):
    out = []
    for i in range(n):
        out.append(auto_value)
        out.append(len(out))
    return out, auto_other

def g():
    return undefined_name
'''

ns = Defaults()
exec(SRC, ns)
for _ in range(4):                 # warm: fused groups too
    print(ns["f"](2))
try:
    ns["g"]()
except NameError as e:
    print("NameError:", e)


class Counting(dict):
    lookups = 0

    def __missing__(self, key):
        Counting.lookups += 1
        raise KeyError(key)


ns2 = Counting()
exec("def h():\n    return len('abc') + abs(-2)\n", ns2)
print([ns2["h"]() for _ in range(4)], Counting.lookups)
