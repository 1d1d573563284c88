# Text processing: word frequencies, n-grams, justification, caesar/vigenere, run-length encoding, anagrams.
from collections import Counter
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us."""
words = [w.strip(".,").lower() for w in TEXT.split()]
freq = Counter(words)
print(len(words), len(freq), freq.most_common(6))
print(sorted(w for w, c in freq.items() if c == 1))
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(4))
def justify(words, width):
    lines, cur = [], []
    for w in words:
        if sum(map(len, cur)) + len(cur) + len(w) > width:
            lines.append(cur); cur = []
        cur.append(w)
    lines.append(cur)
    out = []
    for line in lines[:-1]:
        gaps = len(line) - 1 or 1
        spaces = width - sum(map(len, line))
        s = ""
        for i, w in enumerate(line):
            s += w
            if i < gaps:
                s += " " * (spaces // gaps + (i < spaces % gaps))
        out.append(s)
    out.append(" ".join(lines[-1]).ljust(width))
    return out
for line in justify(TEXT.split()[:30], 36):
    print("|" + line + "|")
def caesar(s, k):
    return "".join(chr((ord(c) - base + k) % 26 + base) if c.isalpha() else c
                   for c in s for base in [ord("A") if c.isupper() else ord("a")])
def vigenere(s, key, sign=1):
    out, i = [], 0
    for c in s:
        if c.isalpha():
            base = ord("A") if c.isupper() else ord("a")
            out.append(chr((ord(c) - base + sign * (ord(key[i % len(key)]) - ord("a"))) % 26 + base))
            i += 1
        else:
            out.append(c)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3), vigenere("Attack at dawn", "lemon"), vigenere(vigenere("Attack at dawn", "lemon"), "lemon", -1))
def rle(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append("%d%s" % (j - i, s[i]))
        i = j
    return "".join(out)
def unrle(s):
    import re
    return "".join(ch * int(n) for n, ch in re.findall(r"(\d+)(\D)", s))
r = rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW")
print(r, unrle(r) == "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW")
groups = {}
for w in "listen silent enlist google inlets banana tinsel elgoog".split():
    groups.setdefault("".join(sorted(w)), []).append(w)
print(sorted(sorted(g) for g in groups.values() if len(g) > 1))
def is_palindrome(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]
print([is_palindrome(s) for s in ["A man, a plan, a canal: Panama", "race a car", "", "No 'x' in Nixon"]])
print(TEXT.title()[:60], TEXT.count("it was"), TEXT.lower().count("it was"), len(TEXT.splitlines()))
