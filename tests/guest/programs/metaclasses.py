# Metaclasses: __new__/__init__/__call__/__prepare__, class keywords, registries.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, sorted(kw))
        ns = {"injected": "by prepare"}
        return ns
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args)
        inst = super().__call__(*args, **kwargs)
        inst.made_by_meta = True
        return inst
    def describe(cls):
        return "class %s tag=%s" % (cls.__name__, cls.tag)
class Base(metaclass=Meta, tag="base"):
    def __init__(self, v):
        self.v = v
class Child(Base, tag="child"):
    x = 1
c = Child(5)
print(c.v, c.made_by_meta, c.injected, Child.describe(), Base.tag, type(Child).__name__, isinstance(Child, Meta))
try:
    c.describe()
except AttributeError as e:
    print("AttributeError:", e)
class RegistryMeta(type):
    registry = {}
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.registry[name.lower()] = cls
        return cls
class Plugin(metaclass=RegistryMeta):
    pass
class Alpha(Plugin): pass
class Beta(Plugin): pass
print(sorted(RegistryMeta.registry), RegistryMeta.registry["beta"].__name__)
Dyn = type("Dyn", (Alpha,), {"hello": lambda self: "hi from " + type(self).__name__, "n": 3})
print(Dyn().hello(), Dyn.n, Dyn.__mro__[1].__name__, sorted(RegistryMeta.registry))
class OrderedMeta(type):
    def __new__(mcls, name, bases, ns):
        ns["field_order"] = [k for k in ns if not k.startswith("_")]
        return super().__new__(mcls, name, bases, ns)
class Rec(metaclass=OrderedMeta):
    zeta = 1
    alpha = 2
    def mid(self): pass
print(Rec.field_order)
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class Mixed(A1, A2): pass
except TypeError as e:
    print("TypeError:", e)
