# Ends with a failing assert whose message is computed.
def check(values):
    for i, v in enumerate(values):
        assert v >= 0, "value %d at index %d is negative" % (v, i)
    return True
print(check([1, 2, 3]))
check([4, -5, 6])
