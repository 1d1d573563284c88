# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__, and proxies.
class Dyn:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        print("  __getattr__", name)
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError("%r has no %r" % (type(self).__name__, name))
d = Dyn()
print(d.real, d.x_hello, getattr(d, "x_abc"), hasattr(d, "nope"), getattr(d, "nope", "fallback"))
class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.a = 1
    def __getattribute__(self, name):
        if name != "log":
            self.log.append("get " + name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
    def method(self):
        return "m"
lg = Logged()
lg.b = lg.a + 1
lg.method()
del lg.a
try:
    lg.a
except AttributeError as e:
    print("AttributeError:", e)
print(lg.log)
class Both:
    def __getattribute__(self, name):
        if name == "special":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback for " + name
print(Both().special, Both().other)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
    def __dir__(self):
        return ["_target", "proxied"]
lst = []
p = Proxy(lst)
p.append(1)
p.extend([2, 3])
print(lst, p.count(2), dir(p))
try:
    len(p)
except TypeError as e:
    print("TypeError:", e)
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, k, v):
        raise AttributeError("frozen: cannot set %s" % k)
f = Frozen(x=1)
try:
    f.x = 2
except AttributeError as e:
    print("AttributeError:", e, f.x)
class Recurse:
    def __getattr__(self, name):
        if name == "loop":
            return self.other_missing
        raise AttributeError(name)
try:
    Recurse().loop
except AttributeError as e:
    print("AttributeError:", e)
