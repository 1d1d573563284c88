# compile(), eval() and generators keep working after the guest deletes or rebinds sys._getframe (attrs does).
import sys
g = sys._getframe
del sys._getframe
c = compile("x = 1 + 2", "<s>", "exec")
ns = {}; exec(c, ns); print(ns["x"])
print(eval("3 * 4"))
def gen():
    yield 1
print(list(gen()), hasattr(sys, "_getframe"))
sys._getframe = None
print(eval("[i for i in range(3)]"))
sys._getframe = g
print(sys._getframe().f_code.co_name)
