# except*: matching, splitting, reraise of unmatched parts, naked exceptions, nesting.
def run(exc):
    try:
        try:
            raise exc
        except* ValueError as g:
            print("  ValueError part:", repr(g))
        except* (KeyError, IndexError) as g:
            print("  Lookup part:", repr(g))
    except BaseException as leftover:
        print("  propagated:", repr(leftover))
    else:
        print("  fully handled")
print("group"); run(ExceptionGroup("g", [ValueError(1), KeyError(2), TypeError(3), IndexError(4)]))
print("naked"); run(ValueError("naked"))
print("naked other"); run(TypeError("other"))
print("nested"); run(ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError("deep"), OSError("os")]), KeyError("k")]))
def raise_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError("a"), TypeError("b")])
    except* ValueError:
        raise RuntimeError("from handler")
    except* TypeError:
        print("  TypeError handled")
try:
    raise_in_handler()
except Exception as e:
    print("raise in handler ->", repr(e))
    print("context of RuntimeError:", repr(e.__context__))
def reraise_bare():
    try:
        raise ExceptionGroup("eg", [ValueError("x"), KeyError("y")])
    except* ValueError:
        print("  reraising")
        raise
try:
    reraise_bare()
except ExceptionGroup as e:
    print("bare reraise ->", repr(e))
def with_finally():
    try:
        raise ExceptionGroup("eg", [ValueError()])
    except* ValueError:
        print("  handler")
    else:
        print("  else")
    finally:
        print("  finally")
with_finally()
try:
    try:
        pass
    except* ValueError:
        print("never")
    else:
        print("else when nothing raised")
except Exception:
    pass
log = []
for i in range(3):
    try:
        raise ExceptionGroup("loop", [ValueError(i)])
    except* ValueError as g:
        log.append(g.exceptions[0].args[0])
print(log)
