# Issue 10 point 5: runaway recursion that passes through C code (a dunder
# slot called by a builtin, an operator, a key function) fails at CPython's
# depth with CPython's message: on 3.10/3.11 the C calls' own recursion checks
# (builtin call, PyObject_Repr, PyObject_RichCompare) count on the same depth
depth = 0
def run(name, fn):
    global depth
    depth = 0
    try:
        fn()
    except RecursionError as e:
        print(name, depth, e)
def f():
    global depth
    depth += 1
    f()
run("pycall", f)
class A:
    def __repr__(self):
        global depth; depth += 1
        return repr(self)
run("repr", lambda: repr(A()))
class A2:
    def __repr__(self):
        global depth; depth += 1
        return "%r" % (self,)
run("repr%", lambda: repr(A2()))
class A3:
    def __repr__(self):
        global depth; depth += 1
        return f"{self!r}"
run("reprf", lambda: repr(A3()))
class B2:
    def __getattr__(self, name):
        global depth; depth += 1
        return self.y
run("getattr.", lambda: B2().x)
class C:
    def __eq__(self, o):
        global depth; depth += 1
        return self == o
run("eq", lambda: C() == 1)
class E:
    def __hash__(self):
        global depth; depth += 1
        return hash(self)
run("hash", lambda: hash(E()))
class F:
    def __add__(self, o):
        global depth; depth += 1
        return self + o
run("add", lambda: F() + 1)
class P:
    @property
    def p(self):
        global depth; depth += 1
        return self.p
run("property", lambda: P().p)
def m():
    global depth; depth += 1
    return list(map(lambda x: m(), [1]))
run("map", m)
class CL:
    def __call__(self):
        global depth; depth += 1
        return self()
run("call", lambda: CL()())
def gen():
    global depth; depth += 1
    yield from gen()
run("yieldfrom", lambda: list(gen()))
# the depth seen afterwards is the module's again
def probe():
    import sys
    try:
        sys.setrecursionlimit(1)
    except RecursionError as e:
        return str(e)
print(probe())
class R:
    def __repr__(self):
        return repr(self)
repr(R())
