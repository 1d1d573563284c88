# A metaclass __subclasscheck__ and raise/except: CPython normalizes the exception once per handler entered
calls = []


class Meta(type):
    def __subclasscheck__(cls, sub):
        calls.append((cls.__name__, sub.__name__))
        return type.__subclasscheck__(cls, sub)


class E(Exception, metaclass=Meta):
    pass


class F(E):
    pass


def show(label):
    print(label, len(calls), calls[:6])
    calls.clear()


try:
    raise E()
except E:
    pass
show("raise instance, except E:")

try:
    raise E
except Exception:
    pass
show("raise class, except Exception:")


def f():
    raise F("x")


try:
    f()
except E as e:
    print(type(e).__name__, e.args)
show("raised by a callee:")


def deep(n):
    if n == 0:
        raise E("deep")
    return deep(n - 1)


try:
    deep(20)
except E as e:
    print(e.args)
show("through 20 frames:")


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__)
        return True


with CM():
    raise E("in with")
show("with, suppressed:")


def gen():
    yield 1
    raise E("gen")


try:
    for x in gen():
        print("got", x)
except E as e:
    print("gen raised", e.args)
show("from a generator:")

try:
    sorted([3, 1, 2], key=lambda v: f())
except E as e:
    print("through sorted", e.args)
show("through a builtin:")

print(issubclass(E, E), issubclass(F, E), issubclass(E, F))
show("explicit issubclass:")

e = E("kept")
for i in range(3):
    try:
        raise e
    except E as got:
        print(i, got is e)
show("the same instance three times:")


class Answer(type):
    def __subclasscheck__(cls, sub):
        calls.append("answer")
        return False


class G(Exception, metaclass=Answer):
    pass


try:
    raise G("a")
except Exception as got:
    print(type(got).__name__, got.args, type(got.args[0]).__name__)
show("hook says no:")


class Boom(type):
    def __subclasscheck__(cls, sub):
        calls.append("boom")
        raise KeyError("from the hook")


class H(Exception, metaclass=Boom):
    pass


try:
    raise H("h")
except Exception as got:
    print(type(got).__name__, got.args, type(got.__context__).__name__)
show("hook raises:")
