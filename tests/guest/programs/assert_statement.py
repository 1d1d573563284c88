# assert: passing, failing with and without messages, message evaluated lazily, AssertionError args.
def evaluated_message():
    print("  message evaluated")
    return "lazy message"
assert True
assert 1 == 1, evaluated_message()
print("passing asserts did not evaluate their messages")
for expr, msg in [(1 == 2, None), ([] , "empty list"), (0, 42), ("", ("tuple", "msg"))]:
    try:
        if msg is None:
            assert expr
        else:
            assert expr, msg
    except AssertionError as e:
        print("AssertionError", repr(e), e.args, str(e))
try:
    assert False, evaluated_message()
except AssertionError as e:
    print("caught", e)
def check_positive(n):
    assert n > 0, "n must be positive, got %d" % n
    return n
print(check_positive(3))
try:
    check_positive(-1)
except AssertionError as e:
    print("AssertionError:", e)
print(__debug__)
