# String and bytes literal forms: escapes, raw strings, triple quotes, concatenation, numeric literals.
print("tab\tnewline\\n quote\" apostrophe\' bell-less \x41\101\u0041\U00000041\N{LATIN SMALL LETTER A}")
print(r"raw \n \t \\ {}", R"RAW\d", rb"\x00", Rb"x", br"\n")
print("""triple "double" quotes
second line""", '''triple 'single'
quotes''')
print("implicit" " concatenation" ' mixed', ("across"
                                              " lines"))
print(len("\n"), len(r"\n"), len("\\"), len("\x00"), repr("\0"), repr("\r\n"), repr("\x7f"))
print(0x1F, 0o17, 0b1011, 1_000_000, 0x_ff, 1e3, 1.5e-3, .5, 5., 1_0.0_1, 0j, 3.14j, 1E+2)
print(b"\x00\x01", b"abc\n", bytes([0x7f, 0x80]), "\u00e9" == "é", "\xe9" == "é", "e\u0301" == "é")
long = ("a"
        "b"
        f"{1 + 1}"
        "c")
print(long)
print("line continuation \
works")
x = 1 + \
    2
print(x)
print("emoji: \U0001F40D", len("\U0001F40D"), "\U0001F40D".encode("utf-16-le").hex())
