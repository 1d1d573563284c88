# except clauses matching (JUMP_IF_NOT_EXC_MATCH): plain classes take a fast
# subclass test; non-classes and `object` are TypeErrors, tuples and
# exceptions whose class has a metaclass take the general path.


class Loud(type):
    pass


class Base(Exception):
    pass


class Mid(Base):
    pass


class Leaf(Mid):
    pass


class Other(Exception):
    pass


class LoudError(Exception, metaclass=Loud):
    pass


class LoudLeaf(LoudError):
    pass


def raise_catch(exc, *clauses):
    for clause in clauses:
        try:
            try:
                raise exc
            except clause:
                print("caught", type(exc).__name__, "by", getattr(clause, "__name__", clause))
        except TypeError as e:
            print("TypeError:", e)
        except BaseException as e:
            print("passed", type(e).__name__, "clause", getattr(clause, "__name__", clause))


for i in range(2):
    raise_catch(Leaf(i), Leaf, Mid, Base, Exception, BaseException, Other, KeyError)
    raise_catch(Leaf(i), (Other, Mid), (KeyError,), ())
    raise_catch(Leaf(i), object, int, "Leaf", 3, (Other, object), (Other, 3))
    raise_catch(LoudLeaf(i), LoudError, LoudLeaf, Other, Exception, Loud)
    raise_catch(Other(i), LoudError, LoudLeaf)
    raise_catch(KeyError(i), LookupError, IndexError, (IndexError, LookupError))
    raise_catch(StopIteration(i), Exception, GeneratorExit)
    try:
        try:
            raise Mid("inner")
        except Leaf:
            print("not here")
    except Base as e:
        print("outer", e, e.__context__)
    try:
        try:
            raise Leaf("x")
        except object:
            print("not here")
    except TypeError as e:
        print("context kept:", type(e.__context__).__name__, e)
