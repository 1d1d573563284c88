# Exception chaining: __context__, __cause__, __suppress_context__, raise from None.
def show(e, depth=0):
    pad = "  " * depth
    print(pad + repr(e), "cause=%r" % e.__cause__, "context=%r" % e.__context__, "suppress=%s" % e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)
try:
    try:
        {}["k"]
    except KeyError as ke:
        raise RuntimeError("explicit") from ke
except RuntimeError as e:
    show(e)
try:
    try:
        [][0]
    except IndexError:
        raise TypeError("hidden") from None
except TypeError as e:
    show(e)
try:
    raise ValueError("direct cause") from KeyError("k")
except ValueError as e:
    show(e)
def three_levels():
    try:
        try:
            try:
                raise OSError("level1")
            except OSError:
                raise KeyError("level2")
        except KeyError:
            raise ValueError("level3")
    except ValueError as e:
        chain = []
        while e is not None:
            chain.append("%s(%s)" % (type(e).__name__, e))
            e = e.__context__
        return chain
print(three_levels())
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(e.__suppress_context__, repr(e.__cause__))
try:
    try:
        raise KeyError("a")
    except KeyError as err:
        err2 = err
        raise
except KeyError as again:
    print(again is err2, again.__context__)
try:
    try:
        raise ValueError("first")
    finally:
        print("finally sees active exception")
except ValueError as e:
    print("context of finally-passed:", e.__context__)
def reraise_with_tb():
    try:
        int("z")
    except ValueError as e:
        raise e.with_traceback(None)
try:
    reraise_with_tb()
except ValueError as e:
    print("with_traceback:", e)
import traceback
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise LookupError("wrapped") from z
except LookupError as e:
    print([line.split(":")[0] for line in traceback.format_exception_only(type(e), e)])
    print(type(e.__cause__).__name__, e.__cause__.args)
