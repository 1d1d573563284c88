# Building text: joins, accumulation, repr of containers with strings.
lines = []
for i in range(12):
    lines.append(("#" * i).ljust(12, ".") + "|" + str(i * i).rjust(4))
print("\n".join(lines))
table = {"name": ["Ann", "Bob", "Cy"], "score": [90, 7, 123]}
width = {k: max(len(k), *(len(str(v)) for v in vs)) for k, vs in table.items()}
print(" | ".join(k.upper().center(width[k]) for k in table))
for row in zip(*table.values()):
    print(" | ".join(str(v).rjust(width[k]) for k, v in zip(table, row)))
print(repr(["a'b", 'a"b', "a'\"b", "\\", "\n"]), str(("x",)), repr({"k": "v"}))
acc = ""
for word in "one two three four".split():
    acc += word[0].upper() + word[1:] + " "
print(repr(acc), acc.strip().swapcase())
print("".join(chr(ord("a") + (ord(c) - ord("a") + 13) % 26) if c.isalpha() else c for c in "hello, rot thirteen"))
print("%-10s|%10s|" % ("left", "right"), "{:-^20}".format(" mid "))
import io
buf = io.StringIO()
for i in range(5):
    print(i, i * "*", sep=":", end=";", file=buf)
buf.write("END")
print(buf.getvalue())
print("a", "b", sep="")
print("x", end="")
print("y", 1, None, True, 2.5, sep="--")
print(*range(10), sep=",")
print()
