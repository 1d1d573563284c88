# Frame introspection: sys._getframe, f_code.co_name, f_back, f_locals, f_lineno, f_globals.
import sys
def current_name():
    return sys._getframe().f_code.co_name
def caller_name():
    return sys._getframe(1).f_code.co_name
def who_called_me():
    return caller_name()
print(current_name(), who_called_me(), caller_name())
def with_locals(a, b=5):
    c = a * b
    frame = sys._getframe()
    return sorted(frame.f_locals.items(), key=lambda kv: kv[0]) if False else sorted(k for k in frame.f_locals)
print(with_locals(2))
def line_of_call():
    return sys._getframe(1).f_lineno
print(line_of_call())
def chain(n):
    if n == 0:
        out = []
        f = sys._getframe()
        while f is not None:
            out.append((f.f_code.co_name, f.f_code.co_firstlineno))
            f = f.f_back
        return out
    return chain(n - 1)
print(chain(3))
def globals_check():
    f = sys._getframe()
    return f.f_globals is globals(), f.f_globals["__name__"], "globals_check" in f.f_globals
print(globals_check())
class Meth:
    def m(self):
        f = sys._getframe()
        return f.f_code.co_name, f.f_code.co_varnames, f.f_locals["self"] is self
print(Meth().m())
def in_genexpr():
    return list(sys._getframe().f_code.co_name for _ in range(1)), list(sys._getframe(1).f_code.co_name for _ in range(1))
print(in_genexpr())
lam = lambda: sys._getframe().f_code.co_name
print(lam())
def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name
print(list(gen()))
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
