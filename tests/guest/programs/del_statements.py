# del on names, attributes, subscripts, slices, tuples of targets; NameError/UnboundLocalError afterwards.
a, b, c = 1, 2, 3
del a
try:
    a
except NameError as e:
    print("NameError:", e)
del b, c
print("b" in globals(), "c" in globals())
lst = list(range(10))
del lst[0], lst[-1]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
d = {"x": 1, "y": 2, "z": 3}
del d["y"]
print(d)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
class O:
    pass
o = O()
o.p, o.q = 1, 2
del o.p
print(vars(o))
try:
    del o.p
except AttributeError as e:
    print("AttributeError:", e)
def local_del():
    v = 5
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: %s" % e
print(local_del())
def del_then_rebind():
    v = 1
    del v
    v = 2
    return v
print(del_then_rebind())
nested = [[1, 2], {"k": [3, 4]}]
del nested[1]["k"][0], nested[0][1]
print(nested)
x = [1, 2, 3]
(y, z) = (x, x)
del (y, z)
print("y" in dir(), x)
for i in range(3):
    pass
del i
try:
    print(i)
except NameError as e:
    print("NameError:", e)
class WithDel:
    def __delitem__(self, k):
        print("  __delitem__", k)
    def __delattr__(self, name):
        print("  __delattr__", name)
w = WithDel()
del w[1:2], w["key"], w.attr
def free_var_del():
    v = "cell"
    def get():
        return v
    del v
    try:
        return get()
    except NameError as e:
        return "NameError: %s" % e
print(free_var_del())
