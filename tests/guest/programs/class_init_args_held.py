# A class call holds its arguments until __init__ returns (type_call's argument tuple), whatever __init__'s shape
# host<3.13
import weakref

log = []
refs = []


class Thing:
    def __init__(self, name):
        self.name = name


def watch(obj):
    refs.append(weakref.ref(obj, lambda r, n=obj.name: log.append("died " + n)))


class Plain:
    def __init__(self, x):
        watch(x)
        del x
        log.append("after del")


class KwOnly:
    def __init__(self, x, *, flag=False):
        watch(x)
        del x
        log.append("after del")


class Star:
    def __init__(self, *args):
        watch(args[0])
        del args
        log.append("after del")


class Cell:
    def __init__(self, x):
        watch(x)
        get = lambda: x
        x = None
        log.append("after rebind " + str(get()))


class LocalRef:
    # the weakref is a local of __init__: it dies with the frame, before the
    # argument tuple lets the argument go, so its callback never runs
    def __init__(self, x):
        self.r = None
        r = weakref.ref(x, lambda r: log.append("local callback"))
        del x
        log.append("after del, alive: " + str(r() is not None))


class Raises:
    def __init__(self, x):
        watch(x)
        del x
        log.append("after del")
        raise ValueError("no")


def show(label, make):
    log.clear()
    try:
        obj = make()
    except ValueError as e:
        log.append("raised " + str(e))
    log.append("returned")
    print(label, log)


for i in range(3):
    show("plain", lambda: Plain(Thing("p")))
    show("keyword", lambda: Plain(x=Thing("k")))
    show("kw-only", lambda: KwOnly(Thing("o"), flag=True))
    show("star", lambda: Star(Thing("s")))
    show("cell", lambda: Cell(Thing("c")))
    show("local weakref", lambda: LocalRef(Thing("l")))
    show("raises", lambda: Raises(Thing("r")))
