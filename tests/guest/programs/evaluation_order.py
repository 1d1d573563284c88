# Evaluation order: operands, call arguments, subscripts, assignments, dict displays, chained comparisons.
def t(label, value=None):
    print("  eval", label)
    return label if value is None else value
print("binary:", t("a", 1) + t("b", 2) * t("c", 3))
print("call:", t("f", lambda *a, **k: (a, k))(t("x"), t("y"), k=t("kw"), **{t("dk"): t("dv")}))
d = {t("k1"): t("v1"), t("k2"): t("v2")}
print("dict:", d)
print("list:", [t(1, 1), t(2, 2)], "tuple:", (t(3, 3), t(4, 4)))
print("subscript:", t("seq", [10, 20, 30])[t("idx", 1)])
print("slice:", t("seq", "abcdef")[t("lo", 1):t("hi", 4):t("st", 2)])
store = {}
t("target", store)[t("key")] = t("value")
print(store)
a = [0, 0]
i = 0
i, a[i] = 1, 5
print("tuple assign", i, a)
x = y = t("multi")
print(x, y)
print("chained:", t("p", 1) < t("q", 2) < t("r", 0) < t("s", 5))
print("and/or:", t("A", 0) and t("B", 1), t("C", 0) or t("D", 2))
print("cond:", t("yes") if t("test", True) else t("no"))
print("fstring:", f"{t('f1')}{t('f2')}")
print("augmented:")
cnt = {"n": 1}
t("obj", cnt)[t("key2", "n")] += t("inc", 5)
print(cnt)
class Obj:
    pass
o = Obj()
t("o", o).attr = t("attr value")
print(o.attr)
print("unpack:", [*t("s1", [1]), *t("s2", [2])], {**t("m1", {"a": 1}), **t("m2", {"b": 2})})
def defaults(a=t("default evaluated at def time")):
    return a
print(defaults(), defaults("given"))
print("comprehension:", [t(v, v) for v in t("iterable", [1, 2])])
print("method:", t("obj2", "hello").upper(), t("text", "a-b").split(t("sep", "-")))
