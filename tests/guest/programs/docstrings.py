"""Module docstring for docstrings.py."""
# Docstrings of modules, functions, classes, methods; what is and is not a docstring.
def documented():
    """Function docstring.

    With a second paragraph.
    """
def not_doc():
    x = 1
    """not a docstring"""
def fstring_not_doc():
    f"""f-strings are never docstrings"""
class K:
    """Class docstring."""
    def m(self):
        "Method docstring in single quotes."
    @property
    def p(self):
        """Property docstring."""
        return 1
lam = lambda: None
print(repr(__doc__))
print(repr(documented.__doc__))
print(repr(not_doc.__doc__), repr(fstring_not_doc.__doc__), repr(lam.__doc__))
print(repr(K.__doc__), repr(K.m.__doc__), repr(K.p.__doc__), repr(K().m.__doc__))
import inspect
print(repr(inspect.getdoc(documented)), repr(inspect.cleandoc("  a\n    b\n  c")))
documented.__doc__ = "changed"
print(documented.__doc__)
class NoDoc:
    pass
print(NoDoc.__doc__, type(NoDoc().__doc__).__name__)
def consts_first():
    "doc"
    return 1
print(consts_first.__code__.co_consts[0])
