# Globals or builtins that are dict subclasses: LOAD_GLOBAL asks __getitem__ (and __missing__),
# STORE_GLOBAL, exec and def read and write the dict itself; no overridden get/__contains__/__setitem__
import builtins

log = []

class G(dict):
    def get(self, key, default=None):
        log.append(("get", key))
        return dict.get(self, key, default)
    def __getitem__(self, key):
        log.append(("getitem", key))
        if key == "magic":
            return "from __getitem__"
        return dict.__getitem__(self, key)
    def __setitem__(self, key, value):
        log.append(("setitem", key))
        dict.__setitem__(self, key, value)
    def __contains__(self, key):
        log.append(("contains", key))
        return dict.__contains__(self, key)
    def __missing__(self, key):
        log.append(("missing", key))
        raise KeyError(key)

class M(dict):
    def __missing__(self, key):
        log.append(("missing", key))
        if key == "auto":
            return "made by __missing__"
        raise KeyError(key)

class Err(dict):
    def __getitem__(self, key):
        if key == "boom":
            raise ValueError("boom from __getitem__")
        return dict.__getitem__(self, key)

SRC = '''
def f():
    r = []
    r.append(x)
    r.append(magic)
    r.append(len("ab"))
    try:
        r.append(undefined_name)
    except NameError as e:
        r.append(str(e))
    return r
def g():
    global y
    y = 5
    return y
def loop(n):
    t = 0
    for i in range(n):
        t += x + len("a")
    return t
result_f = f()
result_g = g()
result_loop = loop(40)
z = magic
'''

def run(ns, label):
    del log[:]
    exec(compile(SRC, "<" + label + ">", "exec"), ns)
    print(label, ns["result_f"], ns["result_g"], ns["result_loop"], ns["z"])
    print("  log:", sorted(set(log)))

ns = G(x=1, __builtins__=builtins)
run(ns, "G")
try:
    exec(compile("def h():\n    return nothing\nr = h()\n", "<m1>", "exec"), M(x=3, __builtins__=builtins))
except NameError as e:
    print(type(e).__name__, e)
ns = M(x=3, __builtins__=builtins)
exec(compile("def h():\n    return auto, x\nr = h()\n", "<m2>", "exec"), ns)
print("M h", ns["r"])
try:
    exec(compile("def h():\n    return boom\nh()\n", "<err>", "exec"), Err(__builtins__=builtins))
except ValueError as e:
    print("ValueError", e)
# builtins a dict subclass (through __builtins__)
bns = G(vars(builtins))
ns = {"x": 4, "__builtins__": bns}
del log[:]
exec(compile("def h():\n    return len('abc'), x\nr = h()\nq = len('q')\n", "<b>", "exec"), ns)
print("builtins subclass", ns["r"], ns["q"], sorted(set(log)))
