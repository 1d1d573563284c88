# Non-dict namespaces: __prepare__ returning a logging mapping, exec with custom locals mappings.
class LoggingNS(dict):
    def __init__(self):
        super().__init__()
        self.log = []
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.log.append("set " + k)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        if not k.startswith("__"):
            self.log.append("get " + k)
        return super().__getitem__(k)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return LoggingNS()
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.ns_log = ns.log
        return cls
class Demo(metaclass=Meta):
    a = 1
    b = a + 1
    def f(self):
        return 0
    c = [b]
print(Demo.ns_log, Demo.b, Demo.c)
class Defaulting(dict):
    def __missing__(self, key):
        return "<%s>" % key
print(eval("x + '-' + y", {}, Defaulting(x="X")))
class Upper(dict):
    def __getitem__(self, k):
        return k.upper()
ns = Upper()
exec("r = hello + world", {}, ns)
print(dict(ns))
class Recorder:
    def __init__(self):
        self.data = {}
    def __getitem__(self, k):
        print("  getitem", k)
        if k in self.data:
            return self.data[k]
        raise KeyError(k)
    def __setitem__(self, k, v):
        print("  setitem", k, v)
        self.data[k] = v
    def __delitem__(self, k):
        print("  delitem", k)
        del self.data[k]
rec = Recorder()
exec("a = 1\nb = a + len('xy')\ndel a", {}, rec)
print(rec.data)
class Dup(dict):
    pass
d = Dup()
exec("def f(): return 'function defined into mapping'", {}, d)
print(d["f"]())
try:
    exec("z = undefined_name", {}, Recorder())
except NameError as e:
    print("NameError:", e)
