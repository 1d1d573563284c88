# Huffman coding and a hand-written base64 encoder, checked against the stdlib.
import heapq, base64
from collections import Counter
def huffman(text):
    heap = [(n, i, ch) for i, (ch, n) in enumerate(sorted(Counter(text).items()))]
    heapq.heapify(heap)
    counter = len(heap)
    while len(heap) > 1:
        n1, _, a = heapq.heappop(heap)
        n2, _, b = heapq.heappop(heap)
        heapq.heappush(heap, (n1 + n2, counter, (a, b)))
        counter += 1
    codes = {}
    def walk(node, prefix):
        if isinstance(node, str):
            codes[node] = prefix or "0"
        else:
            walk(node[0], prefix + "0")
            walk(node[1], prefix + "1")
    walk(heap[0][2], "")
    return codes
text = "this is an example of a huffman tree"
codes = huffman(text)
encoded = "".join(codes[c] for c in text)
print(sorted(codes.items()), len(encoded), len(text) * 8)
rev = {v: k for k, v in codes.items()}
buf, dec = "", []
for bit in encoded:
    buf += bit
    if buf in rev:
        dec.append(rev[buf]); buf = ""
print("".join(dec) == text)
ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\0" * (3 - len(chunk)), "big")
        chars = [ALPHA[(n >> s) & 63] for s in (18, 12, 6, 0)]
        if len(chunk) < 3:
            chars[len(chunk) + 1:] = "=" * (3 - len(chunk))
        out.extend(chars)
    return "".join(out)
for sample in [b"", b"f", b"fo", b"foo", b"foobar", "héllo wörld".encode(), bytes(range(40))]:
    mine = b64(sample)
    print(repr(mine), mine == base64.b64encode(sample).decode(), base64.b64decode(mine) == sample)
print(base64.b16encode(b"hi"), base64.b32encode(b"hi"), base64.urlsafe_b64encode(b"\xfb\xff"))
