# f-strings: expressions, conversions, nested specs, self-documenting '='.
name, n, pi = "Ada", 42, 3.14159265
items = ["x", "y"]
d = {"k": 10}
print(f"{name} {n} {pi}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:x}|{n:#b}")
print(f"{pi:.2f} {pi:10.4f} {pi:e} {pi:%}")
w, p = 12, 3
print(f"{pi:{w}.{p}f}|{name:>{w}}|{n:{'^'}{w}}")
print(f"{n + 1} {n * 2 if n > 40 else 0} {items[0]} {d['k']} {len(items)}")
print(f"{[i * i for i in range(5)]} {sum(i for i in range(5))} {(lambda x: x * 2)(4)}")
print(f"{n=} {pi=:.2f} {name=!r} {n + 1 = }")
print(f"{{braces}} {{{n}}} {'{'}")
print(f"nested {f'inner {n}'} {f'{name:>{5}}'}")
print(f"{'multi'}" f"{'ple'}" "plain" f"{n}")
x = 10
print(f"{x:>{x}}|", f"{x!r:>6}|", f"{3.0:g}", f"{1e-7:g}", f"{-0.0:+.1f}")
class C:
    def __format__(self, spec):
        return "C<" + spec + ">"
    def __str__(self):
        return "Cstr"
    def __repr__(self):
        return "Crepr"
c = C()
print(f"{c} {c:xyz} {c!s} {c!r} {c!r:>8}")
import datetime
dt = datetime.date(2024, 2, 29)
print(f"{dt:%Y/%m/%d} {dt:%A %B}")
rows = [("apple", 1.5, 3), ("banana", 0.25, 12)]
for r in rows:
    print(f"{r[0]:<10}|{r[1]:>6.2f}|{r[2]:>4}|{r[1] * r[2]:>8.3f}")
