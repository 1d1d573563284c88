# operator and copy modules with guest objects.
import operator, copy
rows = [{"n": "b", "v": 2}, {"n": "a", "v": 3}, {"n": "c", "v": 1}]
print(sorted(rows, key=operator.itemgetter("v")), [r["n"] for r in sorted(rows, key=operator.itemgetter("n"))])
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.info = {"tags": [name]}
    def greet(self, greeting):
        return greeting + " " + self.name
    def __repr__(self):
        return "P(%s,%d)" % (self.name, self.age)
people = [P("zed", 30), P("amy", 25), P("bob", 30)]
print(sorted(people, key=operator.attrgetter("age", "name")), list(map(operator.methodcaller("greet", "hi"), people)))
print(operator.itemgetter(1, 3)("abcd"), operator.attrgetter("info.__len__")(people[0])(), operator.add(2, 3), operator.mul("a", 3))
print(operator.neg(5), operator.not_(0), operator.truth([]), operator.contains([1, 2], 2), operator.concat([1], [2]), operator.getitem({"k": 1}, "k"))
lst = [1, 2, 3]
operator.setitem(lst, 0, 9); operator.delitem(lst, 1); print(lst, operator.index(7), operator.is_(None, None), operator.lt(1, 2))
print(operator.iadd([1], [2]), operator.ipow(2, 10), operator.floordiv(7, 2), operator.mod(7, 3), operator.xor(6, 3), operator.length_hint(iter(range(7))))
import functools
print(functools.reduce(operator.or_, [1, 2, 4, 8]), list(map(operator.sub, [10, 20], [1, 2])))
orig = {"list": [1, [2, 3]], "person": people[0], "t": (1, [2])}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append(99)
orig["person"].info["tags"].append("x")
print(shallow["list"], deep["list"], shallow["person"].info, deep["person"].info, deep["person"] is orig["person"])
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("  __copy__")
        return Custom(self.v)
    def __deepcopy__(self, memo):
        print("  __deepcopy__")
        return Custom(copy.deepcopy(self.v, memo))
c = Custom([1])
c1, c2 = copy.copy(c), copy.deepcopy(c)
print(c1.v is c.v, c2.v is c.v, c2.v)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)
