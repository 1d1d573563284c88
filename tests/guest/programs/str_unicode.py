# Unicode text handling.
import unicodedata
s = "naïve café – résumé 😀 Ω"
print(s, len(s), len(s.encode("utf-8")), len(s.encode("utf-16-le")), s.encode("utf-8")[:12])
for ch in "aé😀Ω–":
    print(repr(ch), ord(ch), hex(ord(ch)), unicodedata.name(ch), unicodedata.category(ch), ch.encode("utf-8"))
nfd = unicodedata.normalize("NFD", "é")
print(len(nfd), nfd == "é", unicodedata.normalize("NFC", nfd) == "é", [hex(ord(c)) for c in nfd])
print("\u00e9", "\N{GREEK SMALL LETTER ALPHA}", "\U0001F600", "\x41", "\101", "\t|", r"\n raw")
print(s.encode("ascii", "ignore"), s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"))
print("ΑΒΓ".lower(), "ﬁ".upper(), "ǆ".title(), "I".lower(), sorted("éaèb"), "ä" > "z")
print(repr("\x00\x7f\x80\u200b"), ascii("日本"), str("日本".encode()), "日本語"[1], "日本語"[::-1])
print(b"\xe6\x97\xa5".decode("utf-8"), "x".join("日本"), "日本".center(6, "·"), f"{'日本':>5}|")
