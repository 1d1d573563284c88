# string and textwrap modules.
import string, textwrap
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.ascii_uppercase[::-1], len(string.printable))
t = string.Template("$who likes ${what}s, cost $$$price")
print(t.substitute(who="Tim", what="kiwi", price=3), t.safe_substitute(who="Ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
print(string.capwords("hello   big  world"), string.capwords("a-b c-d", "-"))
para = ("Python is an interpreted, high-level, general-purpose programming language. "
        "Its design philosophy emphasizes code readability with the use of significant indentation.")
print(textwrap.fill(para, width=30))
print(textwrap.wrap(para, 40))
print(textwrap.shorten(para, width=50, placeholder=" [...]"))
print(textwrap.indent("line one\nline two\n\nline four", "> "))
print(repr(textwrap.dedent("""
    def f():
        return 1
    """)))
w = textwrap.TextWrapper(width=25, initial_indent="* ", subsequent_indent="  ", break_long_words=True)
print("\n".join(w.wrap("A supercalifragilisticexpialidocious word inside a sentence that wraps.")))
class Fmt(string.Formatter):
    def format_field(self, value, spec):
        if spec == "upper":
            return str(value).upper()
        return super().format_field(value, spec)
print(Fmt().format("{0:upper} and {1:>5}", "loud", "pad"))
