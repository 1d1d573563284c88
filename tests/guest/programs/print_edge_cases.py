# print(): separators, end, file, flush, None values, objects without __str__ override.
import sys
print()
print(None)
print("a", "b", sep=None, end=None)
print("x", "y", sep="", end="|\n")
print(1, 2, 3, sep=" + ", end=" = 6\n")
print("to stdout", file=None)
print("flushed", flush=True)
print(*[], sep="never")
print(*"abc", sep="\n")
print("multi\nline", "text")
print("", "", sep="-")
print(end="no newline then ")
print("newline")
sys.stdout.write("write returns %d\n" % sys.stdout.write(""))
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", file="not a file")
except AttributeError as e:
    print("AttributeError:", e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("into", "object", sep="_", end="!", file=w)
print(w.parts)
print(1.0, 1e100, -0.0, 2 ** 64, [1.5, "s"], {"k": (1,)}, {1, 2}, b"b", bytearray(b"ba"), 3 + 0j, True, ...)
