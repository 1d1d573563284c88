# Ends with a SyntaxError raised by compile() at run time (not the file's own syntax).
print("compiling user code")
source = "x = 1\nif x > 0\n    print(x)\n"
code = compile(source, "<user-code>", "exec")
exec(code)
