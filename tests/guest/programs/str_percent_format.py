# printf-style formatting with %.
print("%s %d %i %f %e %g %x %X %o %r %c %%" % ("s", 42, -7, 3.5, 12345.678, 0.00001, 255, 255, 8, "r", 65))
print("%5s|%-5s|%05d|%+d|% d|%.3s|%.2f|%10.3e|%#x|%#o" % ("ab", "ab", 42, 5, 5, "abcdef", 2.675, 1234.5, 255, 8))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
print("%s" % [1, 2], "%s" % (1,), "%s %s" % (1, 2), "%r" % "q", "%a" % "é")
print("%c%c%c" % ("a", 98, "c"), "%d" % True, "%d" % 3.99, "%s" % None, "%.0f" % 0.5, "%.0f" % 1.5)
b = b"%s-%d-%x" % (b"bytes", 7, 255)
print(b, b"%c" % 65, b"%b" % b"x")
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s", (1,)), ("%z", 1), ("%c", 1114112)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
