# Custom exception classes: hierarchy, args, __str__, attributes, catching by base.
class AppError(Exception):
    """Base for the app."""
class NotFound(AppError):
    def __init__(self, what, code=404):
        super().__init__("not found: %s" % what)
        self.what, self.code = what, code
class Invalid(AppError, ValueError):
    def __str__(self):
        return "invalid(%s)" % ", ".join(map(str, self.args))
class NoArgs(AppError):
    pass
for exc in [NotFound("page"), Invalid(1, "two"), NoArgs(), AppError("a", "b"), Invalid()]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.what, e.code, e.args)
    except ValueError as e:
        print("ValueError-ish", type(e).__name__, str(e), repr(e), e.args)
    except AppError as e:
        print("AppError", repr(e), str(e), e.args, AppError.__doc__)
print([c.__name__ for c in Invalid.__mro__])
print(issubclass(NotFound, Exception), issubclass(Invalid, ValueError), isinstance(NotFound("x"), AppError))
class WithRepr(Exception):
    def __repr__(self):
        return "<WithRepr>"
print(repr(WithRepr("x")), str(WithRepr("x")), repr(ValueError()), str(KeyError("k")), str(KeyError("a", "b")))
class Ctx(Exception):
    def __init__(self, **info):
        super().__init__(info)
        self.info = info
try:
    raise Ctx(user="u", op="delete")
except Ctx as e:
    print(e.info, e)
errors = []
for cls in [AppError, NotFound, Invalid, NoArgs]:
    try:
        raise cls("x") if cls is not NotFound else cls("y", 500)
    except (NotFound, Invalid) as e:
        errors.append(("specific", type(e).__name__))
    except AppError as e:
        errors.append(("base", type(e).__name__))
print(errors)
e = ValueError("x")
e.custom = 1
print(e.custom, e.args, ValueError(1, 2).args, BaseException("m").args, Exception().args)
try:
    raise AppError
except AppError as e:
    print("raised class:", repr(e))
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    except NotAnException:
        pass
    raise KeyError(1)
except KeyError:
    print("fine when nothing raised through bad except clause")
