def inner(x):
    if x < 0:
        raise ValueError("negative: %d" % x)
    return x

def middle(x):
    return inner(x) * 2

def outer():
    try:
        return middle(-1)
    except ValueError as err:
        print("caught", err)
        return 0

print(outer())
