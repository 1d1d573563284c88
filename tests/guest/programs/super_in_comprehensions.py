# Zero-argument super() inside comprehensions of a method.  CPython 3.12+
# runs a list, set or dict comprehension inline in the method's frame (PEP
# 709): super() there reads the method's first argument (and a deleted one
# is LOAD_SUPER_ATTR's UnboundLocalError at ``super().name``); before 3.12,
# and in a generator expression on any version, the comprehension's own
# first argument is its iterator: super()'s TypeError.  Cold and hot.
class A:
    def m(self, *a):
        return "A.m%s" % (a,)


class B(A):
    def lc(self):
        return [super().m() for i in range(2)]

    def bare(self):
        return [type(super()).__name__ for i in range(1)]

    def dc(self):
        return {i: super().m(i) for i in range(2)}

    def sc(self):
        return {super().m() for i in range(1)}

    def nested(self):
        return [[super().m(i, j) for j in range(2)] for i in range(1)]

    def cellarg(self):
        f = lambda: self
        return [super().m() for i in range(1)]

    def ge(self):
        return list(super().m() for i in range(1))

    def gone(self):
        del self
        return [super().m() for i in range(1)]

    def gone_bare(self):
        del self
        return [super() for i in range(1)]

    def in_lambda(self):
        return (lambda: [super().m() for i in range(1)])()

    def in_lambda_arg(self):
        return (lambda y: [super().m() for i in range(1)])(self)


def run():
    b = B()
    out = {}
    for rep in range(300):
        for name in ("lc", "bare", "dc", "sc", "nested", "cellarg", "ge", "gone",
                     "gone_bare", "in_lambda", "in_lambda_arg"):
            try:
                out[name] = getattr(b, name)()
            except Exception as e:
                out[name] = "%s: %s" % (type(e).__name__, e)
    for name, value in out.items():
        print(name, value)


run()
B().gone()
