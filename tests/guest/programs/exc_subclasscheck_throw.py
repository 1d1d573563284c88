# host<3.12
# generator.throw() of an exception whose metaclass has __subclasscheck__: normalized once, at the generator's handler (3.12+ do not normalize there)
calls = []


class Meta(type):
    def __subclasscheck__(cls, sub):
        calls.append((cls.__name__, sub.__name__))
        return type.__subclasscheck__(cls, sub)


class E(Exception, metaclass=Meta):
    pass


def gen():
    for i in range(3):
        try:
            yield i
        except E as e:
            print("caught in the generator", e.args)


g = gen()
print(next(g))
for n in range(2):
    print(g.throw(E(n)), len(calls), calls[:3])
    calls.clear()
