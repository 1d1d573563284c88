# An uncaught exception whose metaclass has __subclasscheck__: printing it normalizes it once
class Meta(type):
    def __subclasscheck__(cls, sub):
        print("hook", cls.__name__, sub.__name__)
        return type.__subclasscheck__(cls, sub)
class E(Exception, metaclass=Meta):
    pass
def g():
    raise E("out")
print("start")
g()
