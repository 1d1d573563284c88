# sys and threading while the VM's hooks are installed (their module class is
# a subclass with a property for the hook): pickled as CPython pickles a
# module, and the VM's modules stay out of sys.modules however the guest
# iterates it (a lazily loaded VM module once listed them mid-iteration)
import copy
import pickle
import sys
import threading

for mod in (sys, threading):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        try:
            pickle.dumps(mod, proto)
        except TypeError as e:
            print(mod.__name__, proto, e)
    try:
        copy.copy(mod)
    except TypeError as e:
        print("copy", e)


def names():
    return [n for n in sys.modules if n.startswith("evalframe")]


print(names(), [n for n in sys.modules if n.startswith("evalframe")])
for _ in range(3):
    print(sum(1 for n in sys.modules if n.startswith("evalframe")))
