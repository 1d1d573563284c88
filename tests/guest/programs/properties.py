# property: getter/setter/deleter, decorator and call forms, inheritance, read-only errors.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        "Celsius value."
        print("get celsius")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set celsius", v)
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("del celsius")
        del self._c
    def _get_f(self):
        return self._c * 9 / 5 + 32
    fahrenheit = property(_get_f, doc="Fahrenheit (read only)")
t = Temp(20)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit, Temp.celsius.__doc__, Temp.fahrenheit.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return "sub:%s" % self._c
s = Sub(5)
print(s.celsius)
s.celsius = 7
print(s.celsius)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
l = Lazy()
print(l.value, l.value, l.computed, Lazy.value.fget(l), Lazy.value.fset)
