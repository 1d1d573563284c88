# json: dumps/loads round trips, formatting options, custom encoders/decoders written in the guest.
import json
data = {"name": "Widget", "price": 9.99, "tags": ["a", "b"], "stock": None, "active": True,
        "dims": {"w": 1, "h": 2.5}, "unicode": "café ☕", "nested": [[1, [2, [3]]]]}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
back = json.loads(s)
print(back == data, back["dims"]["h"], type(back["stock"]).__name__, back["unicode"])
print(json.loads("[1, 2.0, 1e3, -0, \"x\", true, false, null, {}]"), json.loads('"\\u00e9\\n"'))
print(json.dumps([1, "two", 3.0, None, True, (4, 5)]), json.dumps("\"quoted\"\n"), json.dumps({1: "int key", True: "bool key"}))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
def decode_hook(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d
enc = json.dumps({"p": Point(1, 2), "s": {3, 1, 2}}, cls=PointEncoder)
print(enc)
dec = json.loads(enc, object_hook=decode_hook)
print(type(dec["p"]).__name__, dec["p"].x, dec["s"])
print(json.dumps(Point(5, 6), default=lambda o: vars(o)))
try:
    json.dumps({"bad": Point(0, 0)})
except TypeError as e:
    print("TypeError:", e)
for bad in ['{"a": }', "[1, 2", "{'single': 1}", "NaN x"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e.msg, e.pos, e.lineno, e.colno)
print(json.loads("[1.5, 2]", parse_float=lambda t: "float:" + t), json.loads('{"a": 1, "a": 2}'), json.loads("NaN") != json.loads("NaN"))
print(json.dumps(float("inf")), json.dumps({"z": 1, "a": [{"y": 2, "b": 1}]}, sort_keys=True, indent="\t"))
