# Class calls at hot call sites whose guest __init__ tier 2 keeps per class
# version tag (tier2._class_call's fast form, t2attr.class_seen; tested
# first where the callable is read by a guest class's name): every change
# that makes calling the class do something else must be seen at the next
# call: __init__ or __new__ assigned on the class or on a base, __bases__
# assigned, __init__'s __code__ or __defaults__ replaced, the name rebound to
# a function, a builtin, a non-callable, many classes through one site,
# classes remade in a loop, a metaclass, __init__ returning a value.


class Base:
    def __init__(self, a):
        self.a = a


class Child(Base):
    pass


class Other:
    def __init__(self, a):
        self.a = a * 100


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def point_sum(n):
    t = 0
    for i in range(n):
        p = Point(i, 2)
        t += p.x * p.y
    return t


def child_calls(n, change_at, change):
    out = []
    for i in range(n):
        if i == change_at:
            change()
        try:
            c = Child(i)
            out.append(getattr(c, "a", None))
        except Exception as e:
            out.append("%s: %s" % (type(e).__name__, e))
    return out[change_at - 1:change_at + 2]


def base_init_assigned():
    def init(self, a):
        self.a = -a
    Base.__init__ = init


def child_init_assigned():
    Child.__init__ = lambda self, a: setattr(self, "a", ("child", a))


def new_assigned():
    Child.__new__ = lambda cls, a: object.__new__(cls)


def new_returning_other():
    Child.__new__ = lambda cls, a: ("not a Child", a)


def new_set_deleted():
    # (slot_tp_new stays: object.__new__ refuses the argument from now on)
    Child.__new__ = lambda cls, a: object.__new__(cls)
    del Child.__new__


def base_new_set_deleted():
    Base.__new__ = lambda cls, a: object.__new__(cls)
    del Base.__new__


def bases_assigned():
    Child.__bases__ = (Other,)


def code_assigned():
    def other(self, a):
        self.a = ("code", a)
    Base.__init__.__code__ = other.__code__


def init_returns():
    def init(self, a):
        return a
    Base.__init__ = init


def init_deleted():
    del Child.__init__


def reset():
    global Base, Child, Other

    class Base:
        def __init__(self, a):
            self.a = a

    class Child(Base):
        pass

    class Other:
        def __init__(self, a):
            self.a = a * 100


for change in (base_init_assigned, child_init_assigned, new_assigned, new_returning_other,
               new_set_deleted, base_new_set_deleted, bases_assigned, code_assigned,
               init_returns):
    reset()
    print(change.__name__, child_calls(300, 150, change))

reset()
child_init_assigned()
print("init_deleted", child_calls(300, 150, init_deleted))


def defaults_changed():
    Point.__init__.__defaults__ = (7,)


def point_calls(n, change_at, change):
    out = []
    for i in range(n):
        if i == change_at:
            change()
        p = Point(i, 1)
        out.append((p.x, p.y))
    return out[change_at - 1:change_at + 2]


print(point_sum(400))
print("defaults", point_calls(300, 150, defaults_changed))


def rebound(n):
    global Point
    out = []
    keep = Point
    for i in range(n):
        if i == n // 4:
            Point = lambda x, y: ("function", x, y)
        elif i == n // 2:
            Point = complex
        elif i == 3 * n // 4:
            Point = 5
        try:
            r = Point(i, 1)
            out.append(r if type(r) is not keep else ("Point", r.x, r.y))
        except TypeError as e:
            out.append(str(e))
    Point = keep
    return [out[k] for k in (n // 4 - 1, n // 4, n // 2, 3 * n // 4)]


print(rebound(400))


def many_classes(n):
    classes = []
    for k in range(12):
        class K:
            def __init__(self, v, k=k):
                self.v = v + k
        classes.append(K)
    t = 0
    for i in range(n):
        cls = classes[i % 12]
        t += cls(i).v
    return t


print(many_classes(600))


def remade(n):
    t = 0
    for i in range(n):
        class R:
            def __init__(self, v, i=i):
                self.v = v * i
        t += R(2).v
    return t


print(remade(300))


class Empty:
    def __init__(self):
        self.made = True


def no_arguments(n):
    t = 0
    for i in range(n):
        if i == n // 2:
            Empty.__new__ = lambda cls: object.__new__(cls)
            del Empty.__new__
        t += Empty().made
    return t


print(no_arguments(300))


class Late:
    def __init__(self, a):
        self.a = a


def deleted_while_hot(n):
    out = []
    for i in range(n):
        if i == n // 2:
            Late.__new__ = staticmethod(lambda cls, a: object.__new__(cls))
            del Late.__new__
        try:
            out.append(Late(i).a)
        except TypeError as e:
            out.append(str(e))
    return out[n // 2 - 1:n // 2 + 1]


print(deleted_while_hot(300))


class Meta(type):
    def __call__(cls, *args):
        return ("meta", args)


class WithMeta(metaclass=Meta):
    def __init__(self, a):
        self.a = a


def meta_calls(n):
    out = []
    for i in range(n):
        out.append(WithMeta(i))
    return out[-1]


print(meta_calls(300))


class Counted:
    made = 0

    def __init__(self, a):
        Counted.made += 1
        if a == 250:
            raise ValueError("no %d" % a)


def raising(n):
    try:
        for i in range(n):
            Counted(i)
    except ValueError as e:
        import traceback
        print(type(e).__name__, e, Counted.made)
        print("".join(traceback.format_exception(type(e), e, e.__traceback__)[-2:]), end="")


raising(300)
