# In-memory and temporary-file I/O: StringIO, BytesIO, csv, reading and writing a temp file.
import io, csv, os, tempfile
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["name", "qty", "note"])
w.writerows([["apple", 3, "red, round"], ["pear", 0, 'says "hi"'], ["fig", 12, ""]])
text = buf.getvalue()
print(repr(text))
rows = list(csv.reader(io.StringIO(text)))
print(rows)
for rec in csv.DictReader(io.StringIO(text)):
    print(dict(rec), int(rec["qty"]) * 2)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["a", "b"], lineterminator="\n")
dw.writeheader()
dw.writerow({"a": 1, "b": "x"})
print(repr(out.getvalue()))
bio = io.BytesIO()
bio.write(b"hello ")
bio.write("wörld".encode())
bio.seek(0)
print(bio.read(5), bio.tell(), bio.read(), bio.getvalue(), len(bio.getbuffer()))
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data.txt")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(5):
            f.write("line %d: %s\n" % (i, "*" * i))
        print("written", f.tell())
    with open(path, encoding="utf-8") as f:
        print(f.readline(), end="")
        print([line.rstrip("\n") for line in f])
    with open(path, "rb") as f:
        f.seek(-8, 2)
        print(f.read(), os.path.getsize(path))
    with open(path, "a") as f:
        print("appended", file=f)
    with open(path) as f:
        lines = f.read().splitlines()
    print(len(lines), lines[-1], os.path.exists(path), sorted(os.listdir(d)))
print(os.path.exists(path))
try:
    open(os.path.join("definitely", "missing", "file"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
sio = io.StringIO("a\nb\nc")
print(list(sio), sio.read(), io.StringIO("x").readlines())
