# Ends with an uncaught exception raised at module level: traceback on stderr, exit status 1.
print("about to fail")
values = [1, 2, 3]
print(sum(values))
raise ValueError("invalid value: %d" % len(values))
print("never printed")
