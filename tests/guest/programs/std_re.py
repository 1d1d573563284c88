# re: search, match, fullmatch, groups, named groups, findall, finditer, sub with functions, split, flags.
import re
text = "Contact: alice@example.com, bob.smith@mail.org; phone 555-1234 or 555-9876."
print(re.findall(r"[\w.]+@[\w.]+\w", text))
print(re.findall(r"(\d{3})-(\d{4})", text))
m = re.search(r"(?P<user>[\w.]+)@(?P<host>[\w.]+\.\w+)", text)
print(m.group(), m.group(1), m.group("host"), m.groups(), m.groupdict(), m.span(), m.start("host"), m.end())
print(re.match(r"\w+", text).group(), re.match(r"phone", text), re.fullmatch(r"\d+", "12345") is not None, re.fullmatch(r"\d+", "123a"))
for mm in re.finditer(r"\b(\w)(\w*)\b", "hello big world"):
    print(mm.group(0), mm.group(1).upper() + mm.group(2), mm.span())
print(re.sub(r"\d", "#", text), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"))
print(re.sub(r"\d+", lambda mo: str(int(mo.group()) * 2), "a1 b22 c333"), re.subn(r"o", "0", "foo boo"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(\d)", "a1b2c"), re.split(r"\s+", "  x  y ", maxsplit=1))
pat = re.compile(r"^(\w+):\s*(.*)$", re.MULTILINE)
headers = "Host: example\nAccept: */*\nX-Empty: \n"
print(pat.findall(headers), pat.pattern, bool(pat.flags & re.MULTILINE))
print(re.findall(r"a.c", "abc a\nc", re.DOTALL), re.findall(r"ABC", "abc AbC", re.IGNORECASE), re.escape("a.b*c?"))
verbose = re.compile(r"""
    (\d{4})  # year
    -(\d{2}) # month
    -(\d{2}) # day
""", re.VERBOSE)
print(verbose.sub(r"\3/\2/\1", "on 2024-01-31 and 1999-12-25"))
print(re.findall(r"(?<=\$)\d+", "cost $30, $45"), re.findall(r"\w+(?=!)", "hi! there wow!"), re.findall(r"(a|b)+", "abab cab"))
print(re.search(r"(\w+) \1", "the the cat").group(1), re.findall(r"<.*?>", "<a><b></b>"), re.findall(r"<.*>", "<a><b></b>"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e)
tokens = re.findall(r"\d+\.\d+|\d+|[-+*/()]|\w+", "3.5 * (x + 42) / y2")
print(tokens)
