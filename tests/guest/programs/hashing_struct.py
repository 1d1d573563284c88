# hashlib, zlib, binascii, struct with fixed data.
import hashlib, zlib, binascii, struct
data = b"The quick brown fox jumps over the lazy dog"
print(hashlib.md5(data).hexdigest(), hashlib.sha1(data).hexdigest())
print(hashlib.sha256(data).hexdigest(), hashlib.sha256(b"").hexdigest()[:16])
h = hashlib.sha256()
for chunk in [data[i:i + 7] for i in range(0, len(data), 7)]:
    h.update(chunk)
print(h.hexdigest() == hashlib.sha256(data).hexdigest(), h.digest_size, h.name)
print(zlib.crc32(data), zlib.adler32(data), binascii.crc32(b"abc"), binascii.hexlify(b"\x00\xffab"), binascii.unhexlify("4869"))
comp = zlib.compress(data * 10)
print(len(comp), len(data * 10), zlib.decompress(comp) == data * 10)
packed = struct.pack("<iHd3s?", -5, 65535, 3.5, b"abc", True)
print(packed, len(packed), struct.unpack("<iHd3s?", packed), struct.calcsize("<iHd3s?"), struct.calcsize("@iHd"))
print(struct.pack(">I", 1), struct.pack("<I", 1), struct.unpack(">hh", b"\x00\x01\xff\xff"), struct.pack("!f", 1.5).hex())
records = [(1, b"alpha", 1.25), (2, b"beta", -3.5)]
blob = b"".join(struct.pack("<B5sf", *r) for r in records)
print(blob.hex(), [struct.unpack_from("<B5sf", blob, off) for off in range(0, len(blob), struct.calcsize("<B5sf"))])
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\xff\xff")))
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("struct.error:", e)
def checksum(b):
    total = 0
    for i, byte in enumerate(b):
        total = (total * 31 + byte * (i + 1)) % 1000000007
    return total
print(checksum(data), checksum(packed))
