# ExceptionGroup basics: construction, subgroup/split, derive, nesting, add_note.
eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"),
                             ExceptionGroup("inner", [KeyError("k"), ValueError("v3")])])
print(repr(eg), str(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
print("match:", repr(match))
print("rest:", repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, LookupError))))
print(eg.subgroup(OSError))
def leaves(g):
    for e in g.exceptions:
        if isinstance(e, BaseExceptionGroup):
            yield from leaves(e)
        else:
            yield e
print([repr(e) for e in leaves(eg)])
print(type(ExceptionGroup("x", [KeyboardInterrupt()])) if False else type(BaseExceptionGroup("x", [KeyError()])).__name__,
      type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
e = ValueError("noted")
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as te:
    print("TypeError:", te)
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "+derived", excs)
mg = MyGroup("mine", [ValueError(1), KeyError(2)])
m, r = mg.split(KeyError)
print(type(m).__name__, m.message, repr(r))
try:
    raise eg
except ExceptionGroup as caught:
    print("caught whole group:", caught.message, caught is eg)
