# collections: Counter, deque, defaultdict, OrderedDict, ChainMap.
from collections import Counter, deque, defaultdict, OrderedDict, ChainMap
text = "the quick brown fox jumps over the lazy dog the end"
c = Counter(text.split())
print(c.most_common(3), c["the"], c["missing"], sum(c.values()), len(c))
c2 = Counter("abracadabra")
print(sorted(c2.items()), c2.most_common(2), sorted(c2.elements())[:6])
c2.update("aaz"); c2.subtract("b")
print(sorted((c2 + Counter("zz")).items()), sorted((c2 - Counter("aaaa")).items()), sorted((c2 & Counter("aab")).items()), sorted((c2 | Counter("bbbbb")).items()))
dq = deque([1, 2, 3], maxlen=5)
dq.append(4); dq.appendleft(0); dq.append(5)
print(dq, dq.maxlen, dq[0], dq[-1])
dq.rotate(2); print(dq)
dq.rotate(-3); print(dq)
print(dq.pop(), dq.popleft(), dq, list(reversed(dq)), dq.count(3), 3 in dq)
dq.extend([7, 8]); dq.extendleft([9]); print(dq)
dd = defaultdict(list)
for word in text.split():
    dd[word[0]].append(word)
print(sorted(dd.items())[:4], dd.default_factory.__name__, "zz" in dd, dd["zz"], "zz" in dd)
nested = defaultdict(lambda: defaultdict(int))
for a, b in [("x", 1), ("x", 2), ("y", 1), ("x", 1)]:
    nested[a][b] += 1
print({k: dict(v) for k, v in nested.items()})
od = OrderedDict()
for k in "dbca":
    od[k] = ord(k)
od.move_to_end("d")
od.move_to_end("a", last=False)
print(od, list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
defaults = {"color": "red", "user": "guest"}
env = {"user": "admin"}
cm = ChainMap({}, env, defaults)
cm["new"] = 1
print(cm["user"], cm["color"], cm.maps[0], len(cm), sorted(cm), cm.new_child({"user": "x"})["user"], cm.parents["user"])
