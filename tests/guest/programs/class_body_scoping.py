# Class bodies: execution order, namespace, name mangling, methods not seeing class names.
print("before class")
class C:
    print("in class body")
    x = 1
    y = x + 1
    __private = "mangled"
    items = [x, y]
    def method(self):
        try:
            return x
        except NameError as e:
            return "NameError: %s" % e
    def get_private(self):
        return self.__private
    def set_private(self, v):
        self.__private = v
    print("locals:", sorted(k for k in locals() if not k.startswith("__")))
print("after class")
c = C()
print(C.y, C.items, c.method(), c.get_private(), C._C__private, hasattr(C, "__private"))
c.set_private(5)
print(vars(c), c.get_private())
class D(C):
    def get(self):
        try:
            return self.__private
        except AttributeError as e:
            return "AttributeError: %s" % e
print(D().get())
x = "global x"
class E:
    x = "class x"
    def f(self):
        return x
    g = lambda self: x
    h = [x for _ in range(1)]
print(E().f(), E().g(), E.h)
def factory(v):
    class Local:
        value = v
        def get(self):
            return v
    return Local
A, B = factory(1), factory(2)
print(A.value, B().get(), A is B, A.__qualname__)
class Counter:
    n = 0
    for i in range(3):
        n += i
    del i
print(Counter.n, hasattr(Counter, "i"))
class __Dunder:
    __x__ = "not mangled"
    def m(self):
        return self.__x__
print(__Dunder().m())
