# bytes and bytearray.
b = b"hello world"
print(b, b[0], b[-1], b[1:5], b[::-1], len(b), b.upper(), b.split(), b.replace(b"o", b"0"))
print(b.find(b"o"), b.count(b"l"), b.startswith(b"he"), b.hex(), bytes.fromhex("de ad be ef"), b.hex(":", 2))
print(list(b[:3]), bytes([65, 66, 67]), bytes(3), bytes(range(5)), b"\x00\xff".hex(), b"a" + b"b", b"ab" * 3)
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), "café".encode("latin-1"), "café".encode("ascii", "replace"))
print(b.isalpha(), b"123".isdigit(), b"  x ".strip(), b"a,b".split(b","), b"-".join([b"x", b"y"]), b.title())
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba[1:3] = b"XYZ"
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode())
del ba[0]
ba.insert(0, 122)
ba.reverse()
print(ba, ba * 2, ba + b"!", ba.find(b"Y"), b"Y" in ba, 90 in ba)
mv = memoryview(b"abcdef")
print(mv[1], bytes(mv[1:4]), mv.tobytes(), mv.tolist()[:3], len(mv))
print(b"abc" == bytearray(b"abc"), b"abc" < b"abd", sorted([b"b", b"a", b"ab"]), hash(b"x") == hash(b"x"))
print(repr(b"\n\t\\'\""), repr(bytearray(b"'")), str(b"x"), b"%d%%" % 50)
for bad in [lambda: b"a" + "b", lambda: b"\xff".decode(), lambda: bytes([256]), lambda: ba.__setitem__(0, 300)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
