# Ends with an exception raised through closures (a decorator's wrapper, a nested helper) called from hot loops.
def retry(times):
    def deco(fn):
        def wrapper(x):
            last = None
            for _ in range(times):
                last = fn(x)
            return last
        return wrapper
    return deco


def make_checker(limit):
    def check(v):
        if v > limit:
            raise ValueError("value %d over the limit %d" % (v, limit))
        return v
    return check


checker = make_checker(50)


@retry(2)
def scaled(x):
    return checker(x * 10)


def main():
    total = 0
    for i in range(8):
        total += scaled(i)
        print(i, total)


main()
