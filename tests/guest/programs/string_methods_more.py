# More str methods: format_map, partition edge cases, split edge cases, count/replace with empty strings.
print("{a}-{b}".format_map({"a": 1, "b": 2}))
class Default(dict):
    def __missing__(self, k):
        return "?" + k
print("{x} and {y}".format_map(Default(x="X")))
print("a,b,c".partition(","), "abc".partition("z"), "abc".rpartition("z"), "".partition("x"))
print("".split(), "".split(","), " ".split(), ",".split(","), "a,,b,".split(","), "a b".split(None, 0), "  a  b  ".split(None, 1))
print("x".rsplit(), "a b c".rsplit(None, 1), "aaa".split("a"), "mississippi".split("ss"))
print("abc".count(""), "".count(""), "aaaa".count("aa"), "abc".replace("", "-"), "aaa".replace("a", "b", 0))
print("abc".find(""), "abc".rfind(""), "abc".index("c", 1, 3), "abcabc".rfind("b", 0, 3), "abc".find("c", -1))
print("Hello World".swapcase(), "hello world".title(), "they're bill's friends".title(), "o'neil".capitalize())
print("x".center(4), "x".center(5, "-"), "ab".ljust(1), "%".rjust(3, "%"), "3".zfill(0), "+3".zfill(4))
print("  \t\n x \n".strip(), "xxhixx".strip("x"), "abcba".strip("ab"), "www.example.com".lstrip("w."), "a.b.c".rstrip(".c"))
print(" ".join([]), "-".join("abc"), ",".join(map(str, [1, 2])), "".join(["a"] * 3))
print("ab" < "abc", "a" * 0, "abc"[10:], "abc"[-10:], "x" in "", "" in "x", "ABC".lower().islower())
print("The End".endswith(("nd", "x")), "The End".startswith("End", 4), "abc".startswith(("z", "a")), "tEsT".casefold())
print("ß".upper(), "ﬀ".upper(), "İ".casefold() == "i̇", "ǈ".istitle(), "a1!".isprintable(), "\x07".isprintable())
print("12".isdecimal(), "½".isnumeric(), "½".isdigit(), "abc".isascii(), "é".isascii(), "ab cd".split(" ", -1))
