# Compile-time SyntaxWarnings go to stderr (with the file path) while the program still runs.
def calls():
    results = []
    for make in (lambda: (1)(), lambda: "s"(), lambda: [1, 2](0), lambda: (1, 2)[1.0]):
        try:
            make()
        except TypeError as e:
            results.append(str(e))
    return results
for line in calls():
    print(line)
x = 5
print(x is 5, "a" is not "b", () is ())
assert (x, "never a tuple assertion")
print("done")
