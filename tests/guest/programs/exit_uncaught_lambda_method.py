# Ends with an AttributeError inside a lambda called from a method called from a class body helper.
class Registry:
    handlers = {"up": lambda s: s.upper(), "len": lambda s: len(s), "bad": lambda s: s.no_such_method()}
    def dispatch(self, name, value):
        return self.handlers[name](value)
r = Registry()
print(r.dispatch("up", "abc"), r.dispatch("len", "abcd"))
print(r.dispatch("bad", "boom"))
