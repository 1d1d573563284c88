# __init_subclass__, __set_name__ and __class_getitem__.
class Plugin:
    plugins = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls.plugin_name)
        print("registered", cls.__name__, cls.plugin_name)
class Csv(Plugin, name="csv"): pass
class Json(Plugin): pass
class JsonLines(Json, name="jsonl"): pass
print(Plugin.plugins, JsonLines.plugin_name, Json.plugin_name)
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print("TypeError:", e)
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.public, self.private = name, "_" + name
    def __get__(self, obj, cls=None):
        return self if obj is None else getattr(obj, self.private, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Model:
    first = Field()
    second = Field()
m = Model()
m.first = 1
print(m.first, m.second, Model.first.public)
late = Field()
Model.third = late
print(hasattr(late, "public"))
late.__set_name__(Model, "third")
m.third = 3
print(m.third)
class Box:
    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, getattr(item, "__name__", repr(item)))
print(Box[int], Box["x"], Box[int, str] if False else Box[(1, 2)])
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__, list[int]([1, 2]))
class Stack(list):
    pass
print(Stack[int], Stack[int].__origin__ is Stack)
