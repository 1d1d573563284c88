# Which sources CPython 3.12+ compiles ``super().name`` to LOAD_SUPER_ATTR
# in, seen through the error of a deleted first argument (its
# UnboundLocalError, else super()'s RuntimeError): not where the module's
# own block names super (a use, a binding, a ``global super`` in any
# function, a module-level list/set/dict comprehension that names it, which
# 3.12 inlines; a generator expression is a block of its own), nor where
# the function binds super or declares it global; each source is its own
# module here (exec).
BODY = '''
class A:
    def m(self):
        return "A.m"
class B(A):
    def gone(self):
        del self
        return super().m()
try:
    B().gone()
except Exception as e:
    print(type(e).__name__, e)
'''
EXTRA = [
    "",
    "print(super is not None)\n",
    "def g():\n    global super\n",
    "x = [super for i in ()]\n",
    "x = {i: super for i in ()}\n",
    "x = (super for i in ())\n",
    "def g():\n    return [super for i in ()]\n",
    "import builtins\nbuiltins.x = 1\n",
]
for extra in EXTRA:
    print(repr(extra), end=": ")
    exec(BODY + extra, {"__name__": "m"})

LOCAL = '''
class A:
    def m(self):
        return "A.m"
class B(A):
    def gone(self):
        global super
        del self
        return super().m()
    def gone2(self):
        del self
        super = __builtins__["super"] if type(__builtins__) is dict else __builtins__.super
        return super().m()
for f in (B().gone, B().gone2):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
'''
exec(LOCAL, {"__name__": "m"})
